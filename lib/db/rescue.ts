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
 * (OPFS, stored apart from IndexedDB), deletes the database, writes it all back into a new one,
 * and drops the copy. If anything stops half way (the browser quits), a database that opens empty
 * while the copy exists is filled from it (`restoreIfWiped`, run at every open). A connection the
 * browser closed also leaves a copy when the database opens again. Delete everything removes it.
 */
import { z } from 'zod';
import { reopenIfFailed, type R2PDatabase } from './database';

export interface RescueStore {
  read(): Promise<string | undefined>;
  /** Whether the copy was kept (false where there is no store, as in tests without OPFS). */
  write(text: string): Promise<boolean>;
  clear(): Promise<void>;
}

const FILE = 'r2p-lens-rescue-copy.json';
const root = async (): Promise<FileSystemDirectoryHandle | undefined> => {
  try {
    return typeof navigator !== 'undefined' && navigator.storage?.getDirectory ? await navigator.storage.getDirectory() : undefined;
  } catch {
    return undefined;
  }
};

/** The copy in the origin private file system (none where the browser has none, as in tests). */
export const opfsRescueStore: RescueStore = {
  async read() {
    try {
      return await (await (await root())?.getFileHandle(FILE))?.getFile().then((f) => f.text());
    } catch {
      return undefined;
    }
  },
  async write(text) {
    const dir = await root();
    if (!dir) return false;
    // A writable stream is written to a side file and swapped in on close: never half a copy.
    const out = await (await dir.getFileHandle(FILE, { create: true })).createWritable();
    await out.write(text);
    await out.close();
    return true;
  },
  async clear() {
    await (await root())?.removeEntry(FILE).catch(() => {});
  },
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
 * Fills a database that holds nothing at all from the rescue copy, if there is one. Returns
 * whether it did. A database with anything in it is left alone.
 */
export async function restoreIfWiped(db: R2PDatabase, store: RescueStore = opfsRescueStore): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const text = await store.read();
  const copy = text ? fromText(text) : undefined;
  if (!copy) return false;
  await putCopy(db, copy);
  return true;
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
  await store.clear();
}
