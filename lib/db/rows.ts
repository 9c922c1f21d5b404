/**
 * What each table holds. Rows are plain data (structured-clone safe) so they back up to JSON
 * as they are; Zod schemas for backup files are built from these shapes in lib/export.
 */
import type { FieldEdit } from '../reviews/field-edits';

export type IndicatorStatus = 'present' | 'partly' | 'absent' | 'unknown';
export type UprResponse = 'supported' | 'noted' | 'pending';

export interface ReviewRow {
  id: string;
  /** ISO 3166-1 alpha-3 of the State under Review (data/states.json). */
  stateCode: string;
  /** Working Group session number, e.g. 46. */
  session?: number;
  cycle?: number;
  /** Date of the review, ISO yyyy-mm-dd. */
  date?: string;
  delegation: string;
  createdAt: number;
  updatedAt: number;
  /** Set when deleted: kept until the undo window closes, then purged. */
  deletedAt?: number;
  /** Planned date of the voluntary mid-term report, ISO yyyy-mm-dd. */
  midTermReportDate?: string;
}

export interface AssessmentRow {
  /** `${reviewId}:${indicatorId}` */
  id: string;
  reviewId: string;
  /** A Framework indicator ("foa-1.1") or a 2013 risk factor / trigger id. */
  indicatorId: string;
  status: IndicatorStatus;
  note: string;
  updatedAt: number;
}

export interface EvidenceRow {
  id: string;
  /** Empty while the clip waits for the user to file it under a review. */
  reviewId: string;
  indicatorId: string;
  quote: string;
  title: string;
  url: string;
  /** For clips from the PDF reader. */
  page?: number;
  clippedAt: number;
}

export interface DraftRow {
  id: string;
  reviewId: string;
  kind: 'question' | 'recommendation';
  text: string;
  /** Catalogue recommendation ids and risk factor / indicator ids this draft came from. */
  recommendationIds: string[];
  riskFactorIds: string[];
  order: number;
  response: UprResponse;
  /** Paragraph of the Working Group report where the recommendation stands, e.g. "107.41". */
  reportParagraph: string;
  createdAt: number;
  updatedAt: number;
}

export interface StatementRow {
  reviewId: string;
  opening: string;
  closing: string;
  /** Draft ids in speaking order. */
  items: string[];
  /** Words per minute. */
  pace: number;
  /** Time the delegation has, in seconds. */
  allottedSeconds: number;
  updatedAt: number;
}

/**
 * The last text typed in one field, written at the keystroke and deleted once the field's row
 * holds it (lib/reviews/journal.ts). `edit` says where the text goes.
 */
export interface JournalRow {
  /** `editKey(edit)`: one record per field. */
  key: string;
  edit: FieldEdit;
  value: string;
  /** When it was typed (ms since 1970): replayed oldest first. */
  at: number;
}

export interface FollowUpRow {
  id: string;
  reviewId: string;
  kind: 'assistance' | 'action';
  what: string;
  partner: string;
  owner: string;
  /** ISO yyyy-mm-dd */
  due: string;
  done: boolean;
  updatedAt: number;
}

export type LibrarySource = 'upr-info' | 'uhri' | 'mapped';
export type Mechanism = 'upr' | 'treaty-body' | 'special-procedure' | 'other';
export type RowKind = 'recommendation' | 'concern';

export interface LibraryRow {
  /** Hash of (sur, from, text, session): re-importing the same row adds nothing. */
  id: string;
  /** State under Review, as named in the export. */
  sur: string;
  surCode?: string;
  from: string;
  fromCode?: string;
  text: string;
  response: string;
  action?: 1 | 2 | 3 | 4 | 5;
  issues: string[];
  session?: number;
  cycle?: number;
  documentSymbol?: string;
  /** Where the row came from: a UPR Info export, an OHCHR UHRI export, or a file whose columns the user chose. */
  source: LibrarySource;
  /** UPR, a treaty body (CRC, CEDAW…), a special procedure, or another mechanism. Rows stored before version 4 are UPR. */
  mechanism?: Mechanism;
  /** The recommending body as the export names it without its "- " prefix: "UPR", "CRC", "SR on torture". */
  body?: string;
  /** A recommendation, or a concern or observation (treaty bodies and special procedures write both). */
  kind?: RowKind;
  /** Date of the document, ISO yyyy-mm-dd, when the export gives it. */
  date?: string;
  /** UHRI's annotation id: the same record in two exports is the same row. */
  annotationId?: string;
  /** Further recommending States when several made the recommendation together (the first is `from`). */
  fromAlso?: string[];
  concepts: string[];
  riskFactors: string[];
  relevant: 0 | 1;
  importId: string;
}

/**
 * Up to a few hundred library rows of one import, stored as one record (lib/db/library-blocks.ts).
 * The arrays list the distinct values the rows hold, for the multiEntry indexes.
 */
export interface LibraryBlockRow {
  /** Given by IndexedDB (auto-increment): blocks are read back in the order they were written. */
  id: number;
  importId: string;
  rows: LibraryRow[];
  surs: string[];
  recommendingStates: string[];
  sessions: number[];
  /** UPR Info action categories, 1-5. */
  categories: number[];
  responses: string[];
  issues: string[];
  /** Recommending bodies ("UPR", "CRC"…), from version 4. */
  bodies?: string[];
}

/** Columns the user chose for an import header (lib/import/layouts.ts `headerSignature`). */
export interface ColumnMappingRow {
  id: string;
  header: string[];
  /** Field → column position. */
  columns: Partial<Record<string, number>>;
  savedAt: number;
}

export interface ImportRow {
  id: string;
  fileName: string;
  fileHash: string;
  /** The layout read (lib/import/layouts.ts); records before version 4 say 'upr-info' or 'uhri'. */
  format: string;
  /** Set while the import writes its rows: they are invisible until the import commits (lib/library/store.ts). */
  staging?: 1;
  encoding: string;
  rowsAdded: number;
  duplicates: number;
  refused: number;
  importedAt: number;
}

export interface ReaderDocumentRow {
  /** The address, or `file:<name>:<size>` for local files. */
  id: string;
  title: string;
  url?: string;
  fileName?: string;
  lastPage: number;
  pageCount: number;
  openedAt: number;
}

/** A record of the library's stored search index: a manifest (`search`, `keys`) or one of its parts (lib/library/index-parts.ts). */
export interface LibraryIndexRecord {
  id: string;
  [field: string]: unknown;
}

/**
 * A review shared with a mission's own server (lib/sync). One row per shared review; reviews not
 * shared have none, and nothing about them is ever sent.
 */
export interface ShareRow {
  reviewId: string;
  /** The server's address as the user gave it, normalised to ws:// or wss:// (lib/sync/share-address.ts). */
  server: string;
  /** The per-review token the server issued: `r2p.<document>.<secret>`. */
  token: string;
  /** The server's document for this review (the token's middle part). */
  document: string;
  /** The name colleagues see beside this user's changes. */
  displayName: string;
  /** 'owner': this browser shared it (may stop sharing for everyone); 'member': joined from a link. */
  role: 'owner' | 'member';
  sharedAt: number;
  /**
   * The review's shared fields as they were when the local tables and the shared document last
   * agreed (lib/sync/snapshot.ts): what tells a local edit from a colleague's in a three-way merge.
   */
  base: Record<string, Record<string, unknown>>;
  /** Set when the server refused the token or the review was unshared: syncing has stopped. */
  stopped?: { reason: 'refused' | 'unshared'; at: number };
}

/** One binary Yjs update of a shared review's document, kept until merged into a larger one. */
export interface SyncUpdateRow {
  id: number;
  reviewId: string;
  update: Uint8Array;
}
