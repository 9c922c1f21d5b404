/**
 * Library rows are stored in blocks of a few hundred, not one IndexedDB record each: in Chromium
 * a record costs about the same to write whatever its size, and 40,000 records took 8-19 s even
 * with no index, against about 1-2 s for 80 blocks (bench/library-chromium.ts). Each block lists
 * the values its rows hold for every field the library is looked up by, in multiEntry indexes,
 * so "which blocks hold rows to Chad" is still an index lookup. Pure: no database here.
 */
import type { LibraryBlockRow, LibraryRow } from './rows';

/** Rows per block: big enough that record overhead vanishes, small enough that reading one block is quick. */
export const ROWS_PER_BLOCK = 500;

const distinct = <T>(values: Iterable<T | undefined>): T[] => [...new Set(values)].filter((v): v is T => v !== undefined);

/** One block of rows (all from one import) with its index lists; the id is given by IndexedDB. */
export function libraryBlock(rows: LibraryRow[], importId: string): Omit<LibraryBlockRow, 'id'> {
  return {
    importId,
    rows,
    surs: distinct(rows.map((r) => r.sur)),
    recommendingStates: distinct(rows.map((r) => r.from)),
    sessions: distinct(rows.map((r) => r.session)),
    categories: distinct(rows.map((r) => r.action)),
    responses: distinct(rows.map((r) => r.response)),
    issues: distinct(rows.flatMap((r) => r.issues)),
    bodies: distinct(rows.map((r) => r.body ?? 'UPR')),
  };
}

/** Rows cut into blocks, each holding rows of one import only (so an import's rows stay together). */
export function libraryBlocks(rows: readonly LibraryRow[], size = ROWS_PER_BLOCK): Array<Omit<LibraryBlockRow, 'id'>> {
  const byImport = new Map<string, LibraryRow[]>();
  for (const r of rows) {
    let list = byImport.get(r.importId);
    if (!list) byImport.set(r.importId, (list = []));
    list.push(r);
  }
  const blocks: Array<Omit<LibraryBlockRow, 'id'>> = [];
  for (const [importId, list] of byImport) {
    for (let i = 0; i < list.length; i += size) blocks.push(libraryBlock(list.slice(i, i + size), importId));
  }
  return blocks;
}
