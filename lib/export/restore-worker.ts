/**
 * The restore worker: reading, checking and writing a backup happen here, off the page's
 * thread, so a backup of hundreds of thousands of rows leaves the page responsive. Thin wiring
 * around backup.ts; the page keeps the checked file's counts and settings, this worker the rows.
 */
import { database } from '../db/database';
import { writeErrorMessage } from '../db/quota';
import { parseBackup, restoreBackup, type Backup, type BackupProgress } from './backup';
import { ToRestoreWorker, type FromRestoreWorker } from './restore-protocol';

const post = (m: FromRestoreWorker) => (self as unknown as Worker).postMessage(m);
let checked: Backup | undefined;
let controller: AbortController | undefined;

/** A few reports a second are enough for a progress bar, and every change of phase. */
function progressReporter(): (p: BackupProgress) => void {
  let last = -Infinity;
  let lastPhase = '';
  return (progress) => {
    const now = performance.now();
    if (now - last < 100 && progress.done < progress.total && progress.phase === lastPhase) return;
    last = now;
    lastPhase = progress.phase;
    post({ type: 'progress', progress });
  };
}

self.addEventListener('message', (e: MessageEvent) => {
  const msg = ToRestoreWorker.safeParse(e.data);
  if (!msg.success) return;
  const m = msg.data;
  if (m.type === 'cancel') return controller?.abort();
  if (m.type === 'check') {
    void m.file.text().then(
      (text) => {
        const result = parseBackup(text, progressReporter());
        if (!result.ok) return post({ type: 'refused', message: result.message });
        checked = result.backup;
        post({ type: 'checked', counts: result.counts, settings: result.backup.settings });
      },
      () => post({ type: 'failed', message: 'The file could not be read. Nothing was restored.' }),
    );
    return;
  }
  if (!checked) return post({ type: 'failed', message: 'No checked backup to restore.' });
  controller = new AbortController();
  const signal = controller.signal;
  restoreBackup(database(), checked, { onProgress: progressReporter(), signal }).then(
    () => post({ type: 'written' }),
    (err: unknown) => post(signal.aborted ? { type: 'cancelled' } : { type: 'failed', message: writeErrorMessage(err, 'Nothing was restored; your data is as it was.') }),
  );
});
