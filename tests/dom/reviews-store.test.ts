import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import { createReview, listReviews, purgeDeletedReviews, softDeleteReview, undoDeleteReview, PURGE_AFTER_MS } from '@/lib/reviews/reviews';
import { listAssessments, saveAssessment } from '@/lib/reviews/assessments';
import { addPendingEvidence, evidenceForReview, fileEvidence, pendingEvidence, safeHref } from '@/lib/reviews/evidence';
import { createDraft, deleteDraft, listDrafts, outcomeSummary, saveDraft } from '@/lib/reviews/drafts';
import { getStatement, moveItem, saveStatement } from '@/lib/reviews/statement';
import { blocksToText, statementBlocks } from '@/lib/reviews/statement-text';
import { assessableGroups, riskSummary } from '@/lib/reviews/indicators';
import { knowledgeBase } from '@/lib/catalogue/knowledge';

let db: R2PDatabase;
beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('reviews: delete asks nothing here, but can be undone and is purged later', () => {
  it('hides a deleted review, brings it back with undo, and keeps its drafts meanwhile', async () => {
    const kenya = await createReview(db, { stateCode: 'KEN', delegation: 'Norway', session: 46 }, 1000);
    const chile = await createReview(db, { stateCode: 'CHL', delegation: 'Norway' }, 2000);
    await createDraft(db, kenya.id, 'recommendation', { text: 'Ratify the Rome Statute.' });
    await softDeleteReview(db, kenya.id, 5000);
    expect((await listReviews(db)).map((r) => r.stateCode)).toEqual(['CHL']);
    // Purging before the window closes removes nothing.
    expect(await purgeDeletedReviews(db, 5000 + PURGE_AFTER_MS - 1)).toBe(0);
    await undoDeleteReview(db, kenya.id);
    expect((await listReviews(db)).map((r) => r.id).sort()).toEqual([kenya.id, chile.id].sort());
    expect((await db.reviews.get(kenya.id))!.deletedAt).toBeUndefined();
    expect(await listDrafts(db, kenya.id)).toHaveLength(1);
  });

  it('purges a review deleted long ago with everything that belongs to it, and nothing else', async () => {
    const a = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' }, 1000);
    const b = await createReview(db, { stateCode: 'CHL', delegation: 'Norway' }, 1000);
    for (const r of [a, b]) {
      await saveAssessment(db, r.id, 'foa-1.1', { status: 'present' });
      await createDraft(db, r.id, 'question', { text: 'What steps?' });
      await saveStatement(db, r.id, { opening: 'Thank you.' });
      const clip = await addPendingEvidence(db, { quote: 'q', title: 't', url: 'https://example.org/' });
      await fileEvidence(db, clip.id, r.id, 'foa-1.1');
    }
    await softDeleteReview(db, a.id, 10_000);
    expect(await purgeDeletedReviews(db, 10_000 + PURGE_AFTER_MS)).toBe(1);
    expect(await db.reviews.get(a.id)).toBeUndefined();
    expect(await listAssessments(db, a.id)).toEqual([]);
    expect(await listDrafts(db, a.id)).toEqual([]);
    expect(await evidenceForReview(db, a.id)).toEqual([]);
    expect(await db.statements.get(a.id)).toBeUndefined();
    expect(await listAssessments(db, b.id)).toHaveLength(1);
    expect(await listDrafts(db, b.id)).toHaveLength(1);
  });
});

describe('step 1: assessments and evidence', () => {
  it('keeps status and note together, and ranks risk factors by present indicators', async () => {
    const r = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await saveAssessment(db, r.id, 'foa-9.1', { status: 'present' });
    await saveAssessment(db, r.id, 'foa-9.1', { note: 'Hate speech on radio' });
    await saveAssessment(db, r.id, 'foa-9.2', { status: 'present' });
    await saveAssessment(db, r.id, 'foa-1.1', { status: 'present' });
    await saveAssessment(db, r.id, 'foa-1.2', { status: 'partly' });
    await saveAssessment(db, r.id, 'foa-3.1', { status: 'absent' });
    const rows = await listAssessments(db, r.id);
    expect(rows.find((x) => x.indicatorId === 'foa-9.1')).toMatchObject({ status: 'present', note: 'Hate speech on radio' });
    const summary = riskSummary(assessableGroups(knowledgeBase().riskFactors.factors), rows);
    expect(summary.map((s) => [s.factor.id, s.present, s.partly])).toEqual([
      ['foa-rf-9', 2, 0],
      ['foa-rf-1', 1, 1],
    ]);
  });

  it('assesses factors that have no numbered indicators as one item', () => {
    const groups = assessableGroups(knowledgeBase().riskFactors.factors);
    const sg = groups.find((g) => g.factor.id === 'sg2013-rf-2')!;
    expect(sg.items.map((i) => i.id)).toEqual(['sg2013-rf-2']);
    expect(groups.filter((g) => g.factor.framework === 'foa-2014')).toHaveLength(14);
  });

  it('keeps a clip pending until it is filed under a review and an indicator', async () => {
    const r = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const clip = await addPendingEvidence(db, { quote: '  Radio broadcasts called for violence.  ', title: 'Report', url: 'https://example.org/a' }, 42);
    expect(await pendingEvidence(db)).toEqual([expect.objectContaining({ id: clip.id, quote: 'Radio broadcasts called for violence.', clippedAt: 42 })]);
    await fileEvidence(db, clip.id, r.id, 'foa-9.2');
    expect(await pendingEvidence(db)).toEqual([]);
    expect(await evidenceForReview(db, r.id)).toEqual([expect.objectContaining({ indicatorId: 'foa-9.2', url: 'https://example.org/a', title: 'Report' })]);
  });

  it('refuses an empty selection and never turns a javascript: address into a link', async () => {
    await expect(addPendingEvidence(db, { quote: '   ', title: '', url: 'https://x.org' })).rejects.toThrow();
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('https://undocs.org/A/71/1016')).toBe('https://undocs.org/A/71/1016');
  });
});

describe('step 2 and 3: drafts and the statement', () => {
  it('orders drafts, records responses, and drops a deleted draft from the statement', async () => {
    const r = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const a = await createDraft(db, r.id, 'recommendation', { text: 'Ratify the Rome Statute.', recommendationIds: ['2017-x'] });
    const b = await createDraft(db, r.id, 'recommendation', { text: 'Adopt a national action plan.' });
    const q = await createDraft(db, r.id, 'question', { text: 'What steps?' });
    expect((await listDrafts(db, r.id)).map((d) => d.id)).toEqual([a.id, b.id, q.id]);
    expect((await listDrafts(db, r.id, 'question')).map((d) => d.id)).toEqual([q.id]);
    await saveDraft(db, a.id, { response: 'supported', reportParagraph: '107.41' });
    await saveDraft(db, b.id, { response: 'noted' });
    const drafts = await listDrafts(db, r.id);
    expect(drafts[0]).toMatchObject({ text: 'Ratify the Rome Statute.', recommendationIds: ['2017-x'], reportParagraph: '107.41' });
    expect(outcomeSummary(drafts)).toEqual({ total: 2, supported: 1, noted: 1, pending: 0 });

    await saveStatement(db, r.id, { opening: 'Thank you.', closing: 'We wish Kenya success.', items: [b.id, a.id] });
    const st = await getStatement(db, r.id);
    expect(blocksToText(statementBlocks(st, drafts, { delegation: 'Norway', state: 'Kenya' }))).toBe(
      'Thank you.\n\nNorway recommends that Kenya:\n1. adopt a national action plan; and\n2. ratify the Rome Statute.\n\nWe wish Kenya success.',
    );
    await deleteDraft(db, b.id);
    expect((await getStatement(db, r.id)).items).toEqual([a.id]);
  });

  it('starts a statement at 1 min 30 s, and moves items one place at a time', async () => {
    const st = await getStatement(db, 'none');
    expect(st.allottedSeconds).toBe(90);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
});
