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
import { reopenIfFailed, type R2PDatabase } from './database';
import { createBackup, parseBackup, restoreBackup } from '../export/backup';

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

/** Copies everything the database holds to the rescue store. */
export async function keepRescueCopy(db: R2PDatabase, store: RescueStore = opfsRescueStore): Promise<boolean> {
  return store.write(JSON.stringify(await createBackup(db)));
}

const isEmpty = async (db: R2PDatabase) =>
  (await Promise.all([db.reviews, db.drafts, db.evidence, db.libraryBlocks, db.imports].map((t) => t.count()))).every((n) => n === 0);

/**
 * Fills a database that holds nothing at all from the rescue copy, if there is one. Returns
 * whether it did. A database with anything in it is left alone.
 */
export async function restoreIfWiped(db: R2PDatabase, store: RescueStore = opfsRescueStore): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const text = await store.read();
  if (!text) return false;
  const parsed = parseBackup(text);
  if (!parsed.ok) return false;
  await restoreBackup(db, parsed.backup);
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
  const backup = await createBackup(db);
  if (!(await store.write(JSON.stringify(backup)))) return;
  await db.delete({ disableAutoOpen: false });
  // Opening the new, empty database fills it from the kept copy (the ready hook); if that
  // failed, from the copy in memory.
  await db.open();
  if (await isEmpty(db)) await restoreBackup(db, backup);
  await store.clear();
}
