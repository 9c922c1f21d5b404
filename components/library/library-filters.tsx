/** Filters over the library: SuR, recommending State, mechanism or body, type, session range, action category, response, issue, relevant only. */
import { memo } from 'react';
import type { LibraryFilters, LibraryIndex } from '@/lib/library/search-index';
import { ACTION_LABELS, KIND_LABELS, responseLabel } from '@/lib/library/labels';
import { MECHANISMS } from '@/lib/library/index-snapshot';

const MECHANISM_GROUPS: Record<string, string> = { upr: 'UPR', 'treaty-body': 'Treaty bodies', 'special-procedure': 'Special procedures', other: 'Other mechanisms' };

/** One select for the mechanism or a single body in it: "m:treaty-body" or "b:CRC". */
function MechanismChoice({ index, filters, onChange }: Props) {
  const value = filters.body ? `b:${filters.body}` : filters.mechanism ? `m:${filters.mechanism}` : '';
  const pick = (v: string) => onChange({ ...filters, mechanism: v.startsWith('m:') ? v.slice(2) : undefined, body: v.startsWith('b:') ? v.slice(2) : undefined });
  return (
    <label>
      Mechanism
      <select value={value} onChange={(e) => pick(e.target.value)}>
        <option value="">All</option>
        {MECHANISMS.filter((m) => index.bodies.some((b) => b.mechanism === m)).map((m) => {
          const bodies = index.bodies.filter((b) => b.mechanism === m);
          const total = bodies.reduce((n, b) => n + b.count, 0);
          return (
            <optgroup key={m} label={MECHANISM_GROUPS[m]}>
              <option value={`m:${m}`}>{`${MECHANISM_GROUPS[m]}: all (${total})`}</option>
              {m !== 'upr' &&
                bodies.map((b) => (
                  <option key={b.name} value={`b:${b.name}`}>
                    {`${b.name} (${b.count})`}
                  </option>
                ))}
            </optgroup>
          );
        })}
      </select>
    </label>
  );
}

interface Props {
  index: LibraryIndex;
  filters: LibraryFilters;
  onChange: (f: LibraryFilters) => void;
}

/** One labelled select: `none` first (no filter), then each value with its text. */
function Choice({ label, value, none, options, onPick }: { label: string; value: string | number | undefined; none: string; options: readonly (readonly [string | number, string])[]; onPick: (v: string) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onPick(e.target.value)}>
        <option value="">{none}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Filters in use (a session range from and to counts as two). */
export const libraryFiltersInUse = (filters: LibraryFilters) => Object.values(filters).filter((v) => v !== undefined).length;

const same = (v: string | number) => [v, String(v)] as const;

/** Re-rendered only when the index or the filters change, not at every keystroke (its lists hold hundreds of options). */
export const LibraryFilterBar = memo(function LibraryFilterBar({ index, filters, onChange }: Props) {
  const set = <K extends keyof LibraryFilters>(k: K, v: LibraryFilters[K] | '') => onChange({ ...filters, [k]: v === '' ? undefined : v });
  const num = (v: string) => (v === '' ? undefined : Number(v));
  return (
    <div className="filter-bar library-filters">
      <div className="select-row">
        <Choice label="State under Review" value={filters.sur} none="All" options={index.surNames.map(same)} onPick={(v) => set('sur', v)} />
        <Choice label="Recommending State" value={filters.from} none="All" options={index.fromNames.map(same)} onPick={(v) => set('from', v)} />
      </div>
      {(index.bodies.length > 1 || index.kinds.length > 1) && (
        <div className="select-row">
          {index.bodies.length > 1 && <MechanismChoice index={index} filters={filters} onChange={onChange} />}
          {index.kinds.length > 1 && (
            <Choice label="Type" value={filters.kind} none="All" options={index.kinds.map(([k, n]) => [k, `${KIND_LABELS[k]} (${n})`] as const)} onPick={(v) => set('kind', v)} />
          )}
        </div>
      )}
      <div className="select-row">
        <Choice label="Sessions from" value={filters.sessionFrom} none="first" options={index.sessions.map(same)} onPick={(v) => set('sessionFrom', num(v))} />
        <Choice label="to" value={filters.sessionTo} none="last" options={index.sessions.map(same)} onPick={(v) => set('sessionTo', num(v))} />
        <Choice label="Action category" value={filters.action} none="All" options={[1, 2, 3, 4, 5].map((a) => [a, ACTION_LABELS[a]!] as const)} onPick={(v) => set('action', num(v))} />
        <Choice label="Response" value={filters.response} none="All" options={index.responses.map((r) => [r, responseLabel(r)] as const)} onPick={(v) => set('response', v)} />
        <Choice label="Issue" value={filters.issue} none="All" options={index.issues.map(([t, n]) => [t, `${t} (${n})`] as const)} onPick={(v) => set('issue', v)} />
        <label className="checkbox">
          <input type="checkbox" checked={!!filters.relevantOnly} onChange={(e) => set('relevantOnly', e.target.checked || undefined)} />
          Atrocity prevention relevant only
        </label>
      </div>
    </div>
  );
});
