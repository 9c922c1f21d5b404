/**
 * "Data" on the settings page: export everything to one file, import a backup (checked in full
 * first; a refused file says what is wrong and changes nothing), and delete everything (asks,
 * and offers the export first). A full disk is reported with what to do.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { backupFileName, parseBackup } from '@/lib/export/backup';
import { downloadBlob, MIME } from '@/lib/export/download';
import { deleteEverything, exportEverything, importEverything, type DataEnv } from '@/lib/export/everything';
import { writeErrorMessage } from '@/lib/db/quota';
import { StatusLine, type StatusMessage } from '../status-line';

interface Props {
  env: DataEnv;
  /** Saves a file; tests pass their own. */
  download?: (blob: Blob, fileName: string) => void;
  /** Called after an import or a delete changed what is stored. */
  onChanged?: () => void;
}


export function DataSettings({ env, download = downloadBlob, onChanged }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<StatusMessage>({ text: '' });
  const [pending, setPending] = useState<{ name: string; text: string; summary: string } | null>(null);
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

  const choose = async (file: File | undefined) => {
    setPending(null);
    if (!file) return;
    const text = await file.text();
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      if (input.current) input.current.value = '';
      return setMessage({ text: `${file.name} was refused. ${parsed.message}`, error: true });
    }
    const c = parsed.counts;
    setPending({
      name: file.name,
      text,
      summary: `${file.name}: ${c.reviews} reviews, ${c.drafts} drafts, ${c.evidence} evidence clips, ${c.library} library recommendations${parsed.backup.settings ? ', and settings' : ''}.`,
    });
    setMessage({ text: '' });
  };

  const importNow = () =>
    run(async () => {
      if (!pending) return;
      try {
        const r = await importEverything(env, pending.text);
        if (!r.ok) setMessage({ text: `${pending.name} was refused. ${r.message}`, error: true });
        else {
          const sites = r.sitesToAddAgain.length
            ? ` To highlight ${r.sitesToAddAgain.join(', ')} automatically again, add ${r.sitesToAddAgain.length === 1 ? 'it' : 'them'} under Highlighting (the browser asks for your permission).`
            : '';
          setMessage({ text: `Imported ${pending.summary}${sites}` });
          onChanged?.();
        }
      } catch (e) {
        setMessage({ text: writeErrorMessage(e, 'Nothing was imported; your data is as it was.'), error: true });
      }
      setPending(null);
      if (input.current) input.current.value = '';
    });

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
      <label className="file-button">
        Choose a backup file
        <input ref={input} type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {pending && (
        <div className="confirm" role="group" aria-label="Confirm import">
          <p>{pending.summary}</p>
          <button type="button" disabled={busy} onClick={() => void importNow()}>
            Import
          </button>
          <button type="button" className="secondary" onClick={() => (setPending(null), input.current && (input.current.value = ''))}>
            Cancel
          </button>
        </div>
      )}

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
