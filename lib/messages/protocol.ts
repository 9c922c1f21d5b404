/**
 * Every message that crosses contexts, by type. Add a feature's messages by spreading its
 * `defineMessages` object here.
 */
import type { z } from 'zod';
import type { MessageSpec } from './define';
import { evidenceMessages } from './evidence';
import { highlightMessages } from './highlight';

export const MESSAGES = {
  ...evidenceMessages,
  ...highlightMessages,
} satisfies Record<string, MessageSpec>;

export type MessageType = keyof typeof MESSAGES;
export type RequestOf<K extends MessageType> = z.input<(typeof MESSAGES)[K]['request']>;
export type ResponseOf<K extends MessageType> = z.output<(typeof MESSAGES)[K]['response']>;
