/**
 * Back up everything to one JSON file, and restore one. A file is checked in full first; a bad
 * file is refused with what is wrong, and nothing in the extension changes.
 */
import { useRef, useState } from 'react';
import type { R2PDatabase } from '@/lib/db/database';
import { backupFileName, createBackup, parseBackup, restoreBackup, type Backup } from '@/lib/export/backup';
import { downloadBlob, MIME } from '@/lib/export/download';
import { writeErrorMessage } from '@/lib/db/quota';
import { useAutosave } from './autosave-context';
import { StatusLine, type StatusMessage } from '../status-line';

export function BackupPanel({ db }: { db: R2PDatabase }) {
  const { flush } = useAutosave();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<StatusMessage>({ text: '' });
  const [ready, setReady] = useState<{ backup: Backup; summary: string } | null>(null);

  const backUp = async () => {
    await flush();
    const backup = await createBackup(db);
    downloadBlob(new Blob([JSON.stringify(backup)], { type: MIME.json }), backupFileName());
    setMessage({ text: `Backed up ${backup.tables.reviews.length} reviews and ${backup.tables.drafts.length} drafts.` });
  };
  const choose = async (file: File | undefined) => {
    setReady(null);
    if (!file) return;
    const result = parseBackup(await file.text());
    if (!result.ok) return setMessage({ text: result.message, error: true });
    const c = result.counts;
    setReady({ backup: result.backup, summary: `${file.name}: ${c.reviews} reviews, ${c.drafts} drafts, ${c.evidence} evidence clips, ${c.library} library recommendations.` });
    setMessage({ text: '' });
  };
  const restore = async () => {
    if (!ready) return;
    try {
      await flush();
      await restoreBackup(db, ready.backup);
      setMessage({ text: `Restored ${ready.summary}` });
    } catch (e) {
      setMessage({ text: writeErrorMessage(e, 'Nothing was restored.'), error: true });
    }
    setReady(null);
    if (input.current) input.current.value = '';
  };
  return (
    <section className="backup-panel" aria-labelledby="backup-h">
      <h3 id="backup-h">Backup</h3>
      <p className="muted">Everything (all reviews, evidence and the imported library) in one file that stays on your computer.</p>
      <div className="card-actions">
        <button type="button" className="secondary" onClick={() => void backUp()}>
          Back up everything
        </button>
        <label className="file-button">
          Restore from a backup file
          <input ref={input} type="file" accept=".json,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
      </div>
      {ready && (
        <div className="confirm" role="group" aria-label="Confirm restore">
          <p>
            {ready.summary} Reviews in the file replace the same reviews here; other reviews are kept.
          </p>
          <button type="button" onClick={() => void restore()}>
            Restore
          </button>
          <button type="button" className="secondary" onClick={() => setReady(null)}>
            Cancel
          </button>
        </div>
      )}
      <StatusLine message={message} />
    </section>
  );
}
