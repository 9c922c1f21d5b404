/**
 * Restoring a backup, as the settings page and the Reviews tab both offer it: a file is chosen;
 * it is read and checked in full (progress, Cancel) and nothing is written until the user has
 * seen what it holds and confirmed; then it is written in one transaction (progress, Cancel
 * undoes it). A refused, cancelled or failed restore leaves the data as it was, and says so.
 */
import { useRef, useState } from 'react';
import { isQuotaError } from '@/lib/db/quota';
import type { BackupProgress, BackupTable } from '@/lib/export/backup';
import type { CheckOutcome, Restorer, RunningRestore } from '@/lib/export/restore-client';
import type { StatusMessage } from './status-line';
import { nf } from './number-format';

type Checked = Extract<CheckOutcome, { kind: 'checked' }>;

interface Props {
  restorer: Restorer;
  /** The file button's words. */
  chooseLabel: string;
  /** What the confirm button says ("Import", "Restore"), and the message after it ("Imported …"). */
  confirmLabel: string;
  doneVerb: string;
  /** What the file holds, in a line ("backup.json: 2 reviews, …"). */
  summary: (fileName: string, checked: Checked) => string;
  /** Said under the summary before the user confirms. */
  note?: string;
  /** Runs before anything is written (the Reviews tab saves what is being typed). */
  beforeWrite?: () => Promise<void>;
  /** Runs after the rows are written; its words end the message (settings restored, sites to add). */
  afterWrite?: (checked: Checked) => Promise<string>;
  onMessage: (m: StatusMessage) => void;
  /** Runs when the user tries again after a full disk, before the file is read again. */
  onRetry?: () => Promise<void>;
  onBusy?: (busy: boolean) => void;
  disabled?: boolean;
}


export function RestoreBackup({ restorer, chooseLabel, confirmLabel, doneVerb, summary, note, beforeWrite, afterWrite, onMessage, onRetry, onBusy, disabled }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const running = useRef<RunningRestore | null>(null);
  const [stage, setStage] = useState<'idle' | 'checking' | 'ready' | 'writing'>('idle');
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [ready, setReady] = useState<{ text: string; checked: Checked } | null>(null);
  // The file of a restore the full disk refused, offered again once the user has made room.
  const [retry, setRetry] = useState<File | null>(null);
  const file = useRef<File | null>(null);

  const finish = (m?: StatusMessage) => {
    running.current = null;
    setStage('idle');
    setProgress(null);
    setReady(null);
    onBusy?.(false);
    if (input.current) input.current.value = '';
    if (m) onMessage(m);
  };

  const choose = async (chosen: File | undefined) => {
    running.current?.cancel();
    setRetry(null);
    file.current = chosen ?? null;
    if (!chosen) return finish();
    onBusy?.(true);
    onMessage({ text: '' });
    setStage('checking');
    setProgress(null);
    const run = restorer(chosen, setProgress);
    running.current = run;
    const outcome = await run.checked;
    if (running.current !== run) return;
    if (outcome.kind === 'checked') {
      setReady({ text: summary(chosen.name, outcome), checked: outcome });
      setStage('ready');
      setProgress(null);
      return;
    }
    if (outcome.kind === 'refused') return finish({ text: `${chosen.name} was refused. ${outcome.message}`, error: true });
    if (outcome.kind === 'failed') return finish({ text: outcome.message, error: true });
    finish({ text: 'Restore cancelled: nothing was changed.' });
  };

  const confirm = async () => {
    const run = running.current;
    if (!run || !ready) return;
    setStage('writing');
    try {
      await beforeWrite?.();
    } catch {
      /* a failed save of the open fields is reported where they are; the restore goes on */
    }
    const outcome = await run.write();
    if (outcome.kind === 'cancelled') return finish({ text: 'Restore cancelled: nothing was restored; your data is as it was.' });
    if (outcome.kind === 'failed') {
      if (isQuotaError(outcome.message)) setRetry(file.current);
      return finish({ text: outcome.message, error: true });
    }
    const more = afterWrite ? await afterWrite(ready.checked).catch(() => ' Your settings could not be restored.') : '';
    finish({ text: `${doneVerb} ${ready.text}${more}` });
  };

  const cancel = () => {
    if (stage === 'ready') return (running.current?.cancel(), finish({ text: '' }));
    running.current?.cancel();
  };

  const fraction = progress && progress.total ? progress.done / progress.total : 0;
  return (
    <div className="restore-backup">
      <label className="file-button">
        {chooseLabel}
        <input ref={input} type="file" accept=".json,application/json" disabled={disabled || stage === 'writing'} onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {(stage === 'checking' || stage === 'writing') && (
        <div className="restore-progress">
          <progress aria-label="Restore progress" max={1} value={fraction} />
          <p>
            {!progress
              ? stage === 'checking'
                ? 'Reading the file…'
                : 'Restoring…'
              : `${progress.phase === 'checking' ? 'Checking' : 'Restoring'} · ${nf.format(progress.done)} of ${nf.format(progress.total)} rows`}
          </p>
          <button type="button" className="secondary small" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {retry && stage === 'idle' && (
        <button type="button" className="secondary" onClick={() => void (onRetry?.() ?? Promise.resolve()).catch(() => {}).then(() => choose(retry))}>
          Try again
        </button>
      )}
      {stage === 'ready' && ready && (
        <div className="confirm" role="group" aria-label={`Confirm ${confirmLabel.toLowerCase()}`}>
          <p>
            {ready.text}
            {note ? ` ${note}` : ''}
          </p>
          <button type="button" onClick={() => void confirm()}>
            {confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}

/** "backup.json: 2 reviews, 5 drafts, 3 evidence clips, 0 library recommendations" */
export function backupSummary(fileName: string, counts: Record<BackupTable, number>): string {
  const c = (t: BackupTable) => nf.format(counts[t]);
  return `${fileName}: ${c('reviews')} reviews, ${c('drafts')} drafts, ${c('evidence')} evidence clips, ${c('library')} library recommendations`;
}
