/**
 * A safety copy of everything after a full disk, because Chromium may delete the whole database
 * later. Seen in Chromium 156 (tests/e2e/disk-full.test.ts): once an IndexedDB write has failed
 * for lack of space, the database opens again when there is room and everything is there, but at
 * a later open (a browser restart) Chromium finds its own log damaged ("Internal error opening
 * backing store", written to corruption_info.json) and starts an empty database: every review,
 * draft and library row gone, with or without R2P Lens writing anything more.
 *
 * What helps, found in the same tests: deleting the database makes Chromium compact its files and
 * start a new log, after which it opens cleanly. So when the user has made room and tries again,
 * `recoverFromFullDisk` copies everything to one file in the extension's private file system
 * (OPFS, stored apart from IndexedDB), deletes the database and writes it all back into a new one.
 * Not always enough (a CI run on a loaded machine saw the rebuilt database emptied at the next
 * restart all the same), so the copy stays until the database has come through a browser restart
 * with its data, refreshed at each open until then (`settleRescueCopy`), and a database that opens
 * empty while the copy exists is filled from it (`restoreIfWiped`, run at every open). Whoever
 * retries a write after a full disk refreshes the copy once it is written, so it holds what was
 * typed meanwhile even if the browser quits before the next open. A connection the
 * browser closed also leaves a copy when the database opens again. Delete everything removes it.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { reopenIfFailed, type R2PDatabase } from './database';

export interface RescueStore {
  read(): Promise<string | undefined>;
  /** Whether the copy was kept (false where there is no store, as in tests without OPFS). */
  write(text: string): Promise<boolean>;
  clear(): Promise<void>;
  /**
   * The browser session the copy was written in, and the current one (a restart starts a new
   * one). Without it a copy is never dropped on its own: Delete everything removes it.
   */
  sessions?(): Promise<{ copy?: string; now?: string }>;
  /** Marks the copy as written in this session (it has just filled an emptied database). */
  renew?(): Promise<void>;
}

const FILE = 'r2p-lens-rescue-copy.json';
const SESSION_FILE = 'r2p-lens-rescue-copy.session';
const SESSION_KEY = 'r2p:browser-session';
const root = async (): Promise<FileSystemDirectoryHandle | undefined> => {
  try {
    return typeof navigator !== 'undefined' && navigator.storage?.getDirectory ? await navigator.storage.getDirectory() : undefined;
  } catch {
    return undefined;
  }
};

/** An id for this browser session: `storage.session` is emptied when the browser quits. */
async function browserSession(): Promise<string | undefined> {
  try {
    const area = browser.storage.session;
    const got = (await area.get(SESSION_KEY))[SESSION_KEY];
    if (typeof got === 'string') return got;
    const id = crypto.randomUUID();
    await area.set({ [SESSION_KEY]: id });
    // Two pages may have raced: the one stored wins.
    return ((await area.get(SESSION_KEY))[SESSION_KEY] as string | undefined) ?? id;
  } catch {
    return undefined;
  }
}

async function writeFile(dir: FileSystemDirectoryHandle, name: string, text: string): Promise<void> {
  // A writable stream is written to a side file and swapped in on close: never half a copy.
  const out = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await out.write(text);
  await out.close();
}

const readFile = async (name: string) => {
  try {
    return await (await (await root())?.getFileHandle(name))?.getFile().then((f) => f.text());
  } catch {
    return undefined;
  }
};

async function renew(): Promise<void> {
  const [dir, now] = await Promise.all([root(), browserSession()]);
  if (dir && now) await writeFile(dir, SESSION_FILE, now);
}

/** The copy in the origin private file system (none where the browser has none, as in tests). */
export const opfsRescueStore: RescueStore = {
  read: () => readFile(FILE),
  async write(text) {
    const dir = await root();
    if (!dir) return false;
    await writeFile(dir, FILE, text);
    await renew();
    return true;
  },
  async clear() {
    const dir = await root();
    await dir?.removeEntry(FILE).catch(() => {});
    await dir?.removeEntry(SESSION_FILE).catch(() => {});
  },
  // Asked at every open of the database: with no copy (nearly always), no session id is needed.
  async sessions() {
    const copy = await readFile(SESSION_FILE);
    return { copy, now: copy ? await browserSession() : undefined };
  },
  renew,
};

const FORMAT = 'r2p-lens-rescue-copy';
const CopySchema = z.object({ format: z.literal(FORMAT), tables: z.record(z.string(), z.array(z.unknown())) });
type Copy = z.infer<typeof CopySchema>;

/** JSON that keeps byte arrays (a shared review's document updates) as bytes. */
const toText = (copy: Copy) => JSON.stringify(copy, (_k, v: unknown) => (v instanceof Uint8Array ? { $bytes: btoa(Array.from(v, (b) => String.fromCharCode(b)).join('')) } : v));
const fromText = (text: string): Copy | undefined => {
  try {
    const parsed = CopySchema.safeParse(
      JSON.parse(text, (_k, v: unknown) => {
        const b = v && typeof v === 'object' && Object.keys(v).length === 1 ? (v as { $bytes?: unknown }).$bytes : undefined;
        return typeof b === 'string' ? Uint8Array.from(atob(b), (c) => c.charCodeAt(0)) : v;
      }),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** Every table, rows as stored (library blocks, sharing state and the journal included). */
async function copyOf(db: R2PDatabase): Promise<Copy> {
  return db.transaction('r', db.tables, async () => {
    const tables: Record<string, unknown[]> = {};
    for (const t of db.tables) tables[t.name] = await t.toArray();
    return { format: FORMAT, tables };
  });
}

/** Writes a copy back, table by table, in one transaction (tables this schema lacks are skipped). */
async function putCopy(db: R2PDatabase, copy: Copy): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) {
      const rows = copy.tables[t.name];
      if (rows?.length) await t.bulkPut(rows);
    }
  });
}

const isEmpty = async (db: R2PDatabase) => (await Promise.all(db.tables.filter((t) => t.name !== 'journal').map((t) => t.count()))).every((n) => n === 0);

/** Copies everything the database holds to the rescue store; says whether it was kept. */
export async function keepRescueCopy(db: R2PDatabase, store: RescueStore = opfsRescueStore): Promise<boolean> {
  return store.write(toText(await copyOf(db)));
}

/**
 * Refreshes the copy while one is kept (after a full disk, until a restart shows the database
 * came through), so it also holds what was written since: called after a write the user retried.
 */
export async function refreshRescueCopy(db: R2PDatabase, store: RescueStore = opfsRescueStore): Promise<boolean> {
  const s = await store.sessions?.();
  if (!s?.copy) return false;
  return keepRescueCopy(db, store);
}

/**
 * Fills a database that holds nothing at all from the rescue copy, if there is one. Returns
 * whether it did. A database with anything in it is left alone.
 */
export async function restoreIfWiped(db: R2PDatabase, store: RescueStore = opfsRescueStore): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const text = await store.read();
  const copy = text ? fromText(text) : undefined;
  if (!copy) return false;
  await putCopy(db, copy);
  // Kept until this database, too, has come through a restart.
  await store.renew?.();
  return true;
}

/**
 * At each open of a database with data, while a copy is kept: the copy is dropped once the
 * database has opened in a later browser session than the copy's (it came through a restart,
 * which is when Chromium empties a damaged one); else it is refreshed, so it also holds what was
 * written since it was made (a page that saved and closed before its own refresh ended).
 */
export async function settleRescueCopy(db: R2PDatabase, store: RescueStore = opfsRescueStore): Promise<'none' | 'dropped' | 'refreshed'> {
  const s = await store.sessions?.();
  if (!s?.copy || (await isEmpty(db))) return 'none';
  if (s.now && s.copy !== s.now) {
    await store.clear();
    return 'dropped';
  }
  await keepRescueCopy(db, store);
  return 'refreshed';
}

/**
 * After a write failed for lack of space and the user has made room: the database rebuilt from a
 * copy of itself (see above), so the browser's damaged log goes. Only with the copy safely kept
 * (else the database is just opened again). Throws, changing nothing, if the copy cannot be
 * written (the disk is still full).
 */
export async function recoverFromFullDisk(db: R2PDatabase, store: RescueStore = opfsRescueStore): Promise<void> {
  reopenIfFailed(db);
  await db.open();
  const copy = await copyOf(db);
  if (!(await store.write(toText(copy)))) return;
  await db.delete({ disableAutoOpen: false });
  // Opening the new, empty database fills it from the kept copy (the ready hook); if that
  // failed, from the copy in memory.
  await db.open();
  if (await isEmpty(db)) await putCopy(db, copy);
  // The copy stays until the database has come through a restart (settleRescueCopy).
}
