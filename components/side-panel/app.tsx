import { useEffect, useState } from 'react';
import { SearchView } from '../search/search-view';
import { lastQuery } from '@/lib/settings/ui-state';

const TABS = [{ id: 'search', label: 'Search' }] as const;
type TabId = (typeof TABS)[number]['id'];

export function SidePanelApp() {
  const [tab, setTab] = useState<TabId>('search');
  const [initialQuery, setInitialQuery] = useState<string | undefined>(undefined);

  // Read once when the panel opens (the popup leaves its query here). Not watched: storage
  // notices of our own writes arrive after later keystrokes and would undo them.
  useEffect(() => {
    let live = true;
    void lastQuery.getValue().then((q) => live && setInitialQuery(q));
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>R2P Lens</h1>
        <nav role="tablist" aria-label="Sections">
          {TABS.map((t) => (
            <button
              key={t.id}
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </nav>
      </header>
      <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'search' && initialQuery !== undefined && (
          <SearchView initialQuery={initialQuery} onQueryChange={(q) => void lastQuery.setValue(q)} />
        )}
      </main>
    </div>
  );
}
