/**
 * The extension's one IndexedDB database (extension origin: shared by the side panel, the
 * reader page and the service worker; content scripts reach it only through the background).
 *
 * Every schema change is a new `version(n)` with its migration, and a test per step in
 * tests/dom/db-migrations.test.ts. Never edit a published version: add the next one.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  AssessmentRow,
  DraftRow,
  EvidenceRow,
  FollowUpRow,
  ImportRow,
  LibraryRow,
  ReaderDocumentRow,
  ReviewRow,
  StatementRow,
} from './rows';

export type R2PDatabase = Dexie & {
  reviews: EntityTable<ReviewRow, 'id'>;
  assessments: EntityTable<AssessmentRow, 'id'>;
  evidence: EntityTable<EvidenceRow, 'id'>;
  drafts: EntityTable<DraftRow, 'id'>;
  statements: EntityTable<StatementRow, 'reviewId'>;
  followUps: EntityTable<FollowUpRow, 'id'>;
  library: EntityTable<LibraryRow, 'id'>;
  imports: EntityTable<ImportRow, 'id'>;
  documents: EntityTable<ReaderDocumentRow, 'id'>;
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

export function openDatabase(name = DB_NAME, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }): R2PDatabase {
  const db = new Dexie(name, options) as R2PDatabase;
  db.version(1).stores(SCHEMA_V1);
  return db;
}

let shared: R2PDatabase | undefined;
/** The database of this extension context, opened on first use. */
export function database(): R2PDatabase {
  shared ??= openDatabase();
  return shared;
}
