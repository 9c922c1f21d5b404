/**
 * The one way into the stored library. Rows live in blocks (lib/db/library-blocks.ts); nothing
 * else reads or writes `libraryBlocks`, so the storage layout can change here alone.
 *
 * Writes (`addRows`, `putRows`, `clearLibrary`) join the Dexie transaction they are called in
 * when there is one (`libraryTables` gives the tables to open it on), so an import or a restore
 * stays all-or-nothing; called outside one, each is its own transaction.
 */
import type { Table } from 'dexie';
import type { R2PDatabase } from '../db/database';
import { libraryBlocks, ROWS_PER_BLOCK } from '../db/library-blocks';
import type { LibraryBlockRow, LibraryRow } from '../db/rows';

/** The tables behind the library, for a caller's transaction scope. */
export function libraryTables(db: R2PDatabase): Table[] {
  return [db.libraryBlocks];
}

/**
 * Blocks per read. Reading 40,000 rows in one go deserialises them all at once on the page's
 * thread (a freeze of hundreds of milliseconds); a few blocks per read keeps each read short.
 */
const BLOCKS_PER_READ = 4;

/** Every row, in the order written, read a few blocks at a time. */
export async function allRows(db: R2PDatabase): Promise<LibraryRow[]> {
  const rows: LibraryRow[] = [];
  let page = await db.libraryBlocks.orderBy(':id').limit(BLOCKS_PER_READ).toArray();
  while (page.length) {
    for (const b of page) rows.push(...b.rows);
    if (page.length < BLOCKS_PER_READ) break;
    page = await db.libraryBlocks.where(':id').above(page[page.length - 1]!.id).limit(BLOCKS_PER_READ).toArray();
  }
  return rows;
}

/** The States under Review as the exports named them, from the index alone. */
export async function surNames(db: R2PDatabase): Promise<string[]> {
  return (await db.libraryBlocks.orderBy('surs').uniqueKeys()).map(String);
}

/** The rows addressed to any of these States under Review (names as exported). */
export async function rowsForSur(db: R2PDatabase, names: readonly string[]): Promise<LibraryRow[]> {
  if (!names.length) return [];
  const wanted = new Set(names);
  const blocks = await db.libraryBlocks.where('surs').anyOf([...wanted]).distinct().toArray();
  return blocks.flatMap((b) => b.rows.filter((r) => wanted.has(r.sur)));
}

/** The ids of every stored row (an import skips these as duplicates). */
export async function existingIds(db: R2PDatabase): Promise<Set<string>> {
  const ids = new Set<string>();
  await db.libraryBlocks.each((b) => {
    for (const r of b.rows) ids.add(r.id);
  });
  return ids;
}

/**
 * Stores rows that are not there yet (the caller has checked their ids), in blocks of one
 * import. Resolves once IndexedDB has taken every block.
 */
export async function addRows(db: R2PDatabase, rows: readonly LibraryRow[], blockSize = ROWS_PER_BLOCK): Promise<void> {
  const blocks = libraryBlocks(rows, blockSize);
  if (blocks.length) await db.libraryBlocks.bulkAdd(blocks as LibraryBlockRow[]);
}

/**
 * Stores rows, replacing any stored row with the same id (a restore): the blocks holding a
 * replaced row are rewritten without it, or deleted when nothing is left in them.
 */
export async function putRows(db: R2PDatabase, rows: readonly LibraryRow[]): Promise<void> {
  if (!rows.length) return;
  // The last of several rows with one id wins, as a put row by row would have it.
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  const incoming = new Set(unique.map((r) => r.id));
  await db.transaction('rw', db.libraryBlocks, async () => {
    const touched: LibraryBlockRow[] = [];
    await db.libraryBlocks.each((b) => {
      if (b.rows.some((r) => incoming.has(r.id))) touched.push(b);
    });
    for (const b of touched) {
      const kept = b.rows.filter((r) => !incoming.has(r.id));
      await db.libraryBlocks.delete(b.id);
      if (kept.length) await addRows(db, kept);
    }
    await addRows(db, unique);
  });
}

/** The library emptied. */
export async function clearLibrary(db: R2PDatabase): Promise<void> {
  await db.libraryBlocks.clear();
}
