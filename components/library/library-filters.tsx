/** Filters over the library: SuR, recommending State, session range, action category, response, issue, relevant only. */
import type { LibraryFilters, LibraryIndex } from '@/lib/library/search-index';
import { ACTION_LABELS, responseLabel } from '@/lib/library/labels';

interface Props {
  index: LibraryIndex;
  filters: LibraryFilters;
  onChange: (f: LibraryFilters) => void;
}

export function LibraryFilterBar({ index, filters, onChange }: Props) {
  const set = <K extends keyof LibraryFilters>(k: K, v: LibraryFilters[K] | '') => onChange({ ...filters, [k]: v === '' ? undefined : v });
  const num = (v: string) => (v === '' ? undefined : Number(v));
  return (
    <div className="filter-bar library-filters">
      <div className="select-row">
        <label>
          State under Review
          <select value={filters.sur ?? ''} onChange={(e) => set('sur', e.target.value)}>
            <option value="">All</option>
            {index.surNames.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          Recommending State
          <select value={filters.from ?? ''} onChange={(e) => set('from', e.target.value)}>
            <option value="">All</option>
            {index.fromNames.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="select-row">
        <label>
          Sessions from
          <select value={filters.sessionFrom ?? ''} onChange={(e) => set('sessionFrom', num(e.target.value))}>
            <option value="">first</option>
            {index.sessions.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          to
          <select value={filters.sessionTo ?? ''} onChange={(e) => set('sessionTo', num(e.target.value))}>
            <option value="">last</option>
            {index.sessions.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action category
          <select value={filters.action ?? ''} onChange={(e) => set('action', num(e.target.value))}>
            <option value="">All</option>
            {[1, 2, 3, 4, 5].map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Response
          <select value={filters.response ?? ''} onChange={(e) => set('response', e.target.value)}>
            <option value="">All</option>
            {index.responses.map((r) => (
              <option key={r} value={r}>
                {responseLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Issue
          <select value={filters.issue ?? ''} onChange={(e) => set('issue', e.target.value)}>
            <option value="">All</option>
            {index.issues.map(([t, n]) => (
              <option key={t} value={t}>
                {t} ({n})
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={!!filters.relevantOnly} onChange={(e) => set('relevantOnly', e.target.checked || undefined)} />
          Atrocity prevention relevant only
        </label>
        {Object.values(filters).some((v) => v !== undefined) && (
          <button type="button" className="secondary" onClick={() => onChange({})}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
