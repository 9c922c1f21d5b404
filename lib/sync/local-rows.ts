/**
 * A shared review's rows in this browser's tables: read as one snapshot, and brought in line with
 * the shared document. Only called inside the sync transaction (lib/sync/sync-store.ts), so what
 * is read and what is written cannot be interleaved with another write.
 */
import type { R2PDatabase } from '../db/database';
import type { AssessmentRow, DraftRow, EvidenceRow, FollowUpRow, ReviewRow, StatementRow } from '../db/rows';
import { assessmentId } from '../reviews/assessments';
import { REVIEW_KEY, SHARED_TABLES, STATEMENT_KEY, TABLE_NAMES, sameEntity, snapshotOf, splitKey, type Entity, type ReviewRows, type SharedTable, type Snapshot } from './fields';

export async function readReviewRows(db: R2PDatabase, reviewId: string): Promise<ReviewRows> {
  const [review, statement, assessments, drafts, evidence, followUps] = await Promise.all([
    db.reviews.get(reviewId),
    db.statements.get(reviewId),
    db.assessments.where('reviewId').equals(reviewId).toArray(),
    db.drafts.where('reviewId').equals(reviewId).toArray(),
    db.evidence.where('reviewId').equals(reviewId).toArray(),
    db.followUps.where('reviewId').equals(reviewId).toArray(),
  ]);
  return { review, statement, assessments, drafts, evidence, followUps };
}

/** The Dexie tables of a review's shared rows. */
export const rowTables = (db: R2PDatabase) => [db.reviews, db.statements, db.assessments, db.drafts, db.evidence, db.followUps];

const full = (table: SharedTable, e: Entity): Entity => ({ ...SHARED_TABLES[table].defaults, ...e });

/**
 * Writes what differs between the local rows and `target`: rows the document changed or added
 * are put, rows it no longer holds are deleted (never the review itself, nor its statement).
 * Local-only fields (ids, `updatedAt`, `deletedAt`) are kept or filled in.
 */
export async function writeReviewRows(db: R2PDatabase, reviewId: string, rows: ReviewRows, target: Snapshot, now: number): Promise<number> {
  const local = snapshotOf(rows);
  let written = 0;
  const byKey = new Map<string, { id: string }>([
    ...rows.assessments.map((r) => [`assessments/${r.indicatorId}`, r] as const),
    ...rows.drafts.map((r) => [`drafts/${r.id}`, r] as const),
    ...rows.evidence.map((r) => [`evidence/${r.id}`, r] as const),
    ...rows.followUps.map((r) => [`followUps/${r.id}`, r] as const),
  ]);
  for (const [key, e] of Object.entries(target)) {
    const { table, id } = splitKey(key);
    if (!TABLE_NAMES.includes(table) || sameEntity(table, local[key], e)) continue;
    written++;
    const f = full(table, e);
    if (key === REVIEW_KEY) {
      if (!rows.review) continue;
      // The document's fields replace the shared ones (a session cleared there is cleared here).
      const next: Record<string, unknown> = { ...rows.review };
      for (const field of Object.keys(SHARED_TABLES.reviews.fields)) delete next[field];
      await db.reviews.put({ ...(next as unknown as ReviewRow), ...e, updatedAt: now });
    } else if (key === STATEMENT_KEY) {
      await db.statements.put({ ...(f as unknown as StatementRow), reviewId, updatedAt: now });
    } else if (table === 'assessments') {
      await db.assessments.put({ ...(f as unknown as AssessmentRow), id: assessmentId(reviewId, id), reviewId, indicatorId: id, updatedAt: now });
    } else if (table === 'drafts') {
      await db.drafts.put({ ...(f as unknown as DraftRow), id, reviewId, updatedAt: now });
    } else if (table === 'evidence') {
      await db.evidence.put({ ...(f as unknown as EvidenceRow), id, reviewId });
    } else if (table === 'followUps') {
      await db.followUps.put({ ...(f as unknown as FollowUpRow), id, reviewId, updatedAt: now });
    }
  }
  for (const key of Object.keys(local)) {
    if (target[key] || key === REVIEW_KEY || key === STATEMENT_KEY) continue;
    const { table } = splitKey(key);
    const row = byKey.get(key);
    if (!row) continue;
    written++;
    await db.table(table).delete(row.id);
  }
  if (written && rows.review) await db.reviews.update(reviewId, { updatedAt: now });
  return written;
}
