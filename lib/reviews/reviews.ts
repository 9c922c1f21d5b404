/**
 * Reviews (one per State under Review and session): create, edit, soft delete with undo, purge.
 * Functions take the Dexie database as a parameter; every multi-table write is one transaction.
 */
import type { R2PDatabase } from '../db/database';
import type { ReviewRow } from '../db/rows';
import { newId } from './ids';

/** How long "Undo" is offered after a delete. */
export const UNDO_WINDOW_MS = 30_000;
/** Deleted reviews are purged this long after deletion (the next time the panel opens). */
export const PURGE_AFTER_MS = 24 * 60 * 60 * 1000;

export type ReviewInput = Pick<ReviewRow, 'stateCode' | 'delegation'> & Partial<Pick<ReviewRow, 'session' | 'cycle' | 'date'>>;

export async function createReview(db: R2PDatabase, input: ReviewInput, now = Date.now()): Promise<ReviewRow> {
  const row: ReviewRow = {
    id: newId(),
    stateCode: input.stateCode,
    delegation: input.delegation.trim(),
    session: input.session,
    cycle: input.cycle,
    date: input.date,
    createdAt: now,
    updatedAt: now,
  };
  await db.reviews.add(row);
  return row;
}

export async function updateReview(db: R2PDatabase, id: string, patch: Partial<Omit<ReviewRow, 'id' | 'createdAt'>>, now = Date.now()): Promise<void> {
  await db.reviews.update(id, { ...patch, updatedAt: now });
}

/** Live reviews, newest first; by creation, so the list does not jump while one is edited. */
export async function listReviews(db: R2PDatabase): Promise<ReviewRow[]> {
  const all = await db.reviews.toArray();
  return all.filter((r) => r.deletedAt === undefined).sort((a, b) => b.createdAt - a.createdAt);
}

export async function softDeleteReview(db: R2PDatabase, id: string, now = Date.now()): Promise<void> {
  await db.reviews.update(id, { deletedAt: now });
}

export async function undoDeleteReview(db: R2PDatabase, id: string): Promise<void> {
  // Dexie removes a key when the update sets it to undefined.
  await db.reviews.update(id, { deletedAt: undefined });
}

/** Removes reviews deleted longer than `afterMs` ago, with everything that belongs to them. */
export async function purgeDeletedReviews(db: R2PDatabase, now = Date.now(), afterMs = PURGE_AFTER_MS): Promise<number> {
  return db.transaction('rw', [db.reviews, db.assessments, db.evidence, db.drafts, db.statements, db.followUps], async () => {
    const old = await db.reviews.filter((r) => r.deletedAt !== undefined && now - r.deletedAt >= afterMs).toArray();
    for (const r of old) {
      await db.assessments.where('reviewId').equals(r.id).delete();
      await db.evidence.where('reviewId').equals(r.id).delete();
      await db.drafts.where('reviewId').equals(r.id).delete();
      await db.followUps.where('reviewId').equals(r.id).delete();
      await db.statements.delete(r.id);
      await db.reviews.delete(r.id);
    }
    return old.length;
  });
}
