import { describe, expect, it } from 'vitest';
import { createAutosaver, flushOnHide, type Clock } from '@/lib/reviews/autosave';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    setTimeout(fn, ms) {
      const id = ++seq;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(h) {
      timers.delete(h as number);
    },
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
    }
    await new Promise((r) => setTimeout(r, 0));
  };
  return { clock, advance };
}

describe('autosave', () => {
  it('writes once, with the last value, 400 ms after the last keystroke', async () => {
    const { clock, advance } = manualClock();
    const saver = createAutosaver({ clock, delayMs: 400 });
    const written: string[] = [];
    for (const text of ['R', 'Ra', 'Rat', 'Ratify']) {
      saver.schedule('draft:1', () => void written.push(text));
      await advance(100);
    }
    expect(written).toEqual([]);
    await advance(299);
    expect(written).toEqual([]);
    await advance(1);
    expect(written).toEqual(['Ratify']);
    expect(saver.pending()).toBe(0);
  });

  it('keeps a separate timer per field, so editing one does not drop another', async () => {
    const { clock, advance } = manualClock();
    const saver = createAutosaver({ clock, delayMs: 400 });
    const written: string[] = [];
    saver.schedule('opening', () => void written.push('opening'));
    await advance(200);
    saver.schedule('closing', () => void written.push('closing'));
    await advance(200);
    expect(written).toEqual(['opening']);
    await advance(200);
    expect(written).toEqual(['opening', 'closing']);
  });

  it('flushes pending writes at once when the page is hidden or closed', async () => {
    const { clock } = manualClock();
    const saver = createAutosaver({ clock, delayMs: 400 });
    const written: string[] = [];
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const stop = flushOnHide(saver, win as unknown as Window, doc as unknown as Document);
    saver.schedule('note', () => void written.push('note'));
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await Promise.resolve();
    expect(written).toEqual(['note']);
    saver.schedule('note', () => void written.push('again'));
    win.dispatchEvent(new Event('pagehide'));
    await Promise.resolve();
    expect(written).toEqual(['note', 'again']);
    stop();
    saver.schedule('note', () => void written.push('late'));
    win.dispatchEvent(new Event('pagehide'));
    await Promise.resolve();
    expect(written).toEqual(['note', 'again']);
  });

  it('reports a failed write instead of losing it silently', async () => {
    const { clock, advance } = manualClock();
    const errors: unknown[] = [];
    const saver = createAutosaver({ clock, onError: (e) => errors.push(e) });
    saver.schedule('x', () => Promise.reject(new Error('QuotaExceededError')));
    await advance(1000);
    expect(errors).toHaveLength(1);
  });
});
