import { useEffect, useRef, useState } from 'react';
import { lastQuery, panelRequest } from '@/lib/settings/ui-state';
import { TABS } from './tabs';

/** `sidepanel.html#reviews` opens on that tab (the popup, the card and the tests use it). */
const tabFromHash = () => TABS.find((t) => `#${t.id}` === location.hash)?.id ?? TABS[0]!.id;

export function SidePanelApp() {
  const [tab, setTab] = useState(tabFromHash);
  const [initialQuery, setInitialQuery] = useState<string | undefined>(undefined);
  // Bumped when the card asks an open panel to show a concept: Search starts afresh on it.
  const [shownAt, setShownAt] = useState(0);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  // Read once when the panel opens (the popup leaves its query here). Not watched: storage
  // notices of our own writes arrive after later keystrokes and would undo them.
  useEffect(() => {
    let live = true;
    void lastQuery.getValue().then((q) => live && setInitialQuery(q));
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    // Only the background writes this (the card's "Open in side panel"), so no echo of our own typing.
    const unwatch = panelRequest.watch((asked) => {
      if (!live || !asked) return;
      setInitialQuery(asked.query);
      setShownAt(asked.at);
      select('search');
    });
    return () => {
      live = false;
      unwatch();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  const select = (id: string) => {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
  };
  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    const t = TABS[(next + TABS.length) % TABS.length]!;
    select(t.id);
    tabRefs.current.get(t.id)?.focus();
  };

  const current = TABS.find((t) => t.id === tab) ?? TABS[0]!;
  return (
    <div className="app">
      <header className="app-header side-panel-header">
        {/* The browser's panel header already names the extension: the page keeps its heading for screen readers. */}
        <h1 className="visually-hidden">R2P Lens</h1>
        <nav role="tablist" aria-label="Sections">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => void (el ? tabRefs.current.set(t.id, el) : tabRefs.current.delete(t.id))}
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => select(t.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t.label}
            </button>
          ))}
        </nav>
      </header>
      {/* The tab panel inside <main>: a role on <main> itself would take away the page's main landmark. */}
      <main>
        <div key={shownAt} id={`panel-${current.id}`} role="tabpanel" aria-labelledby={`tab-${current.id}`}>
          {initialQuery !== undefined &&
            current.render({ initialQuery, onQueryChange: (q) => void lastQuery.setValue(q) })}
        </div>
      </main>
    </div>
  );
}
