import { useEffect, useState } from 'react';
import type { SessionState } from '@/lib/reader/session';
import { ZOOM_MAX, ZOOM_MIN } from '@/lib/reader/viewer';

export interface ToolbarActions {
  goToPage(page: number): void;
  setZoom(zoom: number): void;
  fitWidth(): void;
  find(query: string): void;
  findStep(direction: 1 | -1): void;
  addSelection(): void;
}

export function ReaderToolbar({ state, actions }: { state: SessionState; actions: ToolbarActions }) {
  const [pageText, setPageText] = useState(String(state.currentPage));
  const [query, setQuery] = useState('');
  useEffect(() => setPageText(String(state.currentPage)), [state.currentPage]);
  const { find } = state;
  const findStatus = !find.query
    ? ''
    : find.total === 0
      ? find.pending
        ? 'Searching…'
        : 'Not found'
      : `${find.index + 1} of ${find.total}${find.pending ? '+' : ''}`;

  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Reader">
      <div className="reader-group">
        <button type="button" className="secondary" aria-label="Previous page" disabled={state.currentPage <= 1} onClick={() => actions.goToPage(state.currentPage - 1)}>
          ‹
        </button>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(pageText);
            if (Number.isInteger(n) && n >= 1 && n <= state.pageCount) actions.goToPage(n);
            else setPageText(String(state.currentPage));
          }}
        >
          <input
            className="reader-page-input"
            aria-label="Page number"
            inputMode="numeric"
            value={pageText}
            onChange={(e) => setPageText(e.target.value)}
            onBlur={() => setPageText(String(state.currentPage))}
          />
        </form>
        <span className="muted">of {state.pageCount}</span>
        <button type="button" className="secondary" aria-label="Next page" disabled={state.currentPage >= state.pageCount} onClick={() => actions.goToPage(state.currentPage + 1)}>
          ›
        </button>
      </div>
      <div className="reader-group">
        <button type="button" className="secondary" aria-label="Zoom out" disabled={state.zoom <= ZOOM_MIN} onClick={() => actions.setZoom(state.zoom / 1.2)}>
          −
        </button>
        <span className="reader-zoom" aria-live="polite" aria-label={`Zoom ${Math.round(state.zoom * 100)} percent`}>
          {Math.round(state.zoom * 100)}%
        </span>
        <button type="button" className="secondary" aria-label="Zoom in" disabled={state.zoom >= ZOOM_MAX} onClick={() => actions.setZoom(state.zoom * 1.2)}>
          +
        </button>
        <button type="button" className="secondary" onClick={actions.fitWidth}>
          Fit width
        </button>
      </div>
      <form
        className="reader-group"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim() && query === find.query && find.total) actions.findStep(1);
          else actions.find(query);
        }}
      >
        <input type="search" aria-label="Find in document" placeholder="Find in document" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" className="secondary" aria-label="Previous match" disabled={!find.total} onClick={() => actions.findStep(-1)}>
          ↑
        </button>
        <button type="button" className="secondary" aria-label="Next match" disabled={!find.total} onClick={() => actions.findStep(1)}>
          ↓
        </button>
        <span className="reader-find-status" role="status">
          {findStatus}
        </span>
      </form>
      <div className="reader-group">
        {/* Keeps the selection: a mouse-down on the button would otherwise clear it first in some browsers. */}
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={actions.addSelection}>
          Add selection to evidence
        </button>
      </div>
    </div>
  );
}
