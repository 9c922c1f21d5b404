/**
 * The import worker: parsing, tagging and writing happen here, off the side panel's thread, so
 * the panel stays responsive. Thin wiring around run-import.ts.
 */
import { knowledgeBase } from '../catalogue/knowledge';
import { database } from '../db/database';
import { bundledTagger } from '../library/bundled-tagger';
import { RefusedFile } from './formats';
import { importExport } from './run-import';
import { stateLookup } from './state-names';
import { ToWorker, type FromWorker } from './worker-protocol';
import { isQuotaError, writeErrorMessage } from '../db/quota';

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);
let controller: AbortController | undefined;

self.addEventListener('message', (e: MessageEvent) => {
  const msg = ToWorker.safeParse(e.data);
  if (!msg.success) return;
  if (msg.data.type === 'cancel') {
    controller?.abort();
    return;
  }
  controller = new AbortController();
  const signal = controller.signal;
  const { name, bytes } = msg.data;
  let last = 0;
  let lastPhase = '';
  importExport(
    { bytes: new Uint8Array(bytes), name },
    {
      db: database(),
      tag: bundledTagger(),
      lookup: stateLookup(knowledgeBase().states),
      signal,
      onProgress(progress) {
        // A few updates a second are enough for a progress bar.
        const now = performance.now();
        // …and every change of phase, so "Saving" shows even when it is short.
        if (now - last < 100 && progress.fraction < 1 && progress.phase === lastPhase) return;
        last = now;
        lastPhase = progress.phase;
        post({ type: 'progress', progress });
      },
      onCommitted(rows) {
        // In batches: the page deserialises each message in one task, and 40,000 rows at once would freeze it.
        for (let i = 0; i < rows.length; i += 2000) post({ type: 'rows', rows: rows.slice(i, i + 2000) });
      },
    },
  ).then(
    (summary) => post({ type: 'done', summary }),
    (err: unknown) => {
      if (signal.aborted) post({ type: 'cancelled' });
      else if (err instanceof RefusedFile) post({ type: 'refused', message: err.message });
      else post({ type: 'failed', message: isQuotaError(err) ? writeErrorMessage(err, 'The import was not saved; the library is as it was.') : err instanceof Error ? err.message : String(err) });
    },
  );
});
