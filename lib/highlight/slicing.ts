/**
 * How a long pass gives the main thread back to the page between slices: a clock to measure a
 * slice by and a way to yield. Injected, so tests can drive slices with a clock of their own.
 */
export interface Slicing {
  now(): number;
  /** Resolves once the page has had its turn (its timers, input, a frame if one is due). */
  yield(): Promise<void>;
  /**
   * Resolves once the browser has drawn its next frame (soon anyway where it draws none, in a
   * hidden tab): what was just painted is then on screen. `yield` where missing.
   */
  frame?(): Promise<void>;
  /** Work per slice, in the clock's unit (SLICE_MS in orchestrator.ts by default). */
  budgetMs?: number;
  /** Lets go of what yielding held (a message channel). */
  close?(): void;
}

/**
 * A message to ourselves: the next slice queues behind the page's own due work (its timers, its
 * messages), and unlike setTimeout(0) it is not clamped to 4 ms once nested. Not
 * `scheduler.yield()`: its continuation runs ahead of the page's other tasks, and on a page of
 * 200,000 text nodes the page's own 20 ms timer did not fire once in the 2.3 s of the pass.
 */
export function browserSlicing(win: Window | typeof globalThis): Slicing {
  const w = win as unknown as { performance?: Performance; MessageChannel?: typeof MessageChannel };
  const perf = w.performance ?? performance;
  const now = () => perf.now();
  if (typeof w.MessageChannel === 'function') {
    let channel: MessageChannel | undefined;
    const waiting: (() => void)[] = [];
    const yieldNow = () => {
      if (!channel) {
        channel = new w.MessageChannel!();
        channel.port1.onmessage = () => waiting.shift()?.();
      }
      const c = channel;
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        c.port2.postMessage(null);
      });
    };
    const raf = (win as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
    const wait = (win as { setTimeout?: typeof setTimeout }).setTimeout ?? setTimeout;
    return {
      now,
      yield: yieldNow,
      // The frame's style, layout and paint run right after its animation-frame callbacks: a
      // message posted from one runs once they are done. No frame comes within 100 ms in a
      // hidden tab, where nothing is on screen to wait for; a frame coming after that (the tab
      // shown again, the pass perhaps over and its channel closed) has nothing left to do.
      frame: raf
        ? () =>
            new Promise<void>((resolve) => {
              let done = false;
              const finish = () => {
                done = true;
                resolve();
              };
              raf.call(win, () => void (done || yieldNow().then(finish)));
              wait.call(win, finish, 100);
            })
        : undefined,
      close() {
        channel?.port1.close();
        channel?.port2.close();
        channel = undefined;
      },
    };
  }
  return { now, yield: () => new Promise<void>((resolve) => setTimeout(resolve, 0)) };
}
