/** Step 2 and 3: advance questions and recommendations, each written whole on every save. */
import type { R2PDatabase } from '../db/database';
import type { DraftRow, UprResponse } from '../db/rows';
import { newId } from './ids';

export type DraftKind = DraftRow['kind'];

export async function listDrafts(db: R2PDatabase, reviewId: string, kind?: DraftKind): Promise<DraftRow[]> {
  const rows = kind
    ? await db.drafts.where('[reviewId+kind]').equals([reviewId, kind]).toArray()
    : await db.drafts.where('reviewId').equals(reviewId).toArray();
  return rows.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
}

export async function createDraft(
  db: R2PDatabase,
  reviewId: string,
  kind: DraftKind,
  init: { text?: string; recommendationIds?: string[]; riskFactorIds?: string[] } = {},
  now = Date.now(),
): Promise<DraftRow> {
  return db.transaction('rw', [db.drafts, db.reviews], async () => {
    const last = (await listDrafts(db, reviewId)).at(-1);
    const row: DraftRow = {
      id: newId(),
      reviewId,
      kind,
      text: init.text ?? '',
      recommendationIds: init.recommendationIds ?? [],
      riskFactorIds: init.riskFactorIds ?? [],
      order: (last?.order ?? -1) + 1,
      response: 'pending',
      reportParagraph: '',
      createdAt: now,
      updatedAt: now,
    };
    await db.drafts.add(row);
    await db.reviews.update(reviewId, { updatedAt: now });
    return row;
  });
}

/** Saves the edited fields by writing the whole row in one transaction. */
export async function saveDraft(db: R2PDatabase, id: string, patch: Partial<Pick<DraftRow, 'text' | 'kind' | 'response' | 'reportParagraph'>>, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.drafts, db.reviews], async () => {
    const old = await db.drafts.get(id);
    if (!old) return;
    await db.drafts.put({ ...old, ...patch, updatedAt: now });
    await db.reviews.update(old.reviewId, { updatedAt: now });
  });
}

/** Removes the draft and takes it out of the oral statement. */
export async function deleteDraft(db: R2PDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.drafts, db.statements], async () => {
    const old = await db.drafts.get(id);
    if (!old) return;
    await db.drafts.delete(id);
    const st = await db.statements.get(old.reviewId);
    if (st?.items.includes(id)) await db.statements.put({ ...st, items: st.items.filter((x) => x !== id) });
  });
}

export interface OutcomeSummary {
  total: number;
  supported: number;
  noted: number;
  pending: number;
}

export function outcomeSummary(drafts: Pick<DraftRow, 'kind' | 'response'>[]): OutcomeSummary {
  const recs = drafts.filter((d) => d.kind === 'recommendation');
  const count = (r: UprResponse) => recs.filter((d) => d.response === r).length;
  return { total: recs.length, supported: count('supported'), noted: count('noted'), pending: count('pending') };
}
