/**
 * Starting an import from an extension page. `workerImporter` runs it in a Web Worker; the
 * Library tab takes any `Importer`, so DOM tests run the same import in-thread.
 */
import type { R2PDatabase } from '../db/database';
import type { LibraryRow } from '../db/rows';
import type { RowTagger } from '../library/tag-row';
import { RefusedFile } from './formats';
import { importExport, type ImportProgress, type ImportSummary } from './run-import';
import type { StateLookup } from './state-names';
import type { FromWorker, ToWorker } from './worker-protocol';
// Vite bundles the worker as its own file; WXT's build does not rewrite `new URL(..., import.meta.url)`.
import ImportWorker from './import-worker.ts?worker';
import { isQuotaError, writeErrorMessage } from '../db/quota';

export type ImportOutcome =
  /** `rows`: what the import added, when the importer hands them over (so the page need not read them back). */
  | { kind: 'done'; summary: ImportSummary; rows?: LibraryRow[] }
  | { kind: 'refused'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface RunningImport {
  result: Promise<ImportOutcome>;
  cancel(): void;
}

export type Importer = (file: File, onProgress: (p: ImportProgress) => void) => RunningImport;

export const workerImporter: Importer = (file, onProgress) => {
  const worker: Worker = new ImportWorker({ name: 'r2p-import' });
  const added: LibraryRow[] = [];
  const result = new Promise<ImportOutcome>((resolve) => {
    const finish = (o: ImportOutcome) => {
      worker.terminate();
      resolve(o);
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'rows') added.push(...m.rows);
      else if (m.type === 'done') finish({ kind: 'done', summary: m.summary, rows: added });
      else if (m.type === 'refused') finish({ kind: 'refused', message: m.message });
      else if (m.type === 'cancelled') finish({ kind: 'cancelled' });
      else finish({ kind: 'failed', message: m.message });
    };
    worker.onerror = (e) => finish({ kind: 'failed', message: e.message || 'The import stopped unexpectedly.' });
    void file.arrayBuffer().then(
      (bytes) => worker.postMessage({ type: 'start', name: file.name, bytes } satisfies ToWorker, [bytes]),
      () => finish({ kind: 'failed', message: `Could not read “${file.name}”.` }),
    );
  });
  return { result, cancel: () => worker.postMessage({ type: 'cancel' } satisfies ToWorker) };
};

/** The same import on the calling thread (tests; browsers without module workers). */
export function inThreadImporter(deps: { db: R2PDatabase; tag: RowTagger; lookup: StateLookup }): Importer {
  return (file, onProgress) => {
    const controller = new AbortController();
    let added: LibraryRow[] | undefined;
    const onCommitted = (rows: readonly LibraryRow[]) => void (added = [...rows]);
    const result = file
      .arrayBuffer()
      .then((buf) => importExport({ bytes: new Uint8Array(buf), name: file.name }, { ...deps, signal: controller.signal, onProgress, onCommitted }))
      .then(
        (summary): ImportOutcome => ({ kind: 'done', summary, rows: added }),
        (err: unknown): ImportOutcome =>
          controller.signal.aborted
            ? { kind: 'cancelled' }
            : err instanceof RefusedFile
              ? { kind: 'refused', message: err.message }
              : { kind: 'failed', message: isQuotaError(err) ? writeErrorMessage(err, 'The import was not saved; the library is as it was.') : err instanceof Error ? err.message : String(err) },
      );
    return { result, cancel: () => controller.abort() };
  };
}
