/**
 * Sending and receiving protocol messages over `browser.runtime` / `browser.tabs`.
 * The receiving side checks the sender (our own extension only) and parses the payload with the
 * message's Zod schema before any handler sees it.
 */
import { browser, type Browser } from 'wxt/browser';
import { MESSAGES, type MessageType, type RequestOf, type ResponseOf } from './protocol';
import type { Envelope, MessageError, MessageSpec } from './define';

const specs: Record<string, MessageSpec> = MESSAGES;

type Sender = Browser.runtime.MessageSender;
export type Handler<K extends MessageType> = (payload: RequestOf<K>, sender: Sender) => Promise<ResponseOf<K>> | ResponseOf<K>;
export type Handlers = { [K in MessageType]?: Handler<K> };

function isEnvelope(x: unknown): x is Envelope {
  return typeof x === 'object' && x !== null && (x as Envelope).r2p === 1 && typeof (x as Envelope).type === 'string';
}

function unwrap<K extends MessageType>(type: K, reply: unknown): ResponseOf<K> {
  if (reply && typeof reply === 'object' && 'r2pError' in reply) throw new Error((reply as MessageError).r2pError);
  return specs[type]!.response.parse(reply) as ResponseOf<K>;
}

/** To the background (or any extension page listening). */
export async function sendMessage<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope = { r2p: 1, type, payload };
  return unwrap(type, await browser.runtime.sendMessage(envelope));
}

/** To the content script of one tab. */
export async function sendToTab<K extends MessageType>(tabId: number, type: K, payload: RequestOf<K>, frameId = 0): Promise<ResponseOf<K>> {
  const envelope: Envelope = { r2p: 1, type, payload };
  return unwrap(type, await browser.tabs.sendMessage(tabId, envelope, { frameId }));
}

/**
 * Answers the given message types; others are left to other listeners. Returns the function
 * that stops listening (content scripts pass it to their `ctx`).
 */
export function handleMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    if (!isEnvelope(message) || sender.id !== browser.runtime.id) return undefined;
    const type = message.type as MessageType;
    // Own keys only: a type such as "constructor" or "__proto__" must not reach Object's own members.
    if (!Object.hasOwn(handlers, type) || !Object.hasOwn(specs, type)) return undefined;
    const handler = handlers[type] as Handler<MessageType> | undefined;
    const spec = specs[type];
    if (!handler || !spec) return undefined;
    const parsed = spec.request.safeParse(message.payload);
    if (!parsed.success) {
      sendResponse({ r2pError: `Refused a malformed "${type}" message.` } satisfies MessageError);
      return undefined;
    }
    Promise.resolve()
      .then(() => handler(parsed.data as RequestOf<MessageType>, sender))
      .then(sendResponse, (e: unknown) => sendResponse({ r2pError: e instanceof Error ? e.message : String(e) } satisfies MessageError));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
