/**
 * One shared review while an extension page is open: its document (stored in this browser's
 * database), the merge with the local rows whenever either changes, and the connection to the
 * one server address the user gave. Nothing here runs for a review that is not shared.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { liveQuery, type Subscription } from 'dexie';
import type { R2PDatabase } from '../db/database';
import type { ShareRow } from '../db/rows';
import { readReviewRows } from './local-rows';
import { FROM_STORAGE, FROM_TABLES, loadStored, mergeWithTables, openStoredDoc, storeUpdates, type StoredDoc } from './sync-store';
import { parseServerMessage, serverMessage } from './server-messages';
import { lastChange, textOf, type Cell } from './shared-doc';
import { onRemoteText, typeInto, type Selection } from './text-binding';

export type SyncStatus = 'connecting' | 'offline' | 'syncing' | 'synced' | 'refused' | 'unshared';

export interface SessionView {
  status: SyncStatus;
  /** Colleagues with this review open right now (their display names). */
  peers: string[];
  /** When the server last had everything this browser has. */
  syncedAt?: number;
  /** A merge or a write that failed, in plain words. */
  error?: string;
}

export interface SessionEnv {
  /** A WebSocket class (Node tests hand in `ws`); the browser's own otherwise. */
  WebSocket?: unknown;
  now?: () => number;
  /** Wait after typing before the rows are brought in line (the document is stored at once). */
  mergeDelayMs?: number;
}

/** Reconnecting after a failure: quickly at first, then every 10 s at most. */
const RECONNECT = { delay: 1_000, factor: 1.5, minDelay: 1_000, maxDelay: 10_000, maxAttempts: 0 };

export class ShareSession {
  readonly stored: StoredDoc;
  private provider?: HocuspocusProvider;
  private socket?: HocuspocusProviderWebsocket;
  private watch?: Subscription;
  private listeners = new Set<() => void>();
  private mergeTimer?: ReturnType<typeof setTimeout>;
  private merging?: Promise<void>;
  private mergeAgain = false;
  private storing?: Promise<void>;
  private closed = false;
  private unshareAck?: () => void;
  view: SessionView = { status: 'connecting', peers: [] };

  constructor(
    private readonly db: R2PDatabase,
    readonly share: ShareRow,
    private readonly env: SessionEnv = {},
  ) {
    this.stored = openStoredDoc(share.reviewId);
  }

  get doc() {
    return this.stored.doc;
  }

  /** Loads the stored document, merges with the rows, then connects. */
  async start(): Promise<void> {
    await loadStored(this.db, this.stored);
    this.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === FROM_STORAGE) return;
      void this.storeSoon();
      // Typed or received: the rows follow shortly (a merge's own updates need no second merge).
      if (origin !== FROM_TABLES) this.mergeSoon(this.env.mergeDelayMs ?? 250);
    });
    await this.merge();
    if (this.closed) return;
    // Any write to the review's rows or stored updates (here, another page, a restore) asks for a merge.
    this.watch = liveQuery(() =>
      Promise.all([readReviewRows(this.db, this.share.reviewId), this.db.syncUpdates.where('reviewId').equals(this.share.reviewId).count()]),
    ).subscribe({ next: () => this.mergeSoon(50), error: () => {} });
    this.connect();
  }

  /** A shared text's current value. */
  text(key: string, field: string): string {
    return textOf(this.doc, key, field).toString();
  }

  /** What the user typed in a field bound to a shared text, into the document at once. */
  type(key: string, field: string, value: string): void {
    typeInto(textOf(this.doc, key, field), value);
  }

  /** Colleagues' changes to a shared text, with the field's selection carried through (lib/sync/text-binding.ts). */
  onRemoteText(key: string, field: string, selection: () => Selection | undefined, fn: (text: string, sel?: Selection) => void): () => void {
    return onRemoteText(textOf(this.doc, key, field), selection, fn);
  }

  /** Who last set a one-value field. */
  lastChange(key: string, field: string): Cell | undefined {
    return lastChange(this.doc, key, field);
  }

  /** Any change to the document (here or from colleagues). */
  onDocChange(fn: () => void): () => void {
    this.doc.on('update', fn);
    return () => this.doc.off('update', fn);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<SessionView>) {
    this.view = { ...this.view, ...patch };
    this.listeners.forEach((fn) => fn());
  }

  private connect() {
    const now = this.env.now ?? Date.now;
    this.socket = new HocuspocusProviderWebsocket({ url: this.share.server, ...RECONNECT, ...(this.env.WebSocket ? { WebSocketPolyfill: this.env.WebSocket } : {}) });
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: this.share.document,
      document: this.doc,
      token: this.share.token,
      onStatus: ({ status }) => {
        if (this.view.status === 'refused' || this.view.status === 'unshared') return;
        this.set({ status: status === 'connected' ? 'syncing' : status === 'connecting' && this.view.status === 'connecting' ? 'connecting' : 'offline', peers: status === 'connected' ? this.view.peers : [] });
      },
      onSynced: () => this.refreshSynced(now()),
      onUnsyncedChanges: () => this.refreshSynced(now()),
      onAuthenticationFailed: ({ reason }) => void this.stopped(reason === 'unshared' ? 'unshared' : 'refused'),
      onStateless: ({ payload }) => {
        const m = parseServerMessage(payload);
        if (m?.type !== 'unshared') return;
        this.unshareAck?.();
        void this.stopped('unshared');
      },
      onAwarenessChange: ({ states }) => {
        const me = this.doc.clientID;
        const names = states.filter((s) => s.clientId !== me).map((s) => (s.user as { name?: unknown } | undefined)?.name);
        this.set({ peers: [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim() !== ''))] });
      },
    });
    provider.attach();
    provider.setAwarenessField('user', { name: this.share.displayName });
    this.provider = provider;
  }

  private refreshSynced(at: number) {
    const p = this.provider;
    if (!p || this.view.status === 'refused' || this.view.status === 'unshared' || this.view.status === 'offline') return;
    const done = p.isSynced && !p.hasUnsyncedChanges;
    this.set(done ? { status: 'synced', syncedAt: at } : { status: 'syncing' });
  }

  /** The server refused the token or the review was unshared: stop, and remember it across restarts. */
  private async stopped(reason: 'refused' | 'unshared') {
    this.set({ status: reason, peers: [] });
    this.disconnect();
    await this.db.shares.update(this.share.reviewId, { stopped: { reason, at: (this.env.now ?? Date.now)() } }).catch(() => {});
  }

  /** Try the server again now (after "offline"), instead of waiting for the next attempt. */
  retry(): void {
    void this.socket?.connect();
  }

  private storeSoon(): Promise<void> {
    this.storing ??= Promise.resolve()
      .then(() => storeUpdates(this.db, this.stored))
      .catch((e) => this.set({ error: messageOf(e) }))
      .finally(() => (this.storing = undefined));
    return this.storing;
  }

  private mergeSoon(delay: number) {
    if (this.closed) return;
    if (this.mergeTimer) return;
    this.mergeTimer = setTimeout(() => {
      this.mergeTimer = undefined;
      void this.merge();
    }, delay);
  }

  /** One merge at a time; a request during one runs another after it. */
  merge(): Promise<void> {
    if (this.merging) {
      this.mergeAgain = true;
      return this.merging;
    }
    this.merging = (async () => {
      do {
        this.mergeAgain = false;
        try {
          await mergeWithTables(this.db, this.stored, (this.env.now ?? Date.now)());
          if (this.view.error) this.set({ error: undefined });
        } catch (e) {
          this.set({ error: messageOf(e) });
        }
      } while (this.mergeAgain && !this.closed);
    })().finally(() => (this.merging = undefined));
    return this.merging;
  }

  /** Everything typed is stored and the rows are in line (what "All changes saved" waits for). */
  async flush(): Promise<void> {
    if (this.mergeTimer) {
      clearTimeout(this.mergeTimer);
      this.mergeTimer = undefined;
    }
    await this.storeSoon();
    await this.merge();
  }

  /** Asks the server to delete the review's document and refuse its token from now on. */
  async unshare(timeoutMs = 10_000): Promise<boolean> {
    const p = this.provider;
    if (!p || this.view.status === 'offline' || this.view.status === 'connecting') return false;
    const acked = new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), timeoutMs);
      this.unshareAck = () => (clearTimeout(t), resolve(true));
    });
    p.sendStateless(serverMessage({ type: 'unshare' }));
    return acked;
  }

  private disconnect() {
    this.provider?.destroy();
    this.socket?.destroy();
    this.provider = undefined;
    this.socket = undefined;
  }

  /** Stops everything this session started; what is stored stays. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.mergeTimer) clearTimeout(this.mergeTimer);
    this.watch?.unsubscribe();
    this.disconnect();
    await this.storing;
    await this.merging;
    this.doc.destroy();
    this.listeners.clear();
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
