/**
 * A shared review's document kept in this browser's database, beside its rows. Every Yjs update
 * (typed here, received from the server, made by a merge) is stored in `syncUpdates`; a merge
 * stores its updates, the rows it changes and the new agreed state in one transaction, so a
 * browser quit can never leave the document and the rows disagreeing about what was changed
 * where. Several extension pages may hold the same document: each first applies the updates the
 * others stored, inside the same transaction.
 */
import * as Y from 'yjs';
import type { R2PDatabase } from '../db/database';
import type { ShareRow } from '../db/rows';
import { snapshotOf, sameValue } from './fields';
import { readReviewRows, rowTables, writeReviewRows } from './local-rows';
import { pushLocalChanges } from './reconcile';

/** Origin of updates read back from the database (not stored again). */
export const FROM_STORAGE = Symbol('r2p:from-storage');
/** Origin of updates a merge made from local rows. */
export const FROM_TABLES = Symbol('r2p:from-tables');

/** Past this many stored updates, a review's are merged into one. */
export const COMPACT_AFTER = 200;

export interface StoredDoc {
  reviewId: string;
  doc: Y.Doc;
  /** Updates made in memory, not yet stored. */
  pending: Uint8Array[];
  /** The highest `syncUpdates` id already applied to `doc`. */
  lastSeen: number;
}

/** A document for the review, with every stored update applied and each new update queued for storage. */
export function openStoredDoc(reviewId: string): StoredDoc {
  const doc = new Y.Doc();
  const stored: StoredDoc = { reviewId, doc, pending: [], lastSeen: 0 };
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_STORAGE) stored.pending.push(update);
  });
  return stored;
}

async function applyStored(db: R2PDatabase, s: StoredDoc): Promise<void> {
  const rows = await db.syncUpdates.where('id').above(s.lastSeen).filter((u) => u.reviewId === s.reviewId).toArray();
  if (!rows.length) return;
  Y.transact(s.doc, () => rows.forEach((r) => Y.applyUpdate(s.doc, r.update, FROM_STORAGE)), FROM_STORAGE);
  s.lastSeen = Math.max(s.lastSeen, ...rows.map((r) => r.id));
}

/** Stores the queued updates in the current transaction; they leave the queue once it commits. */
async function storePending(db: R2PDatabase, s: StoredDoc, committed: Uint8Array[]): Promise<void> {
  const batch = s.pending.filter((u) => !committed.includes(u));
  if (!batch.length) return;
  await db.syncUpdates.bulkAdd(batch.map((update) => ({ reviewId: s.reviewId, update }) as never));
  committed.push(...batch);
}

const forget = (s: StoredDoc, committed: Uint8Array[]) => {
  s.pending = s.pending.filter((u) => !committed.includes(u));
};

/** Stores what was typed or received since the last call (cheap: no rows are read). */
export async function storeUpdates(db: R2PDatabase, s: StoredDoc): Promise<void> {
  if (!s.pending.length) return;
  const committed: Uint8Array[] = [];
  await db.transaction('rw', db.syncUpdates, () => storePending(db, s, committed));
  forget(s, committed);
}

/** Loads the review's stored document (the start of a session, before any connection). */
export async function loadStored(db: R2PDatabase, s: StoredDoc): Promise<void> {
  await db.transaction('r', db.syncUpdates, () => applyStored(db, s));
}

export type MergeResult = 'merged' | 'unchanged' | 'not-shared';

/**
 * The merge: updates other pages stored are applied, local changes since the agreed state go
 * into the document, the rows become what the document holds, and all of it is stored at once.
 */
export async function mergeWithTables(db: R2PDatabase, s: StoredDoc, now = Date.now()): Promise<MergeResult> {
  const committed: Uint8Array[] = [];
  const result = await db.transaction('rw', [...rowTables(db), db.shares, db.syncUpdates], async (): Promise<MergeResult> => {
    const share = await db.shares.get(s.reviewId);
    const review = await db.reviews.get(s.reviewId);
    if (!share || share.stopped || !review || review.deletedAt !== undefined) return 'not-shared';
    await applyStored(db, s);
    const rows = await readReviewRows(db, s.reviewId);
    const after = pushLocalChanges(s.doc, s.reviewId, share.base, snapshotOf(rows), { name: share.displayName, now }, FROM_TABLES);
    await storePending(db, s, committed);
    const written = await writeReviewRows(db, s.reviewId, rows, after, now);
    if (!sameValue(share.base, after)) await db.shares.update(s.reviewId, { base: after } as Partial<ShareRow>);
    if ((await db.syncUpdates.where('reviewId').equals(s.reviewId).count()) > COMPACT_AFTER) {
      await db.syncUpdates.where('reviewId').equals(s.reviewId).delete();
      await db.syncUpdates.add({ reviewId: s.reviewId, update: Y.encodeStateAsUpdate(s.doc) } as never);
    }
    return written || committed.length ? 'merged' : 'unchanged';
  });
  forget(s, committed);
  return result;
}
