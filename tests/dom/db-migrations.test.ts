import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { moveLibraryIntoBlocks, openDatabase, type R2PDatabase, SCHEMA_V1, SCHEMA_V2_LIBRARY, SCHEMA_V3_LIBRARY, SCHEMA_V5_JOURNAL, SCHEMA_V6_SHARING } from '@/lib/db/database';
import { loadLibraryIndex } from '@/lib/library/load';
import type { LibraryRow } from '@/lib/db/rows';
import { allRows, rowsForSur, surNames } from '@/lib/library/store';

/** The database as version 1 of the extension opened it. */
function openV1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  return db;
}

/** The database as version 2 (library rows one record each) opened it. */
function openV2(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2_LIBRARY);
  return db;
}

/** The database as version 3 (library rows in blocks, UPR only, no journal) opened it. */
function openV3(name: string): Dexie {
  const db = openV2(name);
  db.version(3).stores(SCHEMA_V3_LIBRARY).upgrade(moveLibraryIntoBlocks);
  return db;
}

const byId = (a: LibraryRow, b: LibraryRow) => a.id.localeCompare(b.id);

const libraryRow = (n: number, extra: Partial<LibraryRow> = {}): LibraryRow => ({
  id: `row-${n}`,
  sur: n % 2 ? 'Chad' : "Côte d'Ivoire",
  surCode: n % 2 ? 'TCD' : 'CIV',
  from: 'France',
  fromCode: 'FRA',
  text: `Recommendation ${n}: ratify the Rome Statute and end impunity for torture`,
  response: n % 3 ? 'supported' : 'noted',
  action: 5,
  issues: ['Torture and other CID treatment', 'International instruments'],
  session: 4 + (n % 3),
  cycle: 1,
  source: 'upr-info',
  concepts: ['torture', 'impunity'],
  riskFactors: ['rf-1'],
  relevant: 1,
  importId: 'imp-1',
  ...extra,
});

const names: string[] = [];
const fresh = () => {
  const name = `r2p-test-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('database schema versions', () => {
  it('version 1 creates every table with its indexes', async () => {
    const db = openV1(fresh());
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_V1).sort());
    const library = db.table('library');
    expect(library.schema.indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['sur', 'from', 'session', 'action', 'response', 'issues', 'relevant']),
    );
    db.close();
  });

  it('version 2 keeps every library row and import record of version 1, with the fewer library indexes working', async () => {
    const name = fresh();
    const v1 = openV1(name);
    const rows = Array.from({ length: 30 }, (_, i) => libraryRow(i));
    // An optional field left out, as UHRI rows do, must survive too.
    rows.push(libraryRow(30, { action: undefined, documentSymbol: 'A/HRC/10/1', source: 'uhri' }));
    await v1.table('library').bulkAdd(rows);
    await v1.table('imports').add({ id: 'imp-1', fileName: 'x.csv', fileHash: 'h', format: 'upr-info', encoding: 'utf-8', rowsAdded: 31, duplicates: 0, refused: 0, importedAt: 1 });
    await v1.table('reviews').add({ id: 'r1', stateCode: 'TCD', delegation: 'Ghana', createdAt: 1, updatedAt: 1 });
    v1.close();

    const db = openV2(name);
    await db.open();
    expect(db.verno).toBe(2);
    const library = db.table<LibraryRow, string>('library');
    const stored = await library.toArray();
    expect(stored.sort(byId)).toEqual([...rows].sort(byId));
    await expect(db.table('imports').get('imp-1')).resolves.toMatchObject({ rowsAdded: 31 });
    await expect(db.table('reviews').get('r1')).resolves.toMatchObject({ stateCode: 'TCD' });
    expect(library.schema.indexes.map((i) => i.name).sort()).toEqual(['action', 'from', 'issues', 'response', 'session', 'sur']);
    await expect(library.where('sur').equals('Chad').count()).resolves.toBe(rows.filter((r) => r.sur === 'Chad').length);
    await expect(library.where('issues').equals('International instruments').count()).resolves.toBe(31);
    await expect(library.where('session').between(5, 6, true, true).count()).resolves.toBe(rows.filter((r) => r.session! >= 5).length);
    db.close();
  });

  it('version 3 moves every version 2 library row into blocks, nothing lost, each block of one import and findable by its fields', async () => {
    const name = fresh();
    const v2 = openV2(name);
    // Two imports, more rows than one block holds, and a UHRI row without a category.
    const rows = Array.from({ length: 1203 }, (_, i) => libraryRow(i, i < 700 ? {} : { importId: 'imp-2', from: 'Ghana', issues: ['Women\'s rights'] }));
    rows.push(libraryRow(5000, { action: undefined, documentSymbol: 'A/HRC/10/1', source: 'uhri', sur: 'Myanmar', importId: 'imp-2' }));
    await v2.table('library').bulkAdd(rows);
    await v2.table('imports').bulkAdd([
      { id: 'imp-1', fileName: 'a.csv', fileHash: 'h1', format: 'upr-info', encoding: 'utf-8', rowsAdded: 700, duplicates: 0, refused: 0, importedAt: 1 },
      { id: 'imp-2', fileName: 'b.csv', fileHash: 'h2', format: 'upr-info', encoding: 'utf-8', rowsAdded: 504, duplicates: 0, refused: 0, importedAt: 2 },
    ]);
    await v2.table('reviews').add({ id: 'r1', stateCode: 'TCD', delegation: 'Ghana', createdAt: 1, updatedAt: 1 });
    v2.close();

    const db = openV3(name) as unknown as ReturnType<typeof openDatabase>;
    await db.open();
    // Opened by the current schema (version 3 or a later one): the move to blocks has run.
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(db.tables.map((t) => t.name)).not.toContain('library');
    expect((await allRows(db)).sort(byId)).toEqual([...rows].sort(byId));
    await expect(db.imports.count()).resolves.toBe(2);
    await expect(db.reviews.get('r1')).resolves.toMatchObject({ stateCode: 'TCD' });

    const blocks = await db.libraryBlocks.toArray();
    expect(blocks.length).toBeLessThan(10);
    for (const b of blocks) expect(b.rows.every((r) => r.importId === b.importId)).toBe(true);
    // The multiEntry indexes find exactly the blocks holding a value.
    const ghana = await db.libraryBlocks.where('recommendingStates').equals('Ghana').toArray();
    expect(ghana.flatMap((b) => b.rows).filter((r) => r.from === 'Ghana')).toHaveLength(503);
    expect(ghana.every((b) => b.importId === 'imp-2')).toBe(true);
    await expect(db.libraryBlocks.where('categories').equals(5).count()).resolves.toBe(blocks.length);
    await expect(db.libraryBlocks.where('issues').equals('Women\'s rights').count()).resolves.toBe(blocks.filter((b) => b.importId === 'imp-2').length);
    await expect(db.libraryBlocks.where('sessions').equals(6).count()).resolves.toBeGreaterThan(0);
    await expect(db.libraryBlocks.where('responses').equals('noted').count()).resolves.toBeGreaterThan(0);
    expect((await surNames(db)).sort()).toEqual(["Chad", "Côte d'Ivoire", 'Myanmar']);
    const myanmar = await rowsForSur(db, ['Myanmar']);
    expect(myanmar).toEqual([rows.at(-1)]);
    expect(await rowsForSur(db, ['Chad'])).toHaveLength(rows.filter((r) => r.sur === 'Chad').length);
    db.close();
  });

  it('version 4 marks every stored row as a UPR recommendation, lists bodies by block, and the library is searchable after', async () => {
    const name = fresh();
    const v3 = openV3(name);
    await v3.open();
    const rows = Array.from({ length: 620 }, (_, i) => libraryRow(i));
    await v3.table('libraryBlocks').bulkAdd([
      { importId: 'imp-1', rows: rows.slice(0, 500), surs: ['Chad', "Côte d'Ivoire"], recommendingStates: ['France'], sessions: [4, 5, 6], categories: [5], responses: ['supported', 'noted'], issues: [] },
      { importId: 'imp-1', rows: rows.slice(500), surs: ['Chad', "Côte d'Ivoire"], recommendingStates: ['France'], sessions: [4, 5, 6], categories: [5], responses: ['supported', 'noted'], issues: [] },
    ]);
    v3.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    const stored = (await allRows(db)).sort(byId);
    expect(stored).toEqual([...rows].map((r): LibraryRow => ({ ...r, mechanism: 'upr', body: 'UPR', kind: 'recommendation' })).sort(byId));
    await expect(db.libraryBlocks.where('bodies').equals('UPR').count()).resolves.toBe(2);
    await expect(db.columnMappings.count()).resolves.toBe(0);
    // No search index was stored before version 4: the first panel to open builds it from the rows.
    await expect(db.libraryIndex.count()).resolves.toBe(0);
    const lib = await loadLibraryIndex(db);
    expect(lib.index.size).toBe(620);
    const found = lib.index.search('Recommendation 17 impunity');
    expect((await lib.rows.rows([...found.positions.subarray(0, 1)]))[0]!.text).toMatch(/^Recommendation 17:/);
    await expect(db.libraryIndex.get('search')).resolves.toMatchObject({ rows: 620 });
    db.close();
  });


  it('version 6 adds the sharing tables and leaves every review row as it was', async () => {
    const name = fresh();
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2_LIBRARY);
    v3.version(3).stores(SCHEMA_V3_LIBRARY).upgrade(moveLibraryIntoBlocks);
    const review = { id: 'r1', stateCode: 'KEN', delegation: 'Norway', session: 46, createdAt: 1, updatedAt: 2 };
    const draft = { id: 'd1', reviewId: 'r1', kind: 'recommendation', text: 'Ratify the Rome Statute.', recommendationIds: [], riskFactorIds: [], order: 0, response: 'pending', reportParagraph: '', createdAt: 1, updatedAt: 1 };
    await v3.table('reviews').add(review);
    await v3.table('drafts').add(draft);
    await v3.table('statements').add({ reviewId: 'r1', opening: 'Thank you.', closing: '', items: ['d1'], pace: 130, allottedSeconds: 90, updatedAt: 1 });
    v3.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(Object.keys(SCHEMA_V6_SHARING).every((t) => db.tables.some((x) => x.name === t))).toBe(true);
    await expect(db.reviews.get('r1')).resolves.toEqual(review);
    await expect(db.drafts.get('d1')).resolves.toEqual(draft);
    await expect(db.statements.get('r1')).resolves.toMatchObject({ items: ['d1'] });
    // Nothing is shared until the user shares: the new tables start empty, and work.
    await expect(db.shares.count()).resolves.toBe(0);
    await db.syncUpdates.add({ reviewId: 'r1', update: new Uint8Array([1, 2, 3]) } as never);
    await expect(db.syncUpdates.where('reviewId').equals('r1').toArray()).resolves.toMatchObject([{ update: new Uint8Array([1, 2, 3]) }]);
    db.close();
  });


  it('keeps what was written across a reopen', async () => {
    const name = fresh();
    const db = openDatabase(name);
    await db.reviews.add({ id: 'r1', stateCode: 'KEN', delegation: 'Ghana', createdAt: 1, updatedAt: 1 });
    db.close();
    const again = openDatabase(name);
    await expect(again.reviews.get('r1')).resolves.toMatchObject({ stateCode: 'KEN' });
    again.close();
  });

  it('version 5 adds an empty journal and keeps every review, draft and library row of version 3', async () => {
    const name = fresh();
    const v3 = openV3(name);
    await v3.open();
    const rows = Array.from({ length: 12 }, (_, i) => libraryRow(i));
    await v3.table('libraryBlocks').add({ importId: 'imp-1', rows, surs: ['Chad', "Côte d'Ivoire"], recommendingStates: ['France'], sessions: [4, 5, 6], categories: [5], responses: ['supported', 'noted'], issues: [] });
    await v3.table('reviews').add({ id: 'r1', stateCode: 'TCD', delegation: 'Ghana', createdAt: 1, updatedAt: 1 });
    const draft = { id: 'd1', reviewId: 'r1', kind: 'recommendation', text: 'Ratify the Rome Statute.', recommendationIds: [], riskFactorIds: [], order: 0, response: 'pending', reportParagraph: '', createdAt: 1, updatedAt: 1 };
    await v3.table('drafts').add(draft);
    v3.close();

    // The database as version 5 opened it.
    const v5 = openV3(name);
    v5.version(5).stores(SCHEMA_V5_JOURNAL);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(v5.tables.map((t) => t.name).sort()).toEqual(['assessments', 'documents', 'drafts', 'evidence', 'followUps', 'imports', 'journal', 'libraryBlocks', 'reviews', 'statements']);
    await expect(v5.table('journal').count()).resolves.toBe(0);
    await expect(v5.table('drafts').get('d1')).resolves.toEqual(draft);
    await expect(v5.table('reviews').get('r1')).resolves.toMatchObject({ delegation: 'Ghana' });
    expect((await allRows(v5 as R2PDatabase)).sort(byId)).toEqual([...rows].sort(byId));
    // The journal takes a record by field key, as lib/reviews/journal.ts writes it.
    await v5.table('journal').put({ key: 'drafts:d1:text', edit: { table: 'drafts', id: 'd1', field: 'text' }, value: 'Ratify the Rome Statute by 2027.', at: 2 });
    await expect(v5.table('journal').get('drafts:d1:text')).resolves.toMatchObject({ value: 'Ratify the Rome Statute by 2027.' });
    v5.close();
    // The current schema opens it and replays what the journal held.
    const db = openDatabase(name);
    await db.open();
    await expect(db.drafts.get('d1')).resolves.toMatchObject({ text: 'Ratify the Rome Statute by 2027.' });
    await expect(db.journal.count()).resolves.toBe(0);
    db.close();
  });
});
