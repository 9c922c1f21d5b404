/** The file input (and drop zone), the progress bar with Cancel, and the summary of the last import. */
import { useRef, useState } from 'react';
import type { LibraryRow } from '@/lib/db/rows';
import type { Importer, ImportOutcome, RunningImport } from '@/lib/import/import-client';
import type { ImportProgress } from '@/lib/import/run-import';
import { ENCODING_LABELS } from '@/lib/import/encoding';

const nf = new Intl.NumberFormat('en-GB');

/**
 * `onImported` gets the rows added when the importer hands them over. `collapsed` (the library
 * has rows): the panel folds into one "Import more recommendations" line, so the search comes
 * first; it opens for an import (a file dropped on the line too) and keeps its summary open after.
 */
export function ImportPanel({ importer, onImported, collapsed = false }: { importer: Importer; onImported: (rows?: LibraryRow[]) => void; collapsed?: boolean }) {
  const [running, setRunning] = useState<RunningImport | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const start = (file: File | undefined) => {
    if (!file || running) return;
    setOpen(true);
    setOutcome(null);
    setProgress({ phase: 'parsing', rowsDone: 0, rowsStored: 0, fraction: 0, rowsPerSecond: 0 });
    const run = importer(file, setProgress);
    setRunning(run);
    void run.result.then((o) => {
      setRunning(null);
      setProgress(null);
      setOutcome(o);
      if (inputRef.current) inputRef.current.value = '';
      if (o.kind === 'done') onImported(o.rows);
    });
  };

  const drop = {
    onDragOver: (e: React.DragEvent) => {
      e.preventDefault();
      setDragging(true);
      setOpen(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      setDragging(false);
      start(e.dataTransfer.files[0]);
    },
  };
  const body = (
    <>
      <div className={`drop-zone${dragging ? ' dragging' : ''}`}>
        <label>
          Import UPR recommendations
          <input
            ref={inputRef}
            type="file"
            accept=".csv,text/csv,text/plain"
            disabled={!!running}
            onChange={(e) => start(e.target.files?.[0])}
          />
        </label>
        <p className="muted">A CSV export from UPR Info or from OHCHR's Universal Human Rights Index, or drop it here. It stays on this computer.</p>
      </div>
      {running && progress && (
        <div className="import-progress">
          <progress aria-label="Import progress" max={1} value={progress.fraction} />
          <p className="muted" aria-live="polite">
            {progress.phase === 'parsing' ? 'Reading' : 'Saving'} · {nf.format(progress.rowsDone)} rows
            {progress.rowsTotal ? ` of ${nf.format(progress.rowsTotal)}` : ''}
            {progress.phase === 'parsing' && progress.rowsStored ? ` (${nf.format(progress.rowsStored)} saved)` : ''} · {nf.format(Math.round(progress.rowsPerSecond))} rows/s
          </p>
          <button type="button" className="secondary" onClick={() => running.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {outcome && <OutcomeView outcome={outcome} />}
    </>
  );

  // One structure whether folded or not: a file chosen while the library loads (and the panel
  // folds) lands in the same input.
  const shown = !collapsed || open;
  return (
    <section className={`library-import${collapsed ? ' folded' : ''}`} aria-labelledby="library-import-heading" {...drop}>
      <h2 id="library-import-heading" className="group-heading">
        {collapsed ? (
          <button type="button" className="link-button disclosure" aria-expanded={shown} aria-controls="library-import-body" onClick={() => setOpen((o) => !o)}>
            Import more recommendations
          </button>
        ) : (
          'Import'
        )}
      </h2>
      <div id="library-import-body" hidden={!shown}>
        {body}
      </div>
    </section>
  );
}

function OutcomeView({ outcome }: { outcome: ImportOutcome }) {
  if (outcome.kind === 'refused' || outcome.kind === 'failed') {
    return (
      <p role="alert" className="import-error">
        {outcome.kind === 'failed' ? 'The import stopped and nothing was added. ' : ''}
        {outcome.message}
      </p>
    );
  }
  if (outcome.kind === 'cancelled') {
    return <p role="status" className="import-summary">Import cancelled. The library is as it was before.</p>;
  }
  const s = outcome.summary;
  return (
    <div role="status" className="import-summary">
      <p>
        <strong>{nf.format(s.rowsAdded)} recommendations added</strong> from “{s.fileName}” ({s.format === 'uhri' ? 'OHCHR UHRI' : 'UPR Info'},{' '}
        {ENCODING_LABELS[s.encoding]}). {nf.format(s.duplicates)} duplicates skipped. {nf.format(s.refusedCount)} rows refused.
      </p>
      {s.refused.length > 0 && (
        <details>
          <summary>Rows refused</summary>
          <ul className="refused-rows">
            {s.refused.map((r) => (
              <li key={r.line}>
                Line {r.line}: {r.reason}
              </li>
            ))}
            {s.refusedCount > s.refused.length && <li>… and {nf.format(s.refusedCount - s.refused.length)} more.</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
