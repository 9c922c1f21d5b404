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
import { libraryBlock, libraryBlocks, ROWS_PER_BLOCK } from '../db/library-blocks';
import type { LibraryIndexRecord } from '../db/rows';
import { packParts, unpackParts } from './index-parts';
import { INDEX_FORMAT, IndexBuilder, type IndexSnapshot, type KeysSnapshot } from './index-snapshot';
import type { LibraryBlockRow, LibraryRow } from '../db/rows';
import { contentKey } from '../import/row-id';

/** The tables behind the library, for a caller's transaction scope. */
export function libraryTables(db: R2PDatabase): Table[] {
  return [db.libraryBlocks, db.libraryIndex];
}

/** The stored search index, if there is one of the current format; read a part at a time (lib/library/index-parts.ts). */
export async function storedIndex(db: R2PDatabase): Promise<IndexSnapshot | undefined> {
  const manifest = await db.libraryIndex.get('search');
  if (!manifest || manifest.format !== INDEX_FORMAT) return undefined;
  return unpackParts<IndexSnapshot>(manifest, async (id) => (await db.libraryIndex.get(id))?.bytes as Uint8Array | undefined);
}

export async function storedKeys(db: R2PDatabase): Promise<KeysSnapshot | undefined> {
  const manifest = await db.libraryIndex.get('keys');
  return manifest && unpackParts<KeysSnapshot>(manifest, async (id) => (await db.libraryIndex.get(id))?.bytes as Uint8Array | undefined);
}

/** Stores the index and keys that go with the rows stored, replacing the last (in the caller's transaction). */
export async function saveIndex(db: R2PDatabase, index: IndexSnapshot, keys: KeysSnapshot): Promise<void> {
  const search = packParts(index, 'search');
  const k = packParts(keys, 'keys');
  await db.libraryIndex.clear();
  await db.libraryIndex.bulkPut([search.manifest, ...search.parts, k.manifest, ...k.parts] as LibraryIndexRecord[]);
}

/**
 * The index built again from the stored rows: after an upgrade from version 3, a restore, or a
 * change of what is indexed. Blocks are read a few at a time, in the order written.
 */
export async function rebuildIndex(db: R2PDatabase, onProgress?: (rowsDone: number) => void): Promise<{ index: IndexSnapshot; keys: KeysSnapshot }> {
  const builder = new IndexBuilder();
  const keys = new RowKeys();
  let page = await db.libraryBlocks.orderBy(':id').limit(BLOCKS_PER_READ).toArray();
  while (page.length) {
    for (const b of page) {
      builder.addBlock(b.id, builder.size);
      for (const r of b.rows) {
        builder.add(r);
        keys.add(r.id, contentKey(r), !!r.annotationId);
      }
    }
    onProgress?.(builder.size);
    if (page.length < BLOCKS_PER_READ) break;
    page = await db.libraryBlocks.where(':id').above(page[page.length - 1]!.id).limit(BLOCKS_PER_READ).toArray();
  }
  return { index: builder.finish(), keys: keys.snapshot() };
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

/**
 * The keys an import checks each new row against: the ids of the rows stored and of the rows
 * added so far, and their content keys (lib/import/row-id.ts). A row with a UHRI annotation id is
 * a duplicate of a row with the same id; a row without one also of a row with the same content.
 * Two rows with different annotation ids are two records, even with the same words.
 */
export class RowKeys {
  private readonly ids = new Set<string>();
  /** Content key → 1 while only rows with annotation ids carry it, 0 once a row without one does. */
  private readonly contents = new Map<string, 0 | 1>();

  static from(s: KeysSnapshot | undefined): RowKeys {
    const k = new RowKeys();
    if (!s) return k;
    for (const id of s.ids) k.ids.add(id);
    s.contents.forEach((c, i) => k.contents.set(c, s.annotated[i] ? 1 : 0));
    return k;
  }

  snapshot(): KeysSnapshot {
    const contents = [...this.contents.keys()];
    return { id: 'keys', ids: [...this.ids], contents, annotated: Uint8Array.from(contents, (c) => this.contents.get(c)!) };
  }

  add(id: string, content: string, annotated: boolean): void {
    this.ids.add(id);
    const seen = this.contents.get(content);
    this.contents.set(content, annotated && seen !== 0 ? 1 : 0);
  }

  /** Whether the row is there already; if not, it is counted as there from now on. */
  isDuplicate(id: string, content: string, annotated: boolean): boolean {
    if (this.ids.has(id)) return true;
    const seen = this.contents.get(content);
    if (seen !== undefined && (seen === 0 || !annotated)) return true;
    this.add(id, content, annotated);
    return false;
  }
}

/**
 * Stores one block of rows that are not there yet (the caller has checked their ids), all of one
 * import, and resolves with its key once IndexedDB has taken it.
 */
export async function addBlock(db: R2PDatabase, rows: readonly LibraryRow[], importId: string): Promise<number> {
  return db.libraryBlocks.add(libraryBlock([...rows], importId) as LibraryBlockRow);
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
  await db.transaction('rw', [db.libraryBlocks, db.libraryIndex], async () => {
    // The stored index no longer matches the rows: the next panel to open builds it again.
    await db.libraryIndex.clear();
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
  await db.transaction('rw', [db.libraryBlocks, db.libraryIndex], async () => {
    await db.libraryBlocks.clear();
    await db.libraryIndex.clear();
  });
}
