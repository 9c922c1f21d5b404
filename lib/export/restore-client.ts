/**
 * Restoring a backup from an extension page: checked in full first, then written in one
 * transaction, with progress and Cancel at every stage. `workerRestorer` does the work in a Web
 * Worker (a 69 MB backup froze the settings page for 8 s on its thread); the panels take any
 * `Restorer`, so DOM tests run the same restore in-thread.
 */
import type { R2PDatabase } from '../db/database';
import { writeErrorMessage } from '../db/quota';
import { parseBackup, restoreBackup, type Backup, type BackupProgress, type BackupTable } from './backup';
import type { FromRestoreWorker, ToRestoreWorker } from './restore-protocol';
// Vite bundles the worker as its own file; WXT's build does not rewrite `new URL(..., import.meta.url)`.
import RestoreWorker from './restore-worker.ts?worker';

export type CheckOutcome =
  | { kind: 'checked'; counts: Record<BackupTable, number>; settings?: Backup['settings'] }
  | { kind: 'refused'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export type WriteOutcome = { kind: 'written' } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export interface RunningRestore {
  /** The check of the whole file; nothing is written before `write()`. */
  checked: Promise<CheckOutcome>;
  /** Writes the checked file (call once `checked` said so). */
  write(): Promise<WriteOutcome>;
  /** Stops the check, or undoes the write under way, or drops the checked file. */
  cancel(): void;
}

export type Restorer = (file: File, onProgress: (p: BackupProgress) => void) => RunningRestore;

const NOTHING_RESTORED = 'Nothing was restored; your data is as it was.';

export const workerRestorer: Restorer = (file, onProgress) => {
  const worker: Worker = new RestoreWorker({ name: 'r2p-restore' });
  const send = (m: ToRestoreWorker) => worker.postMessage(m);
  let settle: ((m: FromRestoreWorker) => void) | undefined;
  const next = () => new Promise<FromRestoreWorker>((resolve) => void (settle = resolve));
  worker.onmessage = (e: MessageEvent<FromRestoreWorker>) => (e.data.type === 'progress' ? onProgress(e.data.progress) : settle?.(e.data));
  worker.onerror = (e) => settle?.({ type: 'failed', message: `${e.message || 'The restore stopped unexpectedly.'} ${NOTHING_RESTORED}` });
  let writing = false;
  const stop = (m: FromRestoreWorker) => {
    worker.terminate();
    return m;
  };
  const checked = next().then((m): CheckOutcome => {
    if (m.type === 'checked') return { kind: 'checked', counts: m.counts, settings: m.settings };
    stop(m);
    return m.type === 'refused' ? { kind: 'refused', message: m.message } : m.type === 'failed' ? { kind: 'failed', message: m.message } : { kind: 'cancelled' };
  });
  send({ type: 'check', file });
  return {
    checked,
    write() {
      writing = true;
      const done = next().then((m): WriteOutcome => (stop(m), m.type === 'written' ? { kind: 'written' } : m.type === 'failed' ? { kind: 'failed', message: m.message } : { kind: 'cancelled' }));
      send({ type: 'write' });
      return done;
    },
    cancel() {
      // While writing, the worker aborts its transaction and says so; before, nothing was written.
      if (writing) send({ type: 'cancel' });
      else settle?.(stop({ type: 'cancelled' }));
    },
  };
};

/** The same restore on the calling thread (tests). */
export function inThreadRestorer(db: R2PDatabase): Restorer {
  return (file, onProgress) => {
    const controller = new AbortController();
    let backup: Backup | undefined;
    const checked = file.text().then((text): CheckOutcome => {
      if (controller.signal.aborted) return { kind: 'cancelled' };
      const r = parseBackup(text, onProgress);
      if (!r.ok) return { kind: 'refused', message: r.message };
      backup = r.backup;
      return { kind: 'checked', counts: r.counts, settings: r.backup.settings };
    });
    return {
      checked,
      write: () =>
        restoreBackup(db, backup!, { onProgress, signal: controller.signal }).then(
          (): WriteOutcome => ({ kind: 'written' }),
          (e: unknown): WriteOutcome => (controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', message: writeErrorMessage(e, NOTHING_RESTORED) }),
        ),
      cancel: () => controller.abort(),
    };
  };
}
