/**
 * The shared reviews of one extension page: a session for every review shared and not stopped,
 * started when its `shares` row appears and closed when it goes (left, unshared, deleted
 * everything). With no `shares` row there is no session, hence no connection at all.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { R2PDatabase } from '../db/database';
import type { ShareRow } from '../db/rows';
import { ShareSession, type SessionEnv } from './session';
import { leaveReview } from './shares';

export class SharingHub {
  private sessions = new Map<string, ShareSession>();
  private rows = new Map<string, ShareRow>();
  private listeners = new Set<() => void>();
  private watch: Subscription;
  /** Bumped on every change, for React's useSyncExternalStore. */
  version = 0;

  constructor(
    private readonly db: R2PDatabase,
    private readonly env: SessionEnv = {},
  ) {
    this.watch = liveQuery(() => Promise.all([db.shares.toArray(), db.reviews.toArray()])).subscribe({
      next: ([shares, reviews]) => {
        // A shared review purged after its deletion: its share and stored document go too.
        const all = new Set(reviews.map((r) => r.id));
        for (const s of shares) if (!all.has(s.reviewId)) void leaveReview(db, s.reviewId).catch(() => {});
        this.update(shares.filter((s) => all.has(s.reviewId)), new Set(reviews.filter((r) => r.deletedAt === undefined).map((r) => r.id)));
      },
      error: () => {},
    });
  }

  private update(shares: ShareRow[], liveReviews: Set<string>) {
    this.rows = new Map(shares.map((s) => [s.reviewId, s]));
    for (const [id, session] of this.sessions) {
      const row = this.rows.get(id);
      // A stopped session keeps showing why it stopped until the row changes.
      if (!row || !liveReviews.has(id) || row.server !== session.share.server || row.token !== session.share.token || row.displayName !== session.share.displayName) {
        this.sessions.delete(id);
        void session.close();
      }
    }
    for (const row of shares) {
      if (row.stopped || !liveReviews.has(row.reviewId) || this.sessions.has(row.reviewId)) continue;
      const session = new ShareSession(this.db, row, this.env);
      session.subscribe(() => this.changed());
      this.sessions.set(row.reviewId, session);
      void session.start();
    }
    this.changed();
  }

  private changed() {
    this.version++;
    this.listeners.forEach((fn) => fn());
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  share(reviewId: string): ShareRow | undefined {
    return this.rows.get(reviewId);
  }

  session(reviewId: string): ShareSession | undefined {
    return this.sessions.get(reviewId);
  }

  async close(): Promise<void> {
    this.watch.unsubscribe();
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    this.sessions.clear();
  }
}

const hubs = new WeakMap<R2PDatabase, SharingHub>();
/** The page's one hub for this database (kept while the page lives, across tab switches). */
export function sharingHub(db: R2PDatabase, env?: SessionEnv): SharingHub {
  let hub = hubs.get(db);
  if (!hub) hubs.set(db, (hub = new SharingHub(db, env)));
  return hub;
}
