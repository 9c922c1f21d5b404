/**
 * One highlighter per page. A newer copy of the content script (injected again on demand) stops
 * the older one through a global of the extension's own isolated world, which the page can
 * neither see nor forge. Nothing is said to the page: WXT's own hand-over, a DOM event plus a
 * postMessage named after the extension, is replaced (lib/browser/quiet-content-script-context.ts).
 * A copy whose extension has been updated or removed notices it the next time it is about to
 * act (`alive()`), and stops.
 */
const KEY = Symbol.for('r2p-lens.content-script');

type Scope = { [KEY]?: AbortController };

export interface PageClaim {
  /** Aborts when a newer copy takes over, or once `alive()` finds the extension gone. */
  signal: AbortSignal;
  /** Whether this copy may still act (checked before it does): false, and stopped, once the extension is gone. */
  alive(): boolean;
}

export function claimPage(scope: object, extensionGone: () => boolean): PageClaim {
  const holder = scope as Scope;
  holder[KEY]?.abort();
  const mine = new AbortController();
  holder[KEY] = mine;
  return {
    signal: mine.signal,
    alive() {
      if (!mine.signal.aborted && extensionGone()) mine.abort();
      return !mine.signal.aborted;
    },
  };
}
