/** The library as a search index, read from Dexie. */
import type { R2PDatabase } from '../db/database';
import { LibraryIndex } from './search-index';

export async function loadLibraryIndex(db: R2PDatabase): Promise<LibraryIndex> {
  return LibraryIndex.build(await db.library.toArray());
}
