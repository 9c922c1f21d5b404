/**
 * Starting an import from an extension page. `workerImporter` runs it in a Web Worker; the
 * Library tab takes any `Importer`, so DOM tests run the same import in-thread.
 */
import type { R2PDatabase } from '../db/database';
import type { RowTagger } from '../library/tag-row';
import { importFailure } from './import-client-messages';
import type { Columns } from './layouts';
import { importFiles, type ImportProgress, type ImportSummary, type MappingQuestion } from './run-import';
import type { ImportFile } from './sources';
import type { StateLookup } from './state-names';
import type { FromWorker, ToWorker } from './worker-protocol';
// Vite bundles the worker as its own file; WXT's build does not rewrite `new URL(..., import.meta.url)`.
import ImportWorker from './import-worker.ts?worker';
import TagWorker from './tag-worker.ts?worker';

/**
 * Helpers that tag beside the import worker: one fewer than the cores, at least one (on two
 * cores the import worker reads and indexes while one helper tags; the panel's thread is idle).
 */
const helperCount = () => Math.max(1, Math.min(3, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));

export type ImportOutcome =
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'refused'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface RunningImport {
  result: Promise<ImportOutcome>;
  cancel(): void;
}

export interface ImportCallbacks {
  onProgress: (p: ImportProgress) => void;
  /** The column-mapping step: resolves with the user's columns, or null to leave the file out. */
  chooseColumns: (q: MappingQuestion) => Promise<Columns | null>;
}

export type Importer = (files: readonly File[], callbacks: ImportCallbacks) => RunningImport;

export const workerImporter: Importer = (files, { onProgress, chooseColumns }) => {
  const worker: Worker = new ImportWorker({ name: 'r2p-import' });
  const helpers: Worker[] = Array.from({ length: helperCount() }, (_, i) => new TagWorker({ name: `r2p-tag-${i + 1}` }));
  const ports = helpers.map((h) => {
    const channel = new MessageChannel();
    h.postMessage({ port: channel.port2 }, [channel.port2]);
    return channel.port1;
  });
  const result = new Promise<ImportOutcome>((resolve) => {
    const finish = (o: ImportOutcome) => {
      worker.terminate();
      for (const h of helpers) h.terminate();
      resolve(o);
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'choose-columns') void chooseColumns(m.question).then((columns) => worker.postMessage({ type: 'columns', columns } as ToWorker));
      else if (m.type === 'done') finish({ kind: 'done', summary: m.summary });
      else if (m.type === 'refused') finish({ kind: 'refused', message: m.message });
      else if (m.type === 'cancelled') finish({ kind: 'cancelled' });
      else if (m.type === 'failed') finish({ kind: 'failed', message: m.message });
    };
    worker.onerror = (e) => finish({ kind: 'failed', message: e.message || 'The import stopped unexpectedly.' });
    worker.postMessage({ type: 'start', files: [...files], helpers: ports } satisfies ToWorker, ports);
  });
  return { result, cancel: () => worker.postMessage({ type: 'cancel' } satisfies ToWorker) };
};

const outcomeOf = (f: ReturnType<typeof importFailure>): ImportOutcome => (f.type === 'cancelled' ? { kind: 'cancelled' } : { kind: f.type, message: f.message });

/** The same import on the calling thread (tests; browsers without module workers). Files are read whole first. */
export function inThreadImporter(deps: { db: R2PDatabase; tag: RowTagger; lookup: StateLookup }): Importer {
  return (files, { onProgress, chooseColumns }) => {
    const controller = new AbortController();
    const read = async (f: File): Promise<ImportFile> => {
      const bytes = new Uint8Array(await f.arrayBuffer());
      return { name: f.name, size: bytes.length, read: (s, e) => bytes.subarray(s, e) };
    };
    const result = Promise.all(files.map(read))
      .then((list) => importFiles(list, { ...deps, signal: controller.signal, onProgress, chooseColumns }))
      .then(
        (summary): ImportOutcome => ({ kind: 'done', summary }),
        (err: unknown): ImportOutcome => outcomeOf(importFailure(err, controller.signal)),
      );
    return { result, cancel: () => controller.abort() };
  };
}

/** Builds the library's stored index from its rows in the import worker, off the panel's thread. */
export function workerReindex(): Promise<void> {
  const worker: Worker = new ImportWorker({ name: 'r2p-reindex' });
  return new Promise<void>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      worker.terminate();
      if (e.data.type === 'reindexed') resolve();
      else reject(new Error(e.data.type === 'failed' ? e.data.message : 'The library could not be prepared for search.'));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The library could not be prepared for search.'));
    };
    worker.postMessage({ type: 'reindex' } satisfies ToWorker);
  });
}
