/**
 * The file input (and drop zone, several files at once), the column-mapping step for a file no
 * layout knows, one progress bar with Cancel for all the files, and one summary of the import.
 */
import { useRef, useState } from 'react';
import type { Importer, ImportOutcome, RunningImport } from '@/lib/import/import-client';
import type { Columns } from '@/lib/import/layouts';
import type { FileSummary, ImportProgress, MappingQuestion, RefusedRow } from '@/lib/import/run-import';
import { ENCODING_LABELS } from '@/lib/import/encoding';
import { ColumnMapping } from './column-mapping';
import { nf, countOf } from '../number-format';


/**
 * `collapsed` (the library has rows): the panel folds into one "Import more recommendations" line,
 * so the search comes first; it opens for an import (a file dropped on the line too) and keeps
 * its summary open after.
 */
export function ImportPanel({ importer, onImported, collapsed = false }: { importer: Importer; onImported: () => void; collapsed?: boolean }) {
  const [running, setRunning] = useState<RunningImport | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const [open, setOpen] = useState(false);
  const [mapping, setMapping] = useState<{ question: MappingQuestion; answer: (c: Columns | null) => void } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const start = (list: FileList | readonly File[] | null | undefined) => {
    const files = [...(list ?? [])];
    if (!files.length || running) return;
    setOpen(true);
    setOutcome(null);
    setProgress({ phase: 'parsing', rowsDone: 0, rowsStored: 0, fraction: 0, rowsPerSecond: 0 });
    const run = importer(files, {
      onProgress: setProgress,
      chooseColumns: (question) =>
        new Promise((resolve) =>
          setMapping({
            question,
            answer: (c) => {
              setMapping(null);
              resolve(c);
            },
          }),
        ),
    });
    setRunning(run);
    void run.result.then((o) => {
      setRunning(null);
      setProgress(null);
      setMapping(null);
      setOutcome(o);
      if (inputRef.current) inputRef.current.value = '';
      if (o.kind === 'done') onImported();
    });
  };

  // One structure whether folded or not: a file chosen while the library loads (and the panel
  // folds) lands in the same input.
  const shown = !collapsed || open;
  return (
    <section
      className={`library-import${collapsed ? ' folded' : ''}`}
      aria-labelledby="library-import-heading"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
        setOpen(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        start(e.dataTransfer.files);
      }}
    >
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
        <div className={`drop-zone${dragging ? ' dragging' : ''}`}>
          <label>
            Import UPR recommendations
            <input
              ref={inputRef}
              type="file"
              accept=".csv,.xlsx,.json,text/csv,text/plain,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple
              disabled={!!running}
              onChange={(e) => start(e.target.files)}
            />
          </label>
          <p className="muted">
            UPR Info's CSV export, or OHCHR's Universal Human Rights Index as Excel, CSV or its full JSON data set. Choose or drop several files at once; rows
            found in more than one are kept once. They stay on this computer.
          </p>
        </div>
        {mapping && <ColumnMapping key={mapping.question.fileName} question={mapping.question} onAnswer={mapping.answer} />}
        {running && progress && !mapping && (
          <div className="import-progress">
            <progress aria-label="Import progress" max={1} value={progress.fraction} />
            <p className="muted" aria-live="polite">
              {progress.phase === 'parsing' ? 'Reading' : 'Saving'}
              {progress.phase === 'parsing' && progress.fileCount && progress.fileCount > 1 ? ` file ${(progress.fileIndex ?? 0) + 1} of ${progress.fileCount}` : ''} ·{' '}
              {nf.format(progress.rowsDone)} rows
              {progress.rowsTotal ? ` of ${nf.format(progress.rowsTotal)}` : ''}
              {progress.phase === 'parsing' && progress.rowsStored ? ` (${nf.format(progress.rowsStored)} saved)` : ''} · {nf.format(Math.round(progress.rowsPerSecond))} rows/s
            </p>
            <button type="button" className="secondary" onClick={() => running.cancel()}>
              Cancel
            </button>
          </div>
        )}
        {outcome && <OutcomeView outcome={outcome} />}
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
  const read = s.files.filter((f) => !f.refusal);
  return (
    <div role="status" className="import-summary">
      <p>
        <strong>
          {countOf(s.rowsAdded, 'recommendation')} added
        </strong>{' '}
        from {read.length === 1 ? <FileLine file={read[0]!} /> : `${read.length} files`}. {nf.format(s.duplicates)} duplicates skipped. {nf.format(s.refusedCount)}{' '}
        {s.refusedCount === 1 ? 'row' : 'rows'} refused.
      </p>
      {s.files.length > 1 && (
        <ul className="import-files">
          {s.files.map((f, i) => (
            <li key={i}>
              {f.refusal ? (
                <span className="import-file-refused">{f.refusal}</span>
              ) : (
                <>
                  <FileLine file={f} />: {nf.format(f.rowsAdded)} added, {nf.format(f.duplicates)} duplicates, {nf.format(f.refusedCount)} refused
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {s.refused.length > 0 && (
        <details>
          <summary>Rows refused</summary>
          <ul className="refused-rows">
            {s.refused.map((r, i) => (
              <li key={i}>{refusedWhere(r)}: {r.reason}</li>
            ))}
            {s.refusedCount > s.refused.length && <li>… and {nf.format(s.refusedCount - s.refused.length)} more.</li>}
          </ul>
        </details>
      )}
    </div>
  );
}

const KIND_LABELS = { csv: 'CSV', xlsx: 'Excel', json: 'JSON' } as const;

/** “name.csv” (UPR Info database, CSV, UTF-8) */
function FileLine({ file }: { file: FileSummary }) {
  const how = [file.layout, file.kind && KIND_LABELS[file.kind], file.kind === 'csv' && file.encoding ? ENCODING_LABELS[file.encoding] : undefined].filter(Boolean).join(', ');
  return (
    <>
      “{file.fileName}” ({how})
    </>
  );
}

function refusedWhere(r: RefusedRow): string {
  const where = r.record ? `Record ${nf.format(r.record)} (line ${nf.format(r.line)})` : `Line ${nf.format(r.line)}`;
  return r.file ? `“${r.file}”, ${where.toLowerCase()}` : where;
}
