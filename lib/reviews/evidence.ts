/**
 * Evidence clips: a quote with its page title, address and date. A clip made from the context
 * menu or the highlight card waits with an empty reviewId until the user files it under a review
 * and an indicator in the Reviews tab.
 */
import { z } from 'zod';
import type { R2PDatabase } from '../db/database';
import type { EvidenceRow } from '../db/rows';
import { newId } from './ids';

/** What a clip must look like; it comes from a page, so it is checked and bounded. */
export const ClipSchema = z.object({
  quote: z.string().trim().min(1, 'The selection is empty.').max(20_000),
  title: z.string().max(1_000),
  // A web or file address, or a local file's name (reader); never javascript:, data: and the like.
  url: z
    .string()
    .max(4_000)
    .refine((u) => !/^[a-z][a-z0-9+.-]*:/i.test(u) || safeHref(u) !== undefined, 'The address is not a web or file address.'),
  page: z.number().int().positive().optional(),
});
export type Clip = z.input<typeof ClipSchema>;

export async function addPendingEvidence(db: R2PDatabase, clip: Clip, now = Date.now()): Promise<EvidenceRow> {
  const c = ClipSchema.parse(clip);
  const row: EvidenceRow = {
    id: newId(),
    reviewId: '',
    indicatorId: '',
    quote: c.quote,
    title: c.title.trim() || c.url,
    url: c.url,
    clippedAt: now,
    ...(c.page !== undefined ? { page: c.page } : {}),
  };
  await db.evidence.add(row);
  return row;
}

/** Clips not yet filed, newest first. */
export async function pendingEvidence(db: R2PDatabase): Promise<EvidenceRow[]> {
  const rows = await db.evidence.where('reviewId').equals('').toArray();
  return rows.sort((a, b) => b.clippedAt - a.clippedAt);
}

export async function fileEvidence(db: R2PDatabase, id: string, reviewId: string, indicatorId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.evidence, db.reviews], async () => {
    await db.evidence.update(id, { reviewId, indicatorId });
    await db.reviews.update(reviewId, { updatedAt: now });
  });
}

export async function addEvidence(db: R2PDatabase, reviewId: string, indicatorId: string, clip: Clip, now = Date.now()): Promise<EvidenceRow> {
  const row = await addPendingEvidence(db, clip, now);
  await fileEvidence(db, row.id, reviewId, indicatorId, now);
  return { ...row, reviewId, indicatorId };
}

export function evidenceForReview(db: R2PDatabase, reviewId: string): Promise<EvidenceRow[]> {
  return db.evidence.where('reviewId').equals(reviewId).sortBy('clippedAt');
}

export async function removeEvidence(db: R2PDatabase, id: string): Promise<void> {
  await db.evidence.delete(id);
}

/** Only web addresses become links: a clip's URL comes from a page and could be `javascript:`. */
export function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return ['http:', 'https:', 'file:'].includes(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}
