/** Step 1: per indicator a status and a note, one row per (review, indicator). */
import type { R2PDatabase } from '../db/database';
import type { AssessmentRow, IndicatorStatus } from '../db/rows';

export const assessmentId = (reviewId: string, indicatorId: string) => `${reviewId}:${indicatorId}`;

export function listAssessments(db: R2PDatabase, reviewId: string): Promise<AssessmentRow[]> {
  return db.assessments.where('reviewId').equals(reviewId).toArray();
}

/** Writes the whole row (status and note together), so a half-written row cannot exist. */
export async function saveAssessment(
  db: R2PDatabase,
  reviewId: string,
  indicatorId: string,
  patch: { status?: IndicatorStatus; note?: string },
  now = Date.now(),
): Promise<AssessmentRow> {
  return db.transaction('rw', [db.assessments, db.reviews], async () => {
    const id = assessmentId(reviewId, indicatorId);
    const old = await db.assessments.get(id);
    const row: AssessmentRow = {
      id,
      reviewId,
      indicatorId,
      status: patch.status ?? old?.status ?? 'unknown',
      note: patch.note ?? old?.note ?? '',
      updatedAt: now,
    };
    await db.assessments.put(row);
    await db.reviews.update(reviewId, { updatedAt: now });
    return row;
  });
}
