/** Step 4: offers of assistance and follow-up actions. */
import type { R2PDatabase } from '../db/database';
import type { FollowUpRow } from '../db/rows';
import { newId } from './ids';

export async function listFollowUps(db: R2PDatabase, reviewId: string): Promise<FollowUpRow[]> {
  const rows = await db.followUps.where('reviewId').equals(reviewId).toArray();
  // Undated ones last, the rest by date.
  return rows.sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999'));
}

export async function addFollowUp(db: R2PDatabase, reviewId: string, kind: FollowUpRow['kind'], now = Date.now()): Promise<FollowUpRow> {
  const row: FollowUpRow = { id: newId(), reviewId, kind, what: '', partner: '', owner: '', due: '', done: false, updatedAt: now };
  await db.transaction('rw', [db.followUps, db.reviews], async () => {
    await db.followUps.add(row);
    await db.reviews.update(reviewId, { updatedAt: now });
  });
  return row;
}

export async function saveFollowUp(db: R2PDatabase, id: string, patch: Partial<Omit<FollowUpRow, 'id' | 'reviewId'>>, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.followUps, db.reviews], async () => {
    const old = await db.followUps.get(id);
    if (!old) return;
    await db.followUps.put({ ...old, ...patch, updatedAt: now });
    await db.reviews.update(old.reviewId, { updatedAt: now });
  });
}

export async function deleteFollowUp(db: R2PDatabase, id: string): Promise<void> {
  await db.followUps.delete(id);
}
