/**
 * One autosaver for the Reviews tab: every field's change is journaled at the keystroke
 * (lib/reviews/journal.ts, durable at once) and its row written shortly after; pending writes are
 * flushed when the panel is hidden, closed or the tab unmounts. A polite live region says when
 * everything is saved; a failed save is announced with what to do (a full disk says so) and kept
 * to be retried, so nothing typed is lost.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { R2PDatabase } from '@/lib/db/database';
import { createAutosaver, flushOnHide, type Autosaver, type Clock } from '@/lib/reviews/autosave';
import { editKey, type FieldEdit } from '@/lib/reviews/field-edits';
import { forgetEdit, recordEdit, saveEdit } from '@/lib/reviews/journal';
import { isQuotaError, writeErrorMessage } from '@/lib/db/quota';
import { recoverFromFullDisk, refreshRescueCopy } from '@/lib/db/rescue';

type SaveState = 'saved' | 'saving' | 'failed';
interface Ctx {
  db: R2PDatabase;
  saver: Autosaver;
  /** "Try again": rebuilds the database if the disk was full, then writes what is waiting. */
  retry: () => Promise<void>;
  state: SaveState;
  /** Plain words for the last failed write (the quota message when the disk is full). */
  error: string;
  mark: () => void;
}
const AutosaveContext = createContext<Ctx | null>(null);

export function AutosaveProvider({ db, children, clock, delayMs }: { db: R2PDatabase; children: ReactNode; clock?: Clock; delayMs?: number }) {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState('');
  // The disk was full: before writing again, the database is rebuilt (lib/db/rescue.ts).
  const [diskWasFull, setDiskWasFull] = useState(false);
  const saver = useMemo(() => {
    const s: Autosaver = createAutosaver({
      clock,
      delayMs,
      // "Saved" only once nothing is waiting or failed: a failure stays on screen until retried.
      onSaved: () => {
        if (s.pending() === 0) {
          setState('saved');
          setError('');
        }
      },
      onError: (e) => {
        if (isQuotaError(e)) setDiskWasFull(true);
        setState('failed');
        setError(writeErrorMessage(e, 'A change could not be saved.'));
      },
    });
    return s;
  }, [clock, delayMs]);
  useEffect(() => {
    const stop = flushOnHide(saver, window, document);
    return () => {
      stop();
      void saver.flush();
    };
  }, [saver]);
  const value = useMemo(() => {
    const retry = async () => {
      if (diskWasFull) {
        try {
          await recoverFromFullDisk(db);
          setDiskWasFull(false);
        } catch (e) {
          return void setError(writeErrorMessage(e, 'A change could not be saved.'));
        }
        await saver.flush();
        // The rescue copy, kept until a restart, also holds the words that waited for room.
        if (saver.pending() === 0) await refreshRescueCopy(db).catch(() => false);
        return;
      }
      await saver.flush();
    };
    return { db, saver, state, error, retry, mark: () => setState((x) => (x === 'failed' ? x : 'saving')) };
  }, [db, saver, state, error, diskWasFull]);
  return <AutosaveContext.Provider value={value}>{children}</AutosaveContext.Provider>;
}

export function useAutosave() {
  const ctx = useContext(AutosaveContext);
  if (!ctx) throw new Error('useAutosave outside AutosaveProvider');
  return {
    state: ctx.state,
    error: ctx.error,
    /**
     * A field's new text: journaled now, written to its row after the delay (replacing any pending
     * write of that field). `save` replaces the row write (a shared review stores its document);
     * the journal record is dropped once it has run.
     */
    edit: (edit: FieldEdit, value: string, save?: () => Promise<unknown>) => {
      recordEdit(ctx.db, edit, value);
      ctx.mark();
      ctx.saver.schedule(editKey(edit), save ? () => save().then(() => forgetEdit(ctx.db, edit, value)) : () => saveEdit(ctx.db, edit, value));
    },
    flush: () => ctx.saver.flush(),
    retry: ctx.retry,
  };
}

export function SaveStatus() {
  const { state, error, retry } = useAutosave();
  if (state === 'failed') {
    return (
      <div className="save-status failed" role="alert">
        <p>{error || 'A change could not be saved.'} Keep this panel open: what you typed is still here.</p>
        <button type="button" className="secondary small" onClick={() => void retry()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p className={`save-status ${state}`} role="status" aria-live="polite">
      {state === 'saved' ? 'All changes saved' : 'Saving…'}
    </p>
  );
}
