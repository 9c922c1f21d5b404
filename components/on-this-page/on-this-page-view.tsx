/**
 * "On this page": the concepts highlighted in the tab beside the panel, with counts, grouped by
 * category. Choosing one scrolls the page to its occurrences in turn (and opens its card there).
 */
import { useEffect, useState } from 'react';
import type { PageSummary } from '@/lib/messages/highlight';
import { sendMessage, sendToTab } from '@/lib/messages/transport';
import { readPageSummary, watchPageSummary } from '@/lib/settings/page-summaries';
import { readHighlightSettings, setCategoryOn, watchHighlightSettings, type HighlightSettings } from '@/lib/settings/highlight-settings';
import { useKnowledge } from '../knowledge-context';
import { HighlightSettingsPanel } from '../settings/highlight-settings';
import { groupPageConcepts } from './group-concepts';
import { usePageTab } from './use-page-tab';
import './on-this-page.css';

function usePageSummary(tabId: number | undefined): PageSummary | null | undefined {
  const [summary, setSummary] = useState<PageSummary | null>();
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    void readPageSummary(tabId).then((s) => live && setSummary(s));
    const unwatch = watchPageSummary(tabId, (s) => live && setSummary(s));
    return () => {
      live = false;
      unwatch();
    };
  }, [tabId]);
  return summary;
}

function useColours(): HighlightSettings | undefined {
  const [s, setS] = useState<HighlightSettings>();
  useEffect(() => {
    void readHighlightSettings().then(setS);
    return watchHighlightSettings(setS);
  }, []);
  return s;
}

const mentions = (n: number) => `${n} ${n === 1 ? 'mention' : 'mentions'}`;

export function OnThisPageView() {
  const kb = useKnowledge();
  const tabId = usePageTab();
  const summary = usePageSummary(tabId);
  const settings = useColours();
  const [status, setStatus] = useState('');
  const groups = summary ? groupPageConcepts(summary.counts, kb.concepts) : [];
  const marked = (g: (typeof groups)[number]) => settings?.categories[g.category]?.on !== false;
  const shown = groups.filter(marked);

  const reveal = async (id: string, label: string) => {
    if (tabId === undefined) return;
    try {
      const r = await sendToTab(tabId, 'highlight/reveal', { conceptId: id });
      setStatus(r.total ? `${label}: occurrence ${r.index + 1} of ${r.total}.` : `${label} is no longer on the page.`);
    } catch {
      setStatus('The page did not answer. Reload it and try again.');
    }
  };
  const markCategory = (g: (typeof groups)[number], on: boolean) =>
    void setCategoryOn(g.category, on).then(
      () => setStatus(on ? `${g.label}: marked on the page.` : `${g.label}: no longer marked (still counted here).`),
      () => setStatus('The setting could not be saved. Try again.'),
    );
  const highlightNow = async () => {
    if (tabId === undefined) return;
    const r = await sendMessage('highlight/page', { tabId }).catch(() => ({ ok: false, message: undefined }));
    setStatus(r.ok ? 'Highlighting this page.' : (r.message ?? 'This page could not be highlighted.'));
  };

  return (
    <section className="on-this-page" aria-labelledby="on-this-page-title">
      <h2 id="on-this-page-title">On this page</h2>
      {!summary || groups.length === 0 ? (
        <div className="empty-state">
          <p>{summary ? 'No R2P concepts were found on this page.' : 'This page is not highlighted.'}</p>
          {!summary && (
            <p className="muted">
              Use <strong>Highlight this page</strong> in the R2P Lens toolbar button, or press Alt+Shift+H on the page.
            </p>
          )}
          <button type="button" onClick={() => void highlightNow()}>
            Highlight this page
          </button>
        </div>
      ) : (
        <>
          <p className="muted">
            {mentions(shown.reduce((n, g) => n + g.total, 0))} of {shown.reduce((n, g) => n + g.concepts.length, 0)} concepts marked.
            Choose one to go to its occurrences in turn.
          </p>
          {groups.map((g) => (
            <div key={g.category} className={marked(g) ? 'page-group' : 'page-group off'}>
              <div className="group-head">
                <h3>
                  <span className="swatch" aria-hidden="true" style={{ background: settings?.categories[g.category].color }} />
                  {g.label}
                </h3>
                <label className="mark-toggle">
                  <input type="checkbox" checked={marked(g)} aria-label={`Mark ${g.label} on the page`} onChange={(e) => markCategory(g, e.target.checked)} />
                  Marked
                </label>
              </div>
              {!marked(g) ? (
                <p className="muted">{mentions(g.total)}, not marked.</p>
              ) : (
                <ul className="page-concepts" aria-label={g.label}>
                  {g.concepts.map((c) => (
                    <li key={c.id}>
                      <button type="button" data-concept-id={c.id} onClick={() => void reveal(c.id, c.label)}>
                        <span>{c.label}</span>
                        <span className="count" aria-label={`${c.count} ${c.count === 1 ? 'occurrence' : 'occurrences'}`}>
                          {c.count}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </>
      )}
      <p role="status" className="muted">
        {status}
      </p>
      <HighlightSettingsPanel />
    </section>
  );
}
