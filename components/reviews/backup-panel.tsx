/**
 * Back up everything to one JSON file, and restore one (read, checked and written off the
 * panel's thread, with progress and Cancel). A file is checked in full first; a bad file is
 * refused with what is wrong, and nothing in the extension changes.
 */
import { useState } from 'react';
import type { R2PDatabase } from '@/lib/db/database';
import { backupFileName, createBackup } from '@/lib/export/backup';
import { downloadBlob, MIME } from '@/lib/export/download';
import { recoverFromFullDisk, refreshRescueCopy } from '@/lib/db/rescue';
import { workerRestorer, type Restorer } from '@/lib/export/restore-client';
import { useAutosave } from './autosave-context';
import { backupSummary, RestoreBackup } from '../restore-backup';
import { StatusLine, type StatusMessage } from '../status-line';

export function BackupPanel({ db, restorer = workerRestorer }: { db: R2PDatabase; restorer?: Restorer }) {
  const { flush } = useAutosave();
  const [message, setMessage] = useState<StatusMessage>({ text: '' });

  const backUp = async () => {
    await flush();
    const backup = await createBackup(db);
    downloadBlob(new Blob([JSON.stringify(backup)], { type: MIME.json }), backupFileName());
    setMessage({ text: `Backed up ${backup.tables.reviews.length} reviews and ${backup.tables.drafts.length} drafts.` });
  };
  return (
    <section className="backup-panel" aria-labelledby="backup-h">
      <h3 id="backup-h">Backup</h3>
      <p className="muted">Everything (all reviews, evidence and the imported library) in one file that stays on your computer.</p>
      <div className="card-actions">
        <button type="button" className="secondary" onClick={() => void backUp()}>
          Back up everything
        </button>
        <RestoreBackup
          restorer={restorer}
          chooseLabel="Restore from a backup file"
          confirmLabel="Restore"
          doneVerb="Restored"
          summary={(name, c) => `${backupSummary(name, c.counts)}.`}
          note="Reviews in the file replace the same reviews here; other reviews are kept."
          beforeWrite={flush}
          afterWrite={() => refreshRescueCopy(db).then(() => '', () => '')}
          onMessage={setMessage}
        onRetry={() => recoverFromFullDisk(db)}
        />
      </div>
      <StatusLine message={message} />
    </section>
  );
}
