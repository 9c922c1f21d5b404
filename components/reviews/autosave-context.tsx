/**
 * One autosaver for the Reviews tab: every field schedules its write here; pending writes are
 * flushed when the panel is hidden, closed or the tab unmounts. A polite live region says when
 * everything is saved, or that a save failed.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createAutosaver, flushOnHide, type Autosaver, type Clock } from '@/lib/reviews/autosave';

type SaveState = 'saved' | 'saving' | 'failed';
const AutosaveContext = createContext<{ saver: Autosaver; state: SaveState; mark: () => void } | null>(null);

export function AutosaveProvider({ children, clock, delayMs }: { children: ReactNode; clock?: Clock; delayMs?: number }) {
  const [state, setState] = useState<SaveState>('saved');
  const saver = useMemo(
    () =>
      createAutosaver({
        clock,
        delayMs,
        onSaved: () => setState((s) => (s === 'failed' ? s : 'saved')),
        onError: () => setState('failed'),
      }),
    [clock, delayMs],
  );
  useEffect(() => {
    const stop = flushOnHide(saver, window, document);
    return () => {
      stop();
      void saver.flush();
    };
  }, [saver]);
  const value = useMemo(() => ({ saver, state, mark: () => setState('saving') }), [saver, state]);
  return <AutosaveContext.Provider value={value}>{children}</AutosaveContext.Provider>;
}

export function useAutosave() {
  const ctx = useContext(AutosaveContext);
  if (!ctx) throw new Error('useAutosave outside AutosaveProvider');
  return {
    state: ctx.state,
    /** Schedules `task` under `key`, replacing the previous pending write of that field. */
    schedule: (key: string, task: () => Promise<unknown>) => {
      ctx.mark();
      ctx.saver.schedule(key, task);
    },
    flush: () => ctx.saver.flush(),
  };
}

export function SaveStatus() {
  const { state } = useAutosave();
  return (
    <p className={`save-status ${state}`} role="status" aria-live="polite">
      {state === 'saved' ? 'All changes saved' : state === 'saving' ? 'Saving…' : 'A change could not be saved. Keep this panel open and try again.'}
    </p>
  );
}
