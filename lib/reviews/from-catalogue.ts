/** "Use as recommendation" from a catalogue search result: a draft in a review, new or existing. */
import type { R2PDatabase } from '../db/database';
import type { DraftRow } from '../db/rows';
import type { Recommendation } from '../catalogue/schema';
import { recommendationDraft } from '../upr/templates';
import { createDraft } from './drafts';
import { createReview, type ReviewInput } from './reviews';

/** "Use as recommendation": the entry's UPR sentence as a draft, linked to the entry and its risk factors. */
export function draftFromCatalogue(db: R2PDatabase, reviewId: string, rec: Recommendation, now = Date.now()): Promise<DraftRow> {
  const t = recommendationDraft(rec);
  return createDraft(db, reviewId, 'recommendation', { text: t.text, recommendationIds: t.catalogueIds, riskFactorIds: t.riskFactorIds }, now);
}

/** A new review with the entry as its first recommendation, in one transaction: both or neither. */
export function reviewWithDraftFromCatalogue(db: R2PDatabase, input: ReviewInput, rec: Recommendation, now = Date.now()) {
  return db.transaction('rw', [db.reviews, db.drafts], async () => {
    const review = await createReview(db, input, now);
    const draft = await draftFromCatalogue(db, review.id, rec, now);
    return { review, draft };
  });
}
