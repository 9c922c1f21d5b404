/**
 * Debounced saving for the review workspace: each edit is written at most `delayMs` after the
 * last keystroke (one timer per field key), and everything pending is written at once by
 * `flush()` when the panel is hidden or closed. The clock is a parameter so tests drive it.
 */
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Well inside the "saved within a second" promise, long enough to spare Dexie per keystroke. */
export const AUTOSAVE_DELAY_MS = 400;

export interface Autosaver {
  /** Replaces any pending write under `key` with `task`, run after the delay. */
  schedule(key: string, task: () => Promise<unknown> | void): void;
  /** Runs every pending write now, and retries any that failed; resolves when they are done. */
  flush(): Promise<void>;
  /** How many writes are waiting, failed ones included. */
  pending(): number;
}

export function createAutosaver(options: {
  delayMs?: number;
  clock?: Clock;
  onError?: (e: unknown) => void;
  onSaved?: () => void;
} = {}): Autosaver {
  const { delayMs = AUTOSAVE_DELAY_MS, clock = realClock, onError = () => {}, onSaved = () => {} } = options;
  const waiting = new Map<string, { task: () => Promise<unknown> | void; timer: unknown }>();
  // Writes that failed (a full disk, say), kept so the next flush or retry writes them: a failed
  // save must never drop what the user typed.
  const failed = new Map<string, () => Promise<unknown> | void>();

  const attempt = async (key: string, task: () => Promise<unknown> | void) => {
    try {
      await task();
      onSaved();
    } catch (e) {
      // Unless a newer edit of the same field is already waiting, which supersedes this one.
      if (!waiting.has(key)) failed.set(key, task);
      onError(e);
    }
  };

  const run = async (key: string) => {
    const entry = waiting.get(key);
    if (!entry) return;
    waiting.delete(key);
    failed.delete(key);
    clock.clearTimeout(entry.timer);
    await attempt(key, entry.task);
  };

  const retryFailed = async () => {
    const tasks = [...failed];
    failed.clear();
    await Promise.all(tasks.map(([key, task]) => attempt(key, task)));
  };

  return {
    schedule(key, task) {
      const previous = waiting.get(key);
      if (previous) clock.clearTimeout(previous.timer);
      failed.delete(key);
      const timer = clock.setTimeout(() => void run(key), delayMs);
      waiting.set(key, { task, timer });
    },
    async flush() {
      await Promise.all([...[...waiting.keys()].map(run), retryFailed()]);
    },
    pending: () => waiting.size + failed.size,
  };
}

/**
 * Flushes when the page is hidden or unloaded (panel closed, browser quitting). Returns the
 * function that stops listening.
 */
export function flushOnHide(saver: Autosaver, win: Pick<Window, 'addEventListener' | 'removeEventListener'>, doc: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>): () => void {
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') void saver.flush();
  };
  const onPageHide = () => void saver.flush();
  doc.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);
  return () => {
    doc.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pagehide', onPageHide);
  };
}
