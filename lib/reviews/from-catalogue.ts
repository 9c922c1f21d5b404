/** "Use as recommendation" from a catalogue search result: a draft in a review, new or existing. */
import type { R2PDatabase } from '../db/database';
import type { DraftRow } from '../db/rows';
import type { Recommendation } from '../catalogue/schema';
import { recommendationDraft } from '../upr/templates';
import { createDraft } from './drafts';
import { createReview, type ReviewInput } from './reviews';

/** "Use as recommendation": one of the entry's UPR sentences as a draft, linked to the entry and its risk factors. */
export function draftFromCatalogue(db: R2PDatabase, reviewId: string, rec: Recommendation, now = Date.now(), sentence = 0): Promise<DraftRow> {
  const t = recommendationDraft(rec, { sentence });
  return createDraft(db, reviewId, 'recommendation', { text: t.text, recommendationIds: t.catalogueIds, riskFactorIds: t.riskFactorIds }, now);
}

/** A new review with the entry as its first recommendation, in one transaction: both or neither. */
export function reviewWithDraftFromCatalogue(db: R2PDatabase, input: ReviewInput, rec: Recommendation, now = Date.now(), sentence = 0) {
  return db.transaction('rw', [db.reviews, db.drafts], async () => {
    const review = await createReview(db, input, now);
    const draft = await draftFromCatalogue(db, review.id, rec, now, sentence);
    return { review, draft };
  });
}
