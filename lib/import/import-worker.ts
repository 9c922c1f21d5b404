/**
 * The import worker: reading, parsing, tagging and writing happen here, off the side panel's
 * thread, so the panel stays responsive. Thin wiring around run-import.ts. Files are read a slice
 * at a time with FileReaderSync: the import runs inside one IndexedDB transaction, where only
 * IndexedDB may be awaited.
 */
import { knowledgeBase } from '../catalogue/knowledge';
import { database } from '../db/database';
import { bundledTagger } from '../library/bundled-tagger';
import { reindexInThread } from '../library/load';
import { importFailure } from './import-client-messages';
import type { Columns } from './layouts';
import type { TaggedBatch } from './tag-batch';
import { importFiles } from './run-import';
import type { ImportFile } from './sources';
import { stateLookup } from './state-names';
import { ToWorker, type FromWorker } from './worker-protocol';

// Workers only; the project's DOM typings do not list it.
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);
let controller: AbortController | undefined;
let answer: ((c: Columns | null) => void) | undefined;

/** Batches handed round the helpers in turn; answers matched to their batch by number. */
function helperPool(ports: MessagePort[]): ((texts: string[]) => Promise<TaggedBatch>) | undefined {
  if (!ports.length) return undefined;
  const waiting = new Map<number, (b: TaggedBatch) => void>();
  for (const port of ports) port.onmessage = (m: MessageEvent<{ id: number; batch: TaggedBatch }>) => waiting.get(m.data.id)?.(m.data.batch);
  let next = 0;
  return (texts) =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, (b) => {
        waiting.delete(id);
        resolve(b);
      });
      ports[id % ports.length]!.postMessage({ id, texts });
    });
}

function fileReader(file: Blob & { name: string }): ImportFile {
  const reader = new FileReaderSync();
  return { name: file.name, size: file.size, read: (s, e) => new Uint8Array(reader.readAsArrayBuffer(file.slice(s, e))) };
}

self.addEventListener('message', (e: MessageEvent) => {
  const msg = ToWorker.safeParse(e.data);
  if (!msg.success) return;
  if (msg.data.type === 'cancel') {
    controller?.abort();
    answer?.(null);
    return;
  }
  if (msg.data.type === 'reindex') {
    reindexInThread(database()).then(
      () => post({ type: 'reindexed' }),
      (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    return;
  }
  if (msg.data.type === 'columns') {
    answer?.(msg.data.columns as Columns | null);
    answer = undefined;
    return;
  }
  controller = new AbortController();
  const signal = controller.signal;
  let last = 0;
  let lastPhase = '';
  importFiles(msg.data.files.map(fileReader), {
    db: database(),
    tag: bundledTagger(),
    lookup: stateLookup(knowledgeBase().states),
    signal,
    tagBatch: helperPool(msg.data.helpers),
    chooseColumns: (question) =>
      new Promise((resolve) => {
        answer = resolve;
        post({ type: 'choose-columns', question });
      }),
    onProgress(progress) {
      // A few updates a second are enough for a progress bar…
      const now = performance.now();
      // …and every change of phase, so "Saving" shows even when it is short.
      if (now - last < 100 && progress.fraction < 1 && progress.phase === lastPhase) return;
      last = now;
      lastPhase = progress.phase;
      post({ type: 'progress', progress });
    },
  }).then(
    (summary) => post({ type: 'done', summary }),
    (err: unknown) => post(importFailure(err, signal)),
  );
});
