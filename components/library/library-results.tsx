/**
 * The result list, virtualised: 267,000 rows render as the dozen in view, and only those are read
 * from IndexedDB (lib/library/row-source.ts); a row not read yet shows as a placeholder for the
 * few milliseconds its block takes. It flows with the side panel's own scroll (no box scrolling
 * inside the panel), so the virtualiser follows the window.
 */
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { LibraryRow } from '@/lib/db/rows';
import { ACTION_LABELS, KIND_LABELS, mechanismLabel, responseLabel } from '@/lib/library/labels';
import type { RowSource } from '@/lib/library/row-source';
import { useKnowledge } from '../knowledge-context';

const ESTIMATE = 160;

/** Where the list starts in the document: what sits above it (filters, chart, import summary) changes height. */
function useDocumentTop(ref: React.RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setTop(Math.round(el.getBoundingClientRect().top + window.scrollY));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return top;
}

export function LibraryResults({ positions, source }: { positions: Int32Array; source: RowSource }) {
  const listRef = useRef<HTMLUListElement>(null);
  const top = useDocumentTop(listRef);
  const [, rowsArrived] = useReducer((n: number) => n + 1, 0);
  const virtualizer = useWindowVirtualizer({
    count: positions.length,
    scrollMargin: top,
    estimateSize: () => ESTIMATE,
    // An element with no layout (a hidden panel) measures 0: keep the estimate rather than
    // collapse every row onto one line and render the whole list.
    measureElement: (el) => el.getBoundingClientRect().height || ESTIMATE,
    overscan: 6,
    getItemKey: (i) => positions[i]!,
    // Where layout is unknown (first paint, tests) assume a panel-sized viewport.
    initialRect: { width: 400, height: 700 },
  });
  const items = virtualizer.getVirtualItems();
  const missing = items.map((v) => positions[v.index]!).filter((p) => !source.cached(p));
  const wanted = missing.join(',');
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void source.load(wanted.split(',').map(Number)).then(() => live && rowsArrived());
    return () => {
      live = false;
    };
  }, [wanted, source]);
  return (
    <ul ref={listRef} style={{ height: virtualizer.getTotalSize() }} className="library-results" aria-label="Library results">
      {items.map((v) => {
        const row = source.cached(positions[v.index]!);
        return (
          <li
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            className="library-row"
            style={{ transform: `translateY(${v.start - top}px)` }}
            aria-setsize={positions.length}
            aria-posinset={v.index + 1}
          >
            {row ? <RowCard row={row} /> : <article className="result-card library-card loading" aria-busy="true" />}
          </li>
        );
      })}
    </ul>
  );
}

function RowCard({ row }: { row: LibraryRow }) {
  const kb = useKnowledge();
  const label = (id: string) => kb.concepts.find((c) => c.id === id)?.label ?? id;
  const upr = !row.mechanism || row.mechanism === 'upr';
  const from = [row.from, ...(row.fromAlso ?? [])].join(', ');
  return (
    <article className="result-card library-card">
      <p className="library-text">{row.text}</p>
      <p className="muted">
        {upr ? (
          <>
            {from} → {row.sur} · session {row.session ?? '?'} ·{' '}
            <span className={`response response-${row.response.replace(/\s+/g, '-')}`}>{responseLabel(row.response)}</span>
            {row.action ? ` · ${ACTION_LABELS[row.action]}` : ''}
          </>
        ) : (
          <>
            {row.body} ({mechanismLabel(row.mechanism)}) → {row.sur} · {KIND_LABELS[row.kind ?? 'recommendation']}
          </>
        )}
        {row.documentSymbol ? ` · ${row.documentSymbol}` : ''}
        {row.date ? ` · ${row.date}` : ''}
        {row.relevant ? <span className="relevant-flag"> · atrocity prevention relevant</span> : null}
      </p>
      {row.concepts.length > 0 && (
        <ul className="concept-tags" aria-label="Concepts">
          {row.concepts.map((c) => (
            <li key={c}>{label(c)}</li>
          ))}
        </ul>
      )}
      {row.issues.length > 0 && <p className="muted issues">Issues: {row.issues.join(', ')}</p>}
    </article>
  );
}
