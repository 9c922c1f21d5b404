/**
 * The Library tab: import UPR exports, then search them offline, filtered and flagged for
 * atrocity risk, with a per-session chart for one State under Review and CSV export.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { database, type R2PDatabase } from '@/lib/db/database';
import { workerImporter, workerReindex, type Importer } from '@/lib/import/import-client';
import { loadLibraryIndex, type LoadedLibrary } from '@/lib/library/load';
import type { LibraryFilters, LibraryResult } from '@/lib/library/search-index';
import { parseLibraryQuery, stateNames } from '@/lib/library/query';
import { csvHead, csvLine } from '@/lib/library/export-csv';
import { downloadBlob } from '@/lib/export/download';
import { ImportPanel } from './import-panel';
import { FiltersDisclosure } from '../filters-disclosure';
import { LibraryFilterBar, libraryFiltersInUse } from './library-filters';
import { LibraryResults } from './library-results';
import { SurChart } from './sur-chart';
import { NoResults, QueryReading, readingSaysMore } from './query-reading';
import { useKnowledge } from '../knowledge-context';
import './library.css';
import { nf, countOf } from '../number-format';


interface Props {
  db?: R2PDatabase;
  importer?: Importer;
  /** Builds the stored index from the rows when there is none (the import worker; in-thread in tests). */
  reindex?: (db: R2PDatabase) => Promise<void>;
}

export function LibraryView({ db = database(), importer = workerImporter, reindex = workerReindex }: Props) {
  const [lib, setLib] = useState<LoadedLibrary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>({});
  const [exporting, setExporting] = useState(false);
  const deferredQuery = useDeferredValue(query);

  // Each load replaces the one before; a slower earlier load never overwrites a later one.
  const loads = useRef(0);
  const reload = useCallback(() => {
    const n = ++loads.current;
    loadLibraryIndex(db, reindex).then(
      (l) => n === loads.current && setLib(l),
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [db, reindex]);
  useEffect(reload, [reload]);
  const index = lib?.index;

  const kb = useKnowledge();
  const names = useMemo(() => stateNames(kb.states), [kb]);
  const parsed = useMemo(() => parseLibraryQuery(deferredQuery, names), [deferredQuery, names]);
  const quick = useMemo(() => index?.search(parsed, filters), [index, parsed, filters]);
  // A quoted phrase counts on its words at once; its order is then read from the rows that
  // depend on it (lib/library/search-index.ts `settle`), and the exact answer replaces the quick one.
  // The top of the list is read first, then the rest (the count).
  const [settled, setSettled] = useState<{ of: LibraryResult; result: LibraryResult; done: boolean } | null>(null);
  useEffect(() => {
    if (!lib || !quick?.unchecked.length) return;
    const ac = new AbortController();
    lib.index
      .settle(parsed, filters, lib.rows, ac.signal, (result) => setSettled({ of: quick, result, done: false }))
      .then(
        (result) => setSettled({ of: quick, result, done: true }),
        (e: unknown) => !ac.signal.aborted && setLoadError(e instanceof Error ? e.message : String(e)),
      );
    return () => ac.abort();
  }, [lib, quick, parsed, filters]);
  const mine = settled && settled.of === quick ? settled : null;
  const result = mine ? mine.result : quick;
  const checking = !!quick?.unchecked.length && !mine?.done;
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const bars = useMemo(() => (index && filters.sur ? index.sessionBars(filters.sur) : []), [index, filters.sur]);

  /** The listed rows as CSV, read block by block (each block once, whatever the list's order). */
  const exportCsv = async () => {
    if (!lib || !result) return;
    setExporting(true);
    try {
      const lines = new Array<string>(result.total);
      await lib.rows.each(result.positions, (row, rank) => (lines[rank] = csvLine(row)));
      downloadBlob(new Blob([csvHead(), ...lines], { type: 'text/csv;charset=utf-8' }), 'upr-recommendations.csv');
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="library-view">
      <ImportPanel importer={importer} onImported={reload} collapsed={!!index && index.size > 0} />
      {loadError && <p role="alert">The library could not be read: {loadError}</p>}
      {!index && !loadError && <p className="muted">Opening the library…</p>}
      {index && index.size === 0 && (
        <p className="empty-state">
          The library is empty. Import exports of recommendations (UPR Info's CSV, or OHCHR's Universal Human Rights Index as Excel, CSV or JSON) to
          search what the UPR, the treaty bodies and the special procedures recommended before, and how each State answered.
        </p>
      )}
      {lib && index && index.size > 0 && result && (
        <section aria-labelledby="library-search-heading">
          <h2 id="library-search-heading" className="group-heading">
            Search {nf.format(index.size)} recommendations
          </h2>
          <input
            type="search"
            aria-label="Search the library"
            aria-describedby={readingSaysMore(result.reading) ? 'library-query-reading' : undefined}
            placeholder="e.g. Syria torture, “enforced disappearance”, Rome Statute"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {query.trim() && <QueryReading reading={result.reading} id="library-query-reading" />}
          <FiltersDisclosure
            count={libraryFiltersInUse(filters)}
            onClear={() => setFilters({})}
            lead={
              <p role="status" className="result-count">
                {countOf(result.total, 'recommendation')}
              </p>
            }
            trail={
              <button type="button" className="secondary" disabled={!result.total || exporting} onClick={() => void exportCsv()}>
                {exporting ? 'Exporting…' : 'Export CSV'}
              </button>
            }
          >
            <LibraryFilterBar index={index} filters={filters} onChange={setFilters} />
            {/* Here rather than below the list: the list flows with the panel, its end is far away. */}
            <p className="muted library-note">
              Search: a State's name finds what it received or recommended (“Syria torture”); “quotes” keep words together; OR takes either
              word; NOT or a minus sign (-death) leaves one out.
            </p>
            <p className="muted library-note">
              “Atrocity prevention relevant” marks a recommendation that names an atrocity crime or risk (torture, enforced disappearance, hate
              speech, impunity…), a treaty of atrocity prevention or the courts and inquiries behind it (Genocide Convention, Rome Statute and
              the ICC, Convention against Torture, Arms Trade Treaty…), or a principle linked to a risk factor of the UN Framework of
              Analysis. Discrimination counts when it targets a national, ethnic, racial or religious group, a minority or an indigenous
              people.
            </p>
          </FiltersDisclosure>
          {filters.sur && <SurChart sur={filters.sur} bars={bars} />}
          {checking && <p className="muted library-checking">Reading which of them hold the words in quotes in that order…</p>}
          {result.total === 0 && parsed.clauses.length > 0 ? (
            <NoResults query={parsed} reading={result.reading} filtered={filtered} onSearch={setQuery} />
          ) : (
            <LibraryResults positions={result.positions} source={lib.rows} />
          )}
        </section>
      )}
    </div>
  );
}
