/**
 * "Data" on the settings page: export everything to one file, import a backup (read, checked and
 * written off the page's thread with progress and Cancel; checked in full first, so a refused file
 * says what is wrong and changes nothing), and delete everything (asks, and offers the export
 * first). A full disk is reported with what to do.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { backupFileName } from '@/lib/export/backup';
import { downloadBlob, MIME } from '@/lib/export/download';
import { deleteEverything, exportEverything, restoreSettings, type DataEnv } from '@/lib/export/everything';
import { recoverFromFullDisk, refreshRescueCopy } from '@/lib/db/rescue';
import { workerRestorer, type Restorer } from '@/lib/export/restore-client';
import { backupSummary, RestoreBackup } from '../restore-backup';
import { StatusLine, type StatusMessage } from '../status-line';

interface Props {
  env: DataEnv;
  /** Saves a file; tests pass their own. */
  download?: (blob: Blob, fileName: string) => void;
  /** Called after an import or a delete changed what is stored. */
  onChanged?: () => void;
  /** Reads, checks and writes a backup; tests pass one that runs on their thread. */
  restorer?: Restorer;
}

export function DataSettings({ env, download = downloadBlob, onChanged, restorer = workerRestorer }: Props) {
  const id = useId();
  const [message, setMessage] = useState<StatusMessage>({ text: '' });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [exported, setExported] = useState(false);
  const [busy, setBusy] = useState(false);
  // Keyboard users land on the question when it opens, and back on the button when it closes.
  const firstChoice = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (confirmDelete) firstChoice.current?.focus();
    else if (opened.current) deleteButton.current?.focus();
    opened.current = confirmDelete;
  }, [confirmDelete]);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  };

  const exportAll = () =>
    run(async () => {
      try {
        const backup = await exportEverything(env);
        download(new Blob([JSON.stringify(backup)], { type: MIME.json }), backupFileName());
        setExported(true);
        const t = backup.tables;
        setMessage({ text: `Exported ${t.reviews.length} reviews, ${t.drafts.length} drafts, ${t.evidence.length} evidence clips, ${t.library.length} library recommendations and your settings to ${backupFileName()}.` });
      } catch (e) {
        setMessage({ text: `The export failed: ${e instanceof Error ? e.message : String(e)}`, error: true });
      }
    });

  const restoreTheSettings = async (settings: Parameters<typeof restoreSettings>[1] | undefined) => {
    onChanged?.();
    if (!settings) return '';
    const sites = await restoreSettings(env, settings);
    return sites.length
      ? ` To highlight ${sites.join(', ')} automatically again, add ${sites.length === 1 ? 'it' : 'them'} under Highlighting (the browser asks for your permission).`
      : '';
  };

  const deleteNow = () =>
    run(async () => {
      try {
        await deleteEverything(env);
        setConfirmDelete(false);
        setExported(false);
        setMessage({ text: 'Everything was deleted: reviews, drafts, evidence, the library, reader history and settings. R2P Lens is as new.' });
        onChanged?.();
      } catch (e) {
        setMessage({ text: `Not everything could be deleted: ${e instanceof Error ? e.message : String(e)}. Try again.`, error: true });
      }
    });

  return (
    <section className="data-settings" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Data</h2>
      <p className="muted">
        Reviews, drafts, evidence, the imported library, reader history and these settings are kept in this browser only.
      </p>

      <h3>Export everything</h3>
      <p className="muted">One JSON file with all of it, to keep as a backup or move to another computer.</p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void exportAll()}>
        Export everything
      </button>

      <h3>Import a backup</h3>
      <p className="muted">
        The file is checked in full before anything is written. Reviews in the file replace the same reviews here; others
        are kept.
      </p>
      <RestoreBackup
        restorer={restorer}
        chooseLabel="Choose a backup file"
        confirmLabel="Import"
        doneVerb="Imported"
        summary={(name, c) => `${backupSummary(name, c.counts)}${c.settings ? ', and settings' : ''}.`}
        afterWrite={async (c) => {
          await refreshRescueCopy(env.db).catch(() => false);
          return restoreTheSettings(c.settings);
        }}
        onMessage={setMessage}
        onRetry={() => recoverFromFullDisk(env.db)}
        onBusy={setBusy}
        disabled={busy}
      />

      <h3>Delete everything</h3>
      {!confirmDelete ? (
        <button ref={deleteButton} type="button" className="danger" disabled={busy} onClick={() => (setConfirmDelete(true), setMessage({ text: '' }))}>
          Delete everything…
        </button>
      ) : (
        <div className="confirm danger-zone" role="group" aria-labelledby={`${id}-del`}>
          <p id={`${id}-del`}>
            Delete every review, draft, evidence clip, the imported library, reader history and your settings from this
            browser? This cannot be undone.{' '}
            {exported ? 'You have exported a backup.' : 'Export a backup first if you may need any of it.'}
          </p>
          <button ref={firstChoice} type="button" className="secondary" disabled={busy} onClick={() => void exportAll()}>
            Export a backup first
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void deleteNow()}>
            Yes, delete everything
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
            Cancel
          </button>
        </div>
      )}

      <StatusLine message={message} />
    </section>
  );
}
