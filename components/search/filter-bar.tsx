import type { CatalogueFilters } from '@/lib/catalogue/search';
import { ACTORS, THEMES } from '@/lib/catalogue/schema';
import { ACTOR_LABELS, PILLAR_LABELS, THEME_LABELS, UPR_STEP_LABELS } from '@/lib/catalogue/labels';
import { useKnowledge } from '../knowledge-context';

type Key = keyof CatalogueFilters;

function toggle<T>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

function Chip({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" className="chip" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}

/** Filters in use: each chosen value counts (two reports chosen are two filters). */
export const filtersInUse = (filters: CatalogueFilters) => Object.values(filters).reduce((n, v) => n + (v?.length ?? 0), 0);

export function FilterBar({ filters, onChange }: { filters: CatalogueFilters; onChange: (f: CatalogueFilters) => void }) {
  const kb = useKnowledge();
  const set = <K extends Key>(key: K, value: CatalogueFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <div className="chip-row" role="group" aria-label="Report">
        {kb.reports.map((r) => (
          <Chip key={r.id} pressed={!!filters.report?.includes(r.id)} onClick={() => set('report', toggle(filters.report, r.id))}>
            {r.year}
          </Chip>
        ))}
      </div>
      <div className="chip-row" role="group" aria-label="Pillar">
        {([1, 2, 3] as const).map((p) => (
          <Chip key={p} pressed={!!filters.pillar?.includes(p)} onClick={() => set('pillar', toggle(filters.pillar, p))}>
            {PILLAR_LABELS[p]}
          </Chip>
        ))}
      </div>
      <div className="chip-row" role="group" aria-label="UPR step">
        {([1, 2, 3, 4] as const).map((s) => (
          <Chip key={s} pressed={!!filters.uprStep?.includes(s)} onClick={() => set('uprStep', toggle(filters.uprStep, s))}>
            {UPR_STEP_LABELS[s]}
          </Chip>
        ))}
      </div>
      <div className="select-row">
        <label>
          Actor
          <select value={filters.actor?.[0] ?? ''} onChange={(e) => set('actor', e.target.value ? [e.target.value as (typeof ACTORS)[number]] : [])}>
            <option value="">Any</option>
            {ACTORS.map((a) => (
              <option key={a} value={a}>
                {ACTOR_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Theme
          <select value={filters.theme?.[0] ?? ''} onChange={(e) => set('theme', e.target.value ? [e.target.value as (typeof THEMES)[number]] : [])}>
            <option value="">Any</option>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {THEME_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Risk factor
          <select value={filters.riskFactor?.[0] ?? ''} onChange={(e) => set('riskFactor', e.target.value ? [e.target.value] : [])}>
            <option value="">Any</option>
            {kb.riskFactors.factors
              .filter((f) => f.kind === 'risk-factor')
              .map((f) => (
                <option key={f.id} value={f.id}>
                  {f.framework === 'sg-2013' ? '2013' : 'Framework'} {f.number}. {f.title}
                </option>
              ))}
          </select>
        </label>
      </div>
    </div>
  );
}
