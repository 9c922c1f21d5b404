/**
 * One highlighter per page. A newer copy of the content script (injected again on demand) stops
 * the older one through a global of the extension's own isolated world, which the page can
 * neither see nor forge. WXT's own hand-over is a DOM event plus a postMessage that the page
 * sees and can replay to switch the highlighter off, so its signal is heeded only when the
 * extension is really gone (updated, reloaded or removed).
 */
const KEY = Symbol.for('r2p-lens.content-script');

type Scope = { [KEY]?: AbortController };

/** Takes the page over from an older copy; the returned signal aborts when a newer copy takes over, or the extension is gone. */
export function claimPage(scope: object, wxtSignal: AbortSignal, extensionGone: () => boolean): AbortSignal {
  const holder = scope as Scope;
  holder[KEY]?.abort();
  const mine = new AbortController();
  holder[KEY] = mine;
  const onWxtAbort = () => {
    if (extensionGone()) mine.abort();
  };
  if (wxtSignal.aborted) onWxtAbort();
  else wxtSignal.addEventListener('abort', onWxtAbort, { once: true });
  return mine.signal;
}
