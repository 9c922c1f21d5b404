import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import { BACKUP_VERSION, createBackup, parseBackup, restoreBackup } from '@/lib/export/backup';
import { createReview, listReviews } from '@/lib/reviews/reviews';
import { createDraft, listDrafts } from '@/lib/reviews/drafts';
import { saveAssessment, listAssessments } from '@/lib/reviews/assessments';
import { addPendingEvidence, fileEvidence, pendingEvidence } from '@/lib/reviews/evidence';
import { saveStatement, getStatement } from '@/lib/reviews/statement';
import { addFollowUp, saveFollowUp, listFollowUps } from '@/lib/reviews/follow-ups';
import type { LibraryRow } from '@/lib/db/rows';
import { addRows, allRows } from '@/lib/library/store';

let source: R2PDatabase;
let target: R2PDatabase;
beforeEach(() => {
  source = openDatabase(`src-${crypto.randomUUID()}`);
  target = openDatabase(`dst-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

async function fillSource() {
  const r = await createReview(source, { stateCode: 'KEN', delegation: 'Norway', session: 46, cycle: 4, date: '2025-01-20' });
  await saveAssessment(source, r.id, 'foa-9.1', { status: 'present', note: 'Radio' });
  const clip = await addPendingEvidence(source, { quote: 'Broadcasts called for violence.', title: 'Report', url: 'https://example.org/' });
  await fileEvidence(source, clip.id, r.id, 'foa-9.1');
  await addPendingEvidence(source, { quote: 'Not yet filed.', title: 'Other', url: 'https://example.org/b', page: 3 });
  const d = await createDraft(source, r.id, 'recommendation', { text: 'Ratify the Rome Statute by 2026.', recommendationIds: ['2017-a'] });
  await saveStatement(source, r.id, { opening: 'Thank you, Mr. President.', items: [d.id] });
  const f = await addFollowUp(source, r.id, 'assistance');
  await saveFollowUp(source, f.id, { what: 'Training for judges', partner: 'OHCHR', due: '2026-06-01' });
  return r;
}

describe('backup and restore', () => {
  it('restores everything a backup holds into an empty database, exactly', async () => {
    const r = await fillSource();
    const text = JSON.stringify(await createBackup(source));
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.counts).toMatchObject({ reviews: 1, drafts: 1, evidence: 2, assessments: 1, statements: 1, followUps: 1 });
    await restoreBackup(target, parsed.backup);
    expect(await listReviews(target)).toEqual(await listReviews(source));
    expect(await listDrafts(target, r.id)).toEqual(await listDrafts(source, r.id));
    expect(await listAssessments(target, r.id)).toEqual(await listAssessments(source, r.id));
    expect(await getStatement(target, r.id)).toEqual(await getStatement(source, r.id));
    expect(await listFollowUps(target, r.id)).toEqual(await listFollowUps(source, r.id));
    expect((await pendingEvidence(target)).map((e) => e.page)).toEqual([3]);
  });

  it('keeps reviews the file does not hold', async () => {
    await fillSource();
    const mine = await createReview(target, { stateCode: 'CHL', delegation: 'Norway' });
    const parsed = parseBackup(JSON.stringify(await createBackup(source)));
    if (!parsed.ok) throw new Error(parsed.message);
    await restoreBackup(target, parsed.backup);
    expect((await listReviews(target)).map((x) => x.stateCode).sort()).toEqual(['CHL', 'KEN']);
    expect(await target.reviews.get(mine.id)).toBeDefined();
  });

  describe('refuses a bad file with a plain message, and changes nothing', () => {
    let good: string;
    beforeEach(async () => {
      await fillSource();
      good = JSON.stringify(await createBackup(source), null, 1);
      await createReview(target, { stateCode: 'CHL', delegation: 'Mine' });
    });
    const refuse = async (text: string, message: RegExp) => {
      const before = await createBackup(target);
      const result = parseBackup(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
      const after = await createBackup(target);
      expect(after.tables).toEqual(before.tables);
    };

    it('malformed JSON', () => refuse('{"format": "r2p-lens-backup", version: 1}', /not valid JSON/));
    it('a truncated file', () => refuse(good.slice(0, Math.floor(good.length * 0.6)), /incomplete|cut short/));
    it('an empty file', () => refuse('', /empty/));
    it('a file from a newer version', async () => {
      const newer = JSON.parse(good) as { version: number };
      newer.version = BACKUP_VERSION + 1;
      await refuse(JSON.stringify(newer), /newer version of R2P Lens.*format 2/);
    });
    it('some other JSON file', () => refuse('[1,2,3]', /not an R2P Lens backup/));
    it('the right header but a row of the wrong shape, naming the row', async () => {
      const bad = JSON.parse(good) as { tables: { drafts: Record<string, unknown>[] } };
      bad.tables.drafts[0]!.kind = 'speech';
      await refuse(JSON.stringify(bad), /draft 1: "kind"/);
    });
    it('a draft that belongs to no review in the file', async () => {
      const bad = JSON.parse(good) as { tables: { reviews: unknown[] } };
      bad.tables.reviews = [];
      await refuse(JSON.stringify(bad), /belongs to a review the file does not hold/);
    });
  });

  it('backs up the library one entry per recommendation, as older backups did, and restores it without doubling rows', async () => {
    const row = (n: number, text = `Recommendation ${n}`): LibraryRow => ({
      id: `lib-${n}`, sur: 'Chad', from: 'France', text, response: 'supported', action: 4, issues: ['Torture'], session: 4,
      source: 'upr-info', concepts: [], riskFactors: [], relevant: 0, importId: 'imp-1',
    });
    await addRows(source, Array.from({ length: 1200 }, (_, i) => row(i)));
    const backup = await createBackup(source);
    expect(backup.tables.library).toHaveLength(1200);
    expect(backup.tables.library[7]).toEqual(row(7));

    // The target already holds one of those rows, in an older wording, and one of its own.
    await addRows(target, [row(7, 'older wording'), row(9999)]);
    const parsed = parseBackup(JSON.stringify(backup));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.counts.library).toBe(1200);
    await restoreBackup(target, parsed.backup);
    const restored = await allRows(target);
    expect(restored).toHaveLength(1201);
    expect(restored.filter((r) => r.id === 'lib-7')).toEqual([row(7)]);
    expect(restored.some((r) => r.id === 'lib-9999')).toBe(true);
  });

  it('writes nothing when a restore fails halfway', async () => {
    await fillSource();
    const parsed = parseBackup(JSON.stringify(await createBackup(source)));
    if (!parsed.ok) throw new Error(parsed.message);
    // A document row without its primary key fails inside the transaction, after reviews were written.
    const broken = { ...parsed.backup, tables: { ...parsed.backup.tables, documents: [{ title: 'x' } as never] } };
    await expect(restoreBackup(target, broken)).rejects.toThrow();
    expect(await listReviews(target)).toEqual([]);
  });
});
