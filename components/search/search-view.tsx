import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { buildCatalogueIndex, groupByReport, type CatalogueFilters, type CatalogueHit } from '@/lib/catalogue/search';
import type { R2PDatabase } from '@/lib/db/database';
import { useKnowledge } from '../knowledge-context';
import { FiltersDisclosure } from '../filters-disclosure';
import { FilterBar, filtersInUse } from './filter-bar';
import { ResultCard } from './result-card';

/** Ranked results are cut here; the count still tells how many matched. */
const MAX_RANKED = 40;

interface Props {
  initialQuery?: string;
  onQueryChange?: (query: string) => void;
  compact?: boolean;
  /** Where "Use as recommendation" writes drafts; the extension's database unless a test passes one. */
  db?: R2PDatabase;
}

export function SearchView({ initialQuery = '', onQueryChange, compact = false, db }: Props) {
  const kb = useKnowledge();
  const index = useMemo(() => buildCatalogueIndex(kb), [kb]);
  const [query, setQuery] = useState(initialQuery);
  const [filters, setFilters] = useState<CatalogueFilters>({});
  const [expanded, setExpanded] = useState<string | null>(null);
  const [drafting, setDrafting] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(query);
  const hits = useMemo(() => index.search(deferredQuery, filters), [index, deferredQuery, filters]);
  const inputRef = useRef<HTMLInputElement>(null);
  const cardRefs = useRef(new Map<string, HTMLElement>());
  const reportById = useMemo(() => new Map(kb.reports.map((r) => [r.id, r])), [kb]);


  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const ranked = deferredQuery.trim() !== '';
  const shown = ranked ? hits.slice(0, MAX_RANKED) : hits;
  const order = shown.map((h) => h.item.id);

  const focusCard = (i: number) => {
    if (i < 0) return inputRef.current?.focus();
    const id = order[Math.min(i, order.length - 1)];
    if (id) cardRefs.current.get(id)?.focus();
  };
  const onCardKey = (id: string) => (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    const at = order.indexOf(id);
    if (e.key === 'ArrowDown') (e.preventDefault(), focusCard(at + 1));
    else if (e.key === 'ArrowUp') (e.preventDefault(), focusCard(at - 1));
    else if (e.key === 'Enter' || e.key === ' ') (e.preventDefault(), setExpanded((x) => (x === id ? null : id)));
    else if (e.key === 'Escape') inputRef.current?.focus();
  };

  const renderCard = (hit: CatalogueHit) => (
    <li key={hit.item.id}>
      <ResultCard
        ref={(el) => {
          if (el) cardRefs.current.set(hit.item.id, el);
          else cardRefs.current.delete(hit.item.id);
        }}
        hit={hit}
        report={reportById.get(hit.item.report)!}
        expanded={expanded === hit.item.id}
        onToggle={() => setExpanded((x) => (x === hit.item.id ? null : hit.item.id))}
        onKeyDown={onCardKey(hit.item.id)}
        drafting={
          compact
            ? undefined
            : { db, active: drafting === hit.item.id, onActivate: (on) => setDrafting((x) => (on ? hit.item.id : x === hit.item.id ? null : x)) }
        }
      />
    </li>
  );

  const resultCount = (
    <p className="result-count" role="status" aria-live="polite">
      {hits.length === 0
        ? ''
        : ranked
          ? `${hits.length} ${hits.length === 1 ? 'recommendation' : 'recommendations'}${hits.length > shown.length ? `, best ${shown.length} shown` : ''}`
          : `All ${hits.length} recommendations, by report`}
    </p>
  );

  return (
    <section className="search-view" aria-label="Search the Secretary-General's recommendations">
      <div className="search-box">
        <label htmlFor="catalogue-query" className="visually-hidden">
          Search recommendations
        </label>
        <input
          id="catalogue-query"
          ref={inputRef}
          type="search"
          value={query}
          placeholder="Search recommendations (press / )"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            onQueryChange?.(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') (e.preventDefault(), focusCard(0));
            if (e.key === 'Enter') (e.preventDefault(), order[0] && (setExpanded(order[0]), focusCard(0)));
          }}
        />
      </div>
      {compact ? (
        resultCount
      ) : (
        <FiltersDisclosure count={filtersInUse(filters)} onClear={() => setFilters({})} lead={resultCount}>
          <FilterBar filters={filters} onChange={setFilters} />
        </FiltersDisclosure>
      )}
      {hits.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No recommendation matches {query.trim() ? <>“{query.trim()}”</> : 'these filters'}.</strong>
          </p>
          <p>Try a shorter word, an abbreviation such as “R2P” or “ICC”, or clear the filters.</p>
        </div>
      ) : ranked ? (
        <ol className="results">{shown.map(renderCard)}</ol>
      ) : (
        [...groupByReport(shown)].map(([reportId, group]) => {
          const r = reportById.get(reportId)!;
          return (
            <section key={reportId} aria-labelledby={`group-${reportId}`}>
              <h2 id={`group-${reportId}`} className="group-heading">
                {r.year}: {r.title} <span className="muted">({r.symbol})</span>
              </h2>
              <ol className="results">{group.map(renderCard)}</ol>
            </section>
          );
        })
      )}
    </section>
  );
}
