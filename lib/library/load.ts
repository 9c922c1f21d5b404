/** The library as a search index, read from Dexie. */
import type { R2PDatabase } from '../db/database';
import type { LibraryRow } from '../db/rows';
import { bundledRelevance } from './bundled-tagger';
import { applyRelevance } from './relevance';
import { LibraryIndex } from './search-index';
import { allRows } from './store';

/** Rows are flagged "atrocity prevention relevant" again as they are read, so rows imported under an earlier rule follow today's. */
export async function loadLibraryIndex(db: R2PDatabase): Promise<LibraryIndex> {
  return LibraryIndex.build(applyRelevance(await allRows(db), bundledRelevance()));
}

/** The index with an import's new rows added (they were checked against the stored keys, so none is there already). */
export function extendLibraryIndex(index: LibraryIndex, added: readonly LibraryRow[]): Promise<LibraryIndex> {
  return LibraryIndex.build([...index.rows, ...added]);
}
