/**
 * The concept highlighter's messages. Content script → background: card details, counts for the
 * badge and the side panel, opening the panel. Popup → background: highlight a tab on demand.
 * Background / side panel → content script: run, jump, reveal (the content script checks those by
 * hand: it ships without Zod to stay small, and they come only from our own extension).
 */
import { z } from 'zod';
import { defineMessages } from './define';

const conceptId = z.string().min(1).max(120);
const ok = z.object({ ok: z.boolean(), message: z.string().optional() });

export const CardDetailsSchema = z.object({
  conceptId,
  label: z.string(),
  categoryLabel: z.string(),
  definition: z.string(),
  riskFactors: z.array(z.object({ id: z.string(), title: z.string() })),
  recommendations: z.array(z.object({ id: z.string(), title: z.string(), citation: z.string() })),
});
export type CardDetails = z.infer<typeof CardDetailsSchema>;

/** What a page holds, as the background keeps it per tab for the badge and the side panel. */
export const PageSummarySchema = z.object({
  url: z.string().max(4_000),
  total: z.number().int().nonnegative(),
  counts: z.record(conceptId, z.number().int().positive()).refine((r) => Object.keys(r).length <= 1_000),
});
export type PageSummary = z.infer<typeof PageSummarySchema>;

export const JumpResultSchema = z.object({ index: z.number().int(), total: z.number().int().nonnegative() });
export type JumpResult = z.infer<typeof JumpResultSchema>;

export const highlightMessages = defineMessages({
  // The concept table (lib/highlight/lexicon-rows.ts): the background holds it so the content
  // script, loaded on every UN page, does not carry its 17 KB.
  'highlight/lexicon': { request: z.object({}), response: z.object({ gzBase64: z.string().min(1) }) },
  'highlight/card': { request: z.object({ conceptId }), response: CardDetailsSchema.nullable() },
  'highlight/counts': { request: PageSummarySchema, response: ok },
  'highlight/open-panel': { request: z.object({ conceptId }), response: ok },
  'highlight/page': { request: z.object({ tabId: z.number().int().nonnegative() }), response: ok },
  // To the content script of a tab:
  'highlight/run': { request: z.object({}), response: ok },
  'highlight/jump': { request: z.object({ direction: z.enum(['next', 'previous']) }), response: JumpResultSchema },
  'highlight/reveal': { request: z.object({ conceptId }), response: JumpResultSchema },
});
