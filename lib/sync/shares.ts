/**
 * Sharing a review, joining one from a link, and leaving: the `shares` rows that say which
 * reviews sync with which server. Each starts with the server check (probe.ts) and says in plain
 * words what went wrong; nothing is stored unless it worked.
 */
import type { R2PDatabase } from '../db/database';
import type { ReviewRow, ShareRow } from '../db/rows';
import type { ProbeResult } from './probe';
import type { ShareTarget } from './share-address';

export type ShareOutcome = { ok: true; reviewId: string } | { ok: false; message: string };

export const MAX_NAME_LENGTH = 60;

export function checkDisplayName(name: string): string | undefined {
  const n = name.trim();
  if (!n) return 'Enter your name: colleagues see it beside the changes you make.';
  if (n.length > MAX_NAME_LENGTH) return `Keep your name under ${MAX_NAME_LENGTH} characters.`;
  return undefined;
}

export function refusalMessage(p: Exclude<ProbeResult, { kind: 'ok' }>, server: string): string {
  if (p.kind === 'unreachable') {
    return `Could not reach the server at ${server}. Check the address and that the server is running, then try again. Nothing was sent.`;
  }
  return p.reason === 'unshared'
    ? 'This review is no longer shared: whoever shared it stopped sharing. Ask for a new link.'
    : 'The server refused this token. Check that you copied the whole token (or link), or ask your server’s administrator for a new one.';
}

const newShare = (reviewId: string, t: ShareTarget, displayName: string, role: ShareRow['role'], now: number): ShareRow => ({
  reviewId,
  server: t.server,
  token: t.token,
  document: t.document,
  displayName: displayName.trim(),
  role,
  sharedAt: now,
  base: {},
});

/** Shares a local review under a token whose document is empty (or already holds this review). */
export async function shareReview(db: R2PDatabase, reviewId: string, target: ShareTarget, displayName: string, probe: ProbeResult, now = Date.now()): Promise<ShareOutcome> {
  const bad = checkDisplayName(displayName);
  if (bad) return { ok: false, message: bad };
  if (probe.kind !== 'ok') return { ok: false, message: refusalMessage(probe, target.server) };
  if (probe.review && probe.review.id !== reviewId) {
    return { ok: false, message: 'This token is already used for another review on the server. Join that review with the link instead, or ask for a new token to share this one.' };
  }
  await db.shares.put(newShare(reviewId, target, displayName, 'owner', now));
  return { ok: true, reviewId };
}

/** Joins the review a colleague shared: a local review of the same id, filled by the first sync. */
export async function joinReview(db: R2PDatabase, target: ShareTarget, displayName: string, probe: ProbeResult, now = Date.now()): Promise<ShareOutcome> {
  const bad = checkDisplayName(displayName);
  if (bad) return { ok: false, message: bad };
  if (probe.kind !== 'ok') return { ok: false, message: refusalMessage(probe, target.server) };
  const r = probe.review;
  if (!r || !/^[A-Z]{3}$/.test(r.stateCode)) {
    return { ok: false, message: 'Nothing has been shared under this token yet. Ask your colleague to share the review first, then paste the link again.' };
  }
  return db.transaction('rw', [db.reviews, db.shares], async () => {
    const existing = await db.shares.get(r.id);
    if (existing && !existing.stopped) return { ok: false, message: 'You already have this review, shared: open it from the list.' } as const;
    const local = await db.reviews.get(r.id);
    const review: ReviewRow = local
      ? { ...local, deletedAt: undefined }
      : { id: r.id, stateCode: r.stateCode, delegation: r.delegation, session: r.session, createdAt: r.createdAt ?? now, updatedAt: now };
    await db.reviews.put(review);
    await db.shares.put(newShare(r.id, target, displayName, 'member', now));
    return { ok: true, reviewId: r.id } as const;
  });
}

/** Stops syncing this review here; the local copy stays as an ordinary review. */
export async function leaveReview(db: R2PDatabase, reviewId: string): Promise<void> {
  await db.transaction('rw', [db.shares, db.syncUpdates], async () => {
    await db.shares.delete(reviewId);
    await db.syncUpdates.where('reviewId').equals(reviewId).delete();
  });
}

/** The name used last time, offered again. */
export async function lastDisplayName(db: R2PDatabase): Promise<string> {
  const all = await db.shares.toArray();
  return all.sort((a, b) => b.sharedAt - a.sharedAt)[0]?.displayName ?? '';
}
