/**
 * The Library tab: import UPR exports, then search them offline, filtered and flagged for
 * atrocity risk, with a per-session chart for one State under Review and CSV export.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { database, type R2PDatabase } from '@/lib/db/database';
import { workerImporter, type Importer } from '@/lib/import/import-client';
import type { LibraryRow } from '@/lib/db/rows';
import { extendLibraryIndex, loadLibraryIndex } from '@/lib/library/load';
import type { LibraryFilters, LibraryIndex } from '@/lib/library/search-index';
import { libraryCsv } from '@/lib/library/export-csv';
import { downloadBlob } from '@/lib/export/download';
import { ImportPanel } from './import-panel';
import { FiltersDisclosure } from '../filters-disclosure';
import { LibraryFilterBar, libraryFiltersInUse } from './library-filters';
import { LibraryResults } from './library-results';
import { SurChart } from './sur-chart';
import './library.css';

const nf = new Intl.NumberFormat('en-GB');

interface Props {
  db?: R2PDatabase;
  importer?: Importer;
}

export function LibraryView({ db = database(), importer = workerImporter }: Props) {
  const [index, setIndex] = useState<LibraryIndex | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>({});
  const deferredQuery = useDeferredValue(query);

  // The index being built last: each import extends the one before it, even one still building.
  const latest = useRef<Promise<LibraryIndex | null>>(Promise.resolve(null));
  const settle = useCallback((next: Promise<LibraryIndex | null>) => {
    latest.current = next.catch(() => null);
    next.then((ix) => ix && setIndex(ix), (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, []);
  const reload = useCallback(() => settle(loadLibraryIndex(db)), [db, settle]);
  useEffect(reload, [reload]);
  // After an import the worker hands over the rows it added: indexing them beside the loaded
  // ones is far quicker than reading the whole library back from IndexedDB.
  const imported = useCallback(
    (rows?: LibraryRow[]) => settle(latest.current.then((ix) => (ix && rows ? extendLibraryIndex(ix, rows) : loadLibraryIndex(db)))),
    [db, settle],
  );

  const result = useMemo(() => index?.search(deferredQuery, filters), [index, deferredQuery, filters]);
  const bars = useMemo(() => (index && filters.sur ? index.sessionBars(filters.sur) : []), [index, filters.sur]);

  return (
    <div className="library-view">
      <ImportPanel importer={importer} onImported={imported} collapsed={!!index && index.size > 0} />
      {loadError && <p role="alert">The library could not be read: {loadError}</p>}
      {!index && !loadError && <p className="muted">Opening the library…</p>}
      {index && index.size === 0 && (
        <p className="empty-state">
          The library is empty. Import a CSV export of UPR recommendations (UPR Info or OHCHR's Universal Human Rights Index) to search what was
          recommended before, and how each State answered.
        </p>
      )}
      {index && index.size > 0 && result && (
        <section aria-labelledby="library-search-heading">
          <h2 id="library-search-heading" className="group-heading">
            Search {nf.format(index.size)} recommendations
          </h2>
          <input
            type="search"
            aria-label="Search the library"
            placeholder="e.g. torture, enforced disappearances, Rome Statute"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <FiltersDisclosure
            count={libraryFiltersInUse(filters)}
            onClear={() => setFilters({})}
            lead={
              <p role="status" className="result-count">
                {nf.format(result.total)} {result.total === 1 ? 'recommendation' : 'recommendations'}
              </p>
            }
            trail={
              <button
                type="button"
                className="secondary"
                disabled={!result.total}
                onClick={() => downloadBlob(new Blob([libraryCsv(result.rows)], { type: 'text/csv;charset=utf-8' }), 'upr-recommendations.csv')}
              >
                Export CSV
              </button>
            }
          >
            <LibraryFilterBar index={index} filters={filters} onChange={setFilters} />
            {/* Here rather than below the list: the list flows with the panel, its end is far away. */}
            <p className="muted library-note">
              “Atrocity prevention relevant” marks a recommendation whose text names an atrocity crime or a risk (torture, enforced disappearance,
              hate speech, impunity…), or a principle linked to a risk factor of the UN Framework of Analysis.
            </p>
          </FiltersDisclosure>
          {filters.sur && <SurChart sur={filters.sur} bars={bars} />}
          <LibraryResults rows={result.rows} />
        </section>
      )}
    </div>
  );
}
