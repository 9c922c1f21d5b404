/**
 * The message protocol (lib/messages) as the content script speaks it, without Zod: the
 * schemas would triple the script's size. Outgoing requests are checked by the background with
 * the protocol's Zod schemas; incoming ones come only from our own extension (checked by sender)
 * and are checked here by hand.
 */
import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf } from '../messages/protocol';

export async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply: unknown = await browser.runtime.sendMessage({ r2p: 1, type, payload });
  if (reply && typeof reply === 'object' && 'r2pError' in reply) throw new Error(String((reply as { r2pError: unknown }).r2pError));
  return reply as ResponseOf<K>;
}

type Incoming = 'highlight/run' | 'highlight/jump' | 'highlight/reveal';
export type IncomingHandlers = { [K in Incoming]: (payload: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>> };

const valid: { [K in Incoming]: (p: Record<string, unknown>) => boolean } = {
  'highlight/run': () => true,
  'highlight/jump': (p) => p.direction === 'next' || p.direction === 'previous',
  'highlight/reveal': (p) => typeof p.conceptId === 'string' && p.conceptId.length > 0 && p.conceptId.length <= 120,
};

/** Answers the highlighter's messages to this tab; returns the function that stops listening. */
export function listen(handlers: IncomingHandlers): () => void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !message || typeof message !== 'object') return undefined;
    const { r2p, type, payload } = message as { r2p?: unknown; type?: unknown; payload?: unknown };
    // Own keys only: "constructor" or "toString" must not pass as a message type.
    if (r2p !== 1 || typeof type !== 'string' || !Object.hasOwn(valid, type)) return undefined;
    const p = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
    if (!valid[type as Incoming](p)) {
      sendResponse({ r2pError: `Refused a malformed "${type}" message.` });
      return undefined;
    }
    const handler = handlers[type as Incoming] as (p: unknown) => unknown;
    Promise.resolve()
      .then(() => handler(p))
      .then(sendResponse, (e: unknown) => sendResponse({ r2pError: e instanceof Error ? e.message : String(e) }));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
