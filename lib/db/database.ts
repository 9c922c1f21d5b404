/**
 * The extension's one IndexedDB database (extension origin: shared by the side panel, the
 * reader page and the service worker; content scripts reach it only through the background).
 *
 * Every schema change is a new `version(n)` with its migration, and a test per step in
 * tests/dom/db-migrations.test.ts. Never edit a published version: add the next one.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { libraryBlocks } from './library-blocks';
import { replayJournal } from '../reviews/journal';
import { keepRescueCopy, opfsRescueStore, restoreIfWiped, settleRescueCopy, type RescueStore } from './rescue';
import type {
  AssessmentRow,
  DraftRow,
  EvidenceRow,
  FollowUpRow,
  ColumnMappingRow,
  ImportRow,
  JournalRow,
  LibraryBlockRow,
  LibraryIndexRecord,
  ReaderDocumentRow,
  ReviewRow,
  ShareRow,
  StatementRow,
  SyncUpdateRow,
} from './rows';

export type R2PDatabase = Dexie & {
  reviews: EntityTable<ReviewRow, 'id'>;
  assessments: EntityTable<AssessmentRow, 'id'>;
  evidence: EntityTable<EvidenceRow, 'id'>;
  drafts: EntityTable<DraftRow, 'id'>;
  statements: EntityTable<StatementRow, 'reviewId'>;
  followUps: EntityTable<FollowUpRow, 'id'>;
  /** The library, in blocks of rows: read and write it only through lib/library/store.ts. */
  libraryBlocks: EntityTable<LibraryBlockRow, 'id'>;
  imports: EntityTable<ImportRow, 'id'>;
  documents: EntityTable<ReaderDocumentRow, 'id'>;
  /** The user's column choices for an import header no layout knows, by header (version 4). */
  columnMappings: EntityTable<ColumnMappingRow, 'id'>;
  /** The library's stored search index and duplicate keys (lib/library/index-snapshot.ts), written with the rows. */
  libraryIndex: EntityTable<LibraryIndexRecord, 'id'>;
  /** Text typed but not yet saved to its row: read and write it only through lib/reviews/journal.ts. */
  journal: EntityTable<JournalRow, 'key'>;
  /** Reviews shared with a mission's server: read and write them only through lib/sync. */
  shares: EntityTable<ShareRow, 'reviewId'>;
  syncUpdates: EntityTable<SyncUpdateRow, 'id'>;
};

export const DB_NAME = 'r2p-lens';

/** Version 1: the first published schema. */
export const SCHEMA_V1 = {
  reviews: 'id, stateCode, updatedAt, deletedAt',
  assessments: 'id, reviewId, [reviewId+indicatorId]',
  evidence: 'id, reviewId, [reviewId+indicatorId], clippedAt',
  drafts: 'id, reviewId, [reviewId+kind], updatedAt',
  statements: 'reviewId',
  followUps: 'id, reviewId, due',
  library: 'id, sur, from, session, cycle, action, response, *issues, relevant, importId',
  imports: 'id, fileHash, importedAt',
  documents: 'id, openedAt',
} as const;

/**
 * Version 2: the library keeps one index per field the issue asks for (State under Review,
 * recommending State, session, action category, response, issue) and drops cycle, relevant
 * and importId. In Chromium every index costs an IndexedDB write per row (several for the
 * multiEntry issues), and that upkeep was most of a 40,000-row import (bench/library-chromium.ts);
 * search filters on every field in memory (lib/library/search-index.ts), and a cycle is a
 * session range. Rows are unchanged, so no data moves: IndexedDB only drops three indexes.
 */
export const SCHEMA_V2_LIBRARY = {
  library: 'id, sur, from, session, action, response, *issues',
} as const;

/**
 * Version 3: library rows move into blocks of 500 (`libraryBlocks`, lib/db/library-blocks.ts).
 * Even with the fewer indexes of version 2, one IndexedDB record per row kept a 40,000-row
 * import at 8-19 s in Chromium; 80 blocks take about 1-2 s. Each block lists its rows' States
 * under Review, recommending States, sessions, action categories, responses and issues in
 * multiEntry indexes, so the lookups version 2 offered by row are still index lookups by block.
 */
export const SCHEMA_V3_LIBRARY = {
  library: null,
  libraryBlocks: '++id, importId, *surs, *recommendingStates, *sessions, *categories, *responses, *issues',
} as const;

/** Every version 2 row into blocks, grouped by import; the old table goes once this has run. */
export async function moveLibraryIntoBlocks(tx: Transaction): Promise<void> {
  const rows = await tx.table('library').toArray();
  if (rows.length) await tx.table('libraryBlocks').bulkAdd(libraryBlocks(rows));
}

/**
 * Version 4: the library takes every mechanism, not only the UPR. Rows gain their mechanism,
 * body and kind (recommendation or concern); blocks list their rows' mechanisms and bodies in
 * multiEntry indexes like the other fields. The user's column choices for headers no layout
 * knows are kept by header (`columnMappings`). The library's search index is stored with it
 * (`libraryIndex`, lib/library/index-snapshot.ts): a panel reopening on 267,000 records loads it
 * instead of reading every row back; none is stored yet, so the first panel to open builds it.
 * Every stored row was a UPR recommendation, from UPR Info or UHRI's UPR columns: the migration
 * says so on each row and block.
 */
export const SCHEMA_V4 = {
  libraryBlocks: '++id, importId, *surs, *recommendingStates, *sessions, *categories, *responses, *issues, *bodies',
  columnMappings: 'id',
  libraryIndex: 'id',
} as const;

export async function markRowsUpr(tx: Transaction): Promise<void> {
  await tx
    .table('libraryBlocks')
    .toCollection()
    .modify((b: LibraryBlockRow) => {
      for (const r of b.rows) {
        r.mechanism ??= 'upr';
        r.body ??= 'UPR';
        r.kind ??= 'recommendation';
      }
      b.bodies = [...new Set(b.rows.map((r) => r.body!))];
    });
}

/**
 * Version 5: the journal of typed text not yet saved to its row (lib/reviews/journal.ts), one
 * record per field. A new, empty table: no data moves. (Version 4 belongs to the library work.)
 */
export const SCHEMA_V5_JOURNAL = {
  journal: 'key',
} as const;

/**
 * Version 6: sharing a review with the mission's own server (lib/sync). `shares` holds one row
 * per shared review (server, token, display name, the last agreed state); `syncUpdates` holds
 * the shared document's Yjs updates, written in the same transactions as the rows they change.
 * New tables only: nothing moves, and reviews not shared are untouched.
 */
export const SCHEMA_V6_SHARING = {
  shares: 'reviewId',
  syncUpdates: '++id, reviewId',
} as const;

export function openDatabase(name = DB_NAME, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange; rescue?: RescueStore }): R2PDatabase {
  const db = new Dexie(name, options) as R2PDatabase;
  const rescue = options?.rescue ?? opfsRescueStore;
  /** The browser closed the last connection: a write failed for lack of disk space (lib/db/rescue.ts). */
  let closedByBrowser = false;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2_LIBRARY);
  db.version(3).stores(SCHEMA_V3_LIBRARY).upgrade(moveLibraryIntoBlocks);
  db.version(4).stores(SCHEMA_V4).upgrade(markRowsUpr);
  db.version(5).stores(SCHEMA_V5_JOURNAL);
  db.version(6).stores(SCHEMA_V6_SHARING);
  // Before anything else reads: a database the browser emptied after a full disk is filled from
  // the rescue copy; text a page journaled but could not save (it closed, the browser quit or was
  // killed) goes into its rows; after a connection the browser closed, a new rescue copy is made.
  db.on(
    'ready',
    async (vip) => {
      const d = vip as R2PDatabase;
      d.backendDB().addEventListener('close', () => void (closedByBrowser = true));
      if (!(await restoreIfWiped(d, rescue).catch(() => false))) await settleRescueCopy(d, rescue).catch(() => 'none');
      await replayJournal(d).catch(() => 0);
      if (closedByBrowser) {
        closedByBrowser = false;
        await keepRescueCopy(d, rescue).catch(() => {});
      }
    },
    true,
  );
  return db;
}

/**
 * Lets a database that failed to reopen open again on its next use. When a write fails for lack
 * of disk space, Chromium closes every connection and Dexie's reopen fails; Dexie then refuses
 * every later call with that error, even once there is room. Call before writing again.
 */
export function reopenIfFailed(db: R2PDatabase): void {
  if (db.hasFailed()) db.close({ disableAutoOpen: false });
}

let shared: R2PDatabase | undefined;
/** The database of this extension context, opened on first use. */
export function database(): R2PDatabase {
  shared ??= openDatabase();
  return shared;
}
