/**
 * The one message protocol between contexts (content script, background, side panel, reader).
 * Each feature declares its messages in lib/messages/<feature>.ts with `defineMessages`; the
 * protocol in ./protocol.ts is their union. Requests are validated with Zod where they are
 * received, because a content script lives in a page we do not trust.
 */
import type { z } from 'zod';

export interface MessageSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export function defineMessages<const T extends Record<string, MessageSpec>>(specs: T): T {
  return specs;
}

/** The wire format: a type tag and its payload. Anything else is not ours and is ignored. */
export interface Envelope<K extends string = string, P = unknown> {
  r2p: 1;
  type: K;
  payload: P;
}

export type MessageError = { r2pError: string };
