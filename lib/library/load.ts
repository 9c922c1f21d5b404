/**
 * The library as the side panel searches it: the stored index (lib/library/index-snapshot.ts)
 * made ready for search, and a row source that reads the rows shown. Where no index is stored
 * (a library from before version 4, or one restored from a backup) it is built from the rows
 * first, by `reindex` (in the import worker from the panel, in-thread in tests).
 */
import type { R2PDatabase } from '../db/database';
import { emptySnapshot } from './index-snapshot';
import { RowSource } from './row-source';
import { LibraryIndex } from './search-index';
import { rebuildIndex, saveIndex, storedIndex } from './store';

export interface LoadedLibrary {
  index: LibraryIndex;
  rows: RowSource;
}

/** Builds and stores the index from the stored rows, in one transaction (an import waits for it, and it for an import). */
export async function reindexInThread(db: R2PDatabase): Promise<void> {
  await db.transaction('rw', [db.libraryBlocks, db.libraryIndex], async () => {
    if (await storedIndex(db)) return;
    const { index, keys } = await rebuildIndex(db);
    await saveIndex(db, index, keys);
  });
}

export async function loadLibraryIndex(db: R2PDatabase, reindex: (db: R2PDatabase) => Promise<void> = reindexInThread): Promise<LoadedLibrary> {
  const t = performance.now();
  let snapshot = await storedIndex(db);
  performance.measure?.('r2p:library:read', { start: t, end: performance.now() });
  if (!snapshot && (await db.libraryBlocks.count())) {
    await reindex(db);
    snapshot = await storedIndex(db);
  }
  const index = await LibraryIndex.build(snapshot ?? emptySnapshot());
  return { index, rows: new RowSource(db, index.snapshot) };
}
