/**
 * Sharing a review between two browsers' databases through the real team server (started on
 * loopback by the test, on Node 22 like `npm run team-server`): what one shares the other joins;
 * edits made while the server is down on both sides are merged when it comes back; a wrong token
 * is refused with a plain message; unsharing stops the colleague's copy, which stays.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import { saveAssessment } from '@/lib/reviews/assessments';
import { createDraft, listDrafts, saveDraft } from '@/lib/reviews/drafts';
import { addEvidence } from '@/lib/reviews/evidence';
import { createReview } from '@/lib/reviews/reviews';
import { saveStatement } from '@/lib/reviews/statement';
import { probeServer } from '@/lib/sync/probe';
import { ShareSession } from '@/lib/sync/session';
import { lastChange, textOf } from '@/lib/sync/shared-doc';
import { parseShareTarget, type ShareTarget } from '@/lib/sync/share-address';
import { joinReview, leaveReview, shareReview } from '@/lib/sync/shares';
import { typeInto } from '@/lib/sync/text-binding';
import { startTeamServer, type TeamServer } from '../support/team-server';

const env = { WebSocket, mergeDelayMs: 20 };
const until = async (what: () => boolean | Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('sharing a review through the team server', () => {
  let server: TeamServer;
  const dbs: R2PDatabase[] = [];
  const sessions: ShareSession[] = [];
  const db = () => {
    const d = openDatabase(`team-${Math.random().toString(36).slice(2)}`);
    dbs.push(d);
    return d;
  };
  const open = async (d: R2PDatabase, reviewId: string) => {
    const s = new ShareSession(d, (await d.shares.get(reviewId))!, env);
    sessions.push(s);
    await s.start();
    return s;
  };
  const target = (token: string): ShareTarget => {
    const t = parseShareTarget(`${server.address}#${token}`);
    if (!t.ok) throw new Error(t.message);
    return t.value;
  };

  beforeAll(async () => {
    server = await startTeamServer();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    for (const d of dbs) {
      d.close();
      await Dexie.delete(d.name);
    }
    await server?.close();
  });

  it('gives a colleague the whole review, and merges what both typed offline in one draft', async () => {
    const amina = db();
    const review = await createReview(amina, { stateCode: 'KEN', delegation: 'Norway', session: 46 });
    const draft = await createDraft(amina, review.id, 'recommendation', { text: 'Ratify the Rome Statute.' });
    await saveAssessment(amina, review.id, 'foa-9.1', { status: 'present', note: 'Hate speech on radio' });
    await addEvidence(amina, review.id, 'foa-9.1', { quote: 'Calls to expel the minority.', title: 'Report', url: 'https://www.ohchr.org/x' });
    await saveStatement(amina, review.id, { opening: 'Thank you, Mr. President.', items: [draft.id] });
    const t = target(server.issueToken('Kenya 46'));

    const shared = await shareReview(amina, review.id, t, 'Amina', await probeServer(t, env));
    expect(shared).toEqual({ ok: true, reviewId: review.id });
    const a = await open(amina, review.id);
    await until(() => a.view.status === 'synced');

    const bo = db();
    const joined = await joinReview(bo, t, 'Bo', await probeServer(t, env));
    expect(joined).toEqual({ ok: true, reviewId: review.id });
    const b = await open(bo, review.id);
    await until(async () => (await listDrafts(bo, review.id)).length === 1 && (await bo.statements.get(review.id)) !== undefined);
    expect((await listDrafts(bo, review.id))[0]).toMatchObject({ id: draft.id, text: 'Ratify the Rome Statute.', response: 'pending' });
    expect(await bo.assessments.get(`${review.id}:foa-9.1`)).toMatchObject({ status: 'present', note: 'Hate speech on radio' });
    expect(await bo.evidence.where('reviewId').equals(review.id).toArray()).toMatchObject([{ quote: 'Calls to expel the minority.' }]);
    expect(await bo.statements.get(review.id)).toMatchObject({ opening: 'Thank you, Mr. President.', items: [draft.id] });
    expect(await bo.reviews.get(review.id)).toMatchObject({ stateCode: 'KEN', delegation: 'Norway', session: 46 });

    // The server goes away; each types in the same sentence, one at its start, one at its end.
    await server.stop();
    await until(() => a.view.status === 'offline' && b.view.status === 'offline');
    const key = `drafts/${draft.id}`;
    typeInto(textOf(a.doc, key, 'text'), 'Promptly ratify the Rome Statute.');
    typeInto(textOf(b.doc, key, 'text'), 'Ratify the Rome Statute and the Genocide Convention.');
    await saveDraft(bo, draft.id, { response: 'supported' });
    await a.flush();
    await b.flush();
    expect((await amina.drafts.get(draft.id))!.text).toBe('Promptly ratify the Rome Statute.');

    await server.start();
    a.retry();
    b.retry();
    const merged = 'Promptly ratify the Rome Statute and the Genocide Convention.';
    await until(async () => (await amina.drafts.get(draft.id))?.text === merged && (await bo.drafts.get(draft.id))?.text === merged, 30_000);
    await until(async () => (await amina.drafts.get(draft.id))?.response === 'supported');
    expect(lastChange(a.doc, key, 'response')).toMatchObject({ v: 'supported', by: 'Bo' });
  }, 90_000);

  it('refuses a wrong token with a plain message, and stores nothing', async () => {
    const d = db();
    const review = await createReview(d, { stateCode: 'TCD', delegation: 'Ghana' });
    const good = target(server.issueToken());
    const wrong = { ...good, token: good.token.slice(0, -4) + 'AAAA' };
    const probe = await probeServer(wrong, env);
    expect(probe).toMatchObject({ kind: 'refused', reason: 'permission-denied' });
    const out = await shareReview(d, review.id, wrong, 'Amina', probe);
    expect(out).toMatchObject({ ok: false, message: expect.stringMatching(/refused this token/) });
    await expect(d.shares.count()).resolves.toBe(0);
    const unreachable = await probeServer({ ...good, server: 'ws://127.0.0.1:9' }, { ...env, timeoutMs: 3_000 });
    expect(unreachable).toEqual({ kind: 'unreachable' });
  }, 30_000);

  it('stops a colleague’s copy when the review is unshared; their copy stays, and leaving keeps it too', async () => {
    const amina = db();
    const review = await createReview(amina, { stateCode: 'MMR', delegation: 'Norway' });
    await createDraft(amina, review.id, 'question', { text: 'What steps has the State taken?' });
    const t = target(server.issueToken());
    await shareReview(amina, review.id, t, 'Amina', await probeServer(t, env));
    const a = await open(amina, review.id);
    await until(() => a.view.status === 'synced');
    const bo = db();
    await joinReview(bo, t, 'Bo', await probeServer(t, env));
    const b = await open(bo, review.id);
    await until(async () => (await bo.drafts.count()) === 1 && b.view.status === 'synced');

    await expect(a.unshare()).resolves.toBe(true);
    await until(() => b.view.status === 'unshared');
    await until(async () => (await bo.shares.get(review.id))?.stopped?.reason === 'unshared');
    const again = await probeServer(t, env);
    expect(again).toMatchObject({ kind: 'refused', reason: 'unshared' });
    await leaveReview(bo, review.id);
    expect(await bo.drafts.count()).toBe(1);
    await expect(bo.syncUpdates.count()).resolves.toBe(0);
  }, 60_000);
});
