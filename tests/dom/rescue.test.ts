/**
 * The copy kept after a full disk (lib/db/rescue.ts): Chromium may empty the database at a later
 * open, so a database that opens empty is filled from the copy; rebuilding after a full disk
 * keeps everything; Delete everything leaves no copy to come back from.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/database';
import { keepRescueCopy, recoverFromFullDisk, restoreIfWiped, type RescueStore } from '@/lib/db/rescue';
import { deleteEverything } from '@/lib/export/everything';
import { createReview, listReviews } from '@/lib/reviews/reviews';
import { createDraft, listDrafts } from '@/lib/reviews/drafts';
import { addRows } from '@/lib/library/store';

/** A store in memory; `now` is the browser session (a restart starts another). */
function memoryStore(): RescueStore & { text?: string; copySession?: string; now: string } {
  const s: RescueStore & { text?: string; copySession?: string; now: string } = {
    now: 'session-1',
    read: async () => s.text,
    write: async (t) => ((s.text = t), (s.copySession = s.now), true),
    clear: async () => void ((s.text = undefined), (s.copySession = undefined)),
    sessions: async () => ({ copy: s.copySession, now: s.now }),
    renew: async () => void (s.copySession = s.now),
  };
  return s;
}

const fresh = () => `rescue-${crypto.randomUUID()}`;

describe('the rescue copy after a full disk', () => {
  it('fills a database that opens empty from the copy, and leaves a database with data alone', async () => {
    const store = memoryStore();
    const name = fresh();
    const db = openDatabase(name, { rescue: store });
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await createDraft(db, review.id, 'recommendation', { text: 'Ratify the Rome Statute.' });
    await keepRescueCopy(db, store);
    // What Chromium does at the next start: an empty database of the same name.
    await db.delete();
    const next = openDatabase(name, { rescue: store });
    expect((await listReviews(next)).map((r) => r.id)).toEqual([review.id]);
    expect((await listDrafts(next, review.id))[0]!.text).toBe('Ratify the Rome Statute.');
    await createReview(next, { stateCode: 'CHL', delegation: 'Norway' });
    await expect(restoreIfWiped(next, store)).resolves.toBe(false);
    expect(await next.reviews.count()).toBe(2);
    await next.delete();
  });

  it('keeps the copy made by a rebuild until the database has come through a browser restart, so a database emptied at that restart is filled again', async () => {
    const store = memoryStore();
    const name = fresh();
    const db = openDatabase(name, { rescue: store });
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await recoverFromFullDisk(db, store);
    await createDraft(db, review.id, 'recommendation', { text: 'Typed while the disk was full.' });
    expect(store.text).not.toContain('Typed while the disk was full.');
    db.close();
    // Opened again in the same browser session: the copy stays, refreshed with what was written since.
    const same = openDatabase(name, { rescue: store });
    expect(await same.reviews.count()).toBe(1);
    expect(store.text).toContain('Typed while the disk was full.');
    // The browser restarts and Chromium starts an empty database: filled from the copy, which stays.
    await same.delete();
    store.now = 'session-2';
    const restarted = openDatabase(name, { rescue: store });
    expect((await listDrafts(restarted, review.id))[0]!.text).toBe('Typed while the disk was full.');
    restarted.close();
    const later = openDatabase(name, { rescue: store });
    expect(await later.reviews.count()).toBe(1);
    expect(store.text).toBeDefined();
    later.close();
    // Another restart with everything there: the database came through; the copy goes.
    store.now = 'session-3';
    const through = openDatabase(name, { rescue: store });
    expect(await through.reviews.count()).toBe(1);
    expect(store.text).toBeUndefined();
    await through.delete();
  });

  it('rebuilds the database from a copy of itself and keeps everything, sharing state and library blocks too', async () => {
    const store = memoryStore();
    const db = openDatabase(fresh(), { rescue: store });
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await createDraft(db, review.id, 'question', { text: 'What steps?' });
    await db.syncUpdates.add({ reviewId: review.id, update: new Uint8Array([0, 1, 254, 255]) } as never);
    await addRows(db, [{ id: 'l1', sur: 'Chad', from: 'France', text: 'Ratify.', response: 'supported', issues: [], source: 'upr-info', concepts: [], riskFactors: [], relevant: 0, importId: 'i1' }]);
    const before = { updates: await db.syncUpdates.toArray(), blocks: await db.libraryBlocks.toArray() };
    let kept: string | undefined;
    const watching: RescueStore = { ...store, write: async (t) => ((kept = t), store.write(t)) };
    await recoverFromFullDisk(db, watching);
    expect(kept).toContain('What steps?');
    expect((await listDrafts(db, review.id))[0]!.text).toBe('What steps?');
    expect(await db.syncUpdates.toArray()).toEqual(before.updates);
    expect(await db.libraryBlocks.toArray()).toEqual(before.blocks);
    await db.delete();
  });

  it('is removed by Delete everything, so deleted data does not come back', async () => {
    const store = memoryStore();
    const name = fresh();
    const db = openDatabase(name, { rescue: store });
    await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await keepRescueCopy(db, store);
    const storage = { get: async () => ({}), set: async () => {}, clear: async () => {} };
    await deleteEverything({ db, storage, rescue: store });
    expect(store.text).toBeUndefined();
    db.close();
    const next = openDatabase(name, { rescue: store });
    expect(await next.reviews.count()).toBe(0);
    await next.delete();
  });
});
