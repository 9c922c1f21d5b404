/** The result list, virtualised: 40,000 rows render as the dozen in view. */
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LibraryRow } from '@/lib/db/rows';
import { ACTION_LABELS, responseLabel } from '@/lib/library/labels';
import { useKnowledge } from '../knowledge-context';

const ESTIMATE = 130;

export function LibraryResults({ rows }: { rows: readonly LibraryRow[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    // An element with no layout (a hidden panel) measures 0: keep the estimate rather than
    // collapse every row onto one line and render the whole list.
    measureElement: (el) => el.getBoundingClientRect().height || ESTIMATE,
    overscan: 6,
    getItemKey: (i) => rows[i]!.id,
    // Where layout is unknown (first paint, tests) assume a panel-sized viewport.
    initialRect: { width: 400, height: 700 },
  });
  return (
    <div ref={scrollRef} className="library-results" tabIndex={0} aria-label="Library results">
      <ul style={{ height: virtualizer.getTotalSize() }} className="library-results-inner">
        {virtualizer.getVirtualItems().map((v) => (
          <li
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            className="library-row"
            style={{ transform: `translateY(${v.start}px)` }}
            aria-setsize={rows.length}
            aria-posinset={v.index + 1}
          >
            <RowCard row={rows[v.index]!} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function RowCard({ row }: { row: LibraryRow }) {
  const kb = useKnowledge();
  const label = (id: string) => kb.concepts.find((c) => c.id === id)?.label ?? id;
  return (
    <article className="result-card library-card">
      <p className="library-text">{row.text}</p>
      <p className="muted">
        {row.from} → {row.sur} · session {row.session ?? '?'} · <span className={`response response-${row.response.replace(/\s+/g, '-')}`}>{responseLabel(row.response)}</span>
        {row.action ? ` · ${ACTION_LABELS[row.action]}` : ''}
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
