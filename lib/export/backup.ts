/**
 * Back up and restore everything as one JSON file. A file is restored only after it has been
 * read and validated in full; then every table is written in one transaction, so a refused or
 * failing restore leaves the database as it was. Rows with the same id are replaced by the
 * file's; rows the file does not hold are kept.
 */
import { z } from 'zod';
import type { R2PDatabase } from '../db/database';
import { allRows, libraryTables, putRows } from '../library/store';
import { MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE } from '../upr/speaking-time';

export const BACKUP_FORMAT = 'r2p-lens-backup';
/** Bump when the file's shape changes; older files then need an upgrade step here. */
export const BACKUP_VERSION = 1;

const id = z.string().min(1);
const isoDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'a date as yyyy-mm-dd');
const time = z.number().finite();
const status = z.enum(['present', 'partly', 'absent', 'unknown']);
const response = z.enum(['supported', 'noted', 'pending']);

const ReviewRowSchema = z.object({
  id,
  stateCode: z.string().regex(/^[A-Z]{3}$/, 'a three-letter State code'),
  session: z.number().int().positive().optional(),
  cycle: z.number().int().positive().optional(),
  date: isoDate.optional(),
  delegation: z.string(),
  createdAt: time,
  updatedAt: time,
  deletedAt: time.optional(),
  midTermReportDate: isoDate.optional(),
});
const AssessmentRowSchema = z.object({ id, reviewId: id, indicatorId: id, status, note: z.string(), updatedAt: time });
const EvidenceRowSchema = z.object({
  id,
  reviewId: z.string(),
  indicatorId: z.string(),
  quote: z.string(),
  title: z.string(),
  url: z.string(),
  page: z.number().int().positive().optional(),
  clippedAt: time,
});
const DraftRowSchema = z.object({
  id,
  reviewId: id,
  kind: z.enum(['question', 'recommendation']),
  text: z.string(),
  recommendationIds: z.array(z.string()),
  riskFactorIds: z.array(z.string()),
  order: z.number().finite(),
  response,
  reportParagraph: z.string(),
  createdAt: time,
  updatedAt: time,
});
const StatementRowSchema = z.object({
  reviewId: id,
  opening: z.string(),
  closing: z.string(),
  items: z.array(z.string()),
  pace: z.number().positive(),
  allottedSeconds: z.number().nonnegative(),
  updatedAt: time,
});
const FollowUpRowSchema = z.object({
  id,
  reviewId: id,
  kind: z.enum(['assistance', 'action']),
  what: z.string(),
  partner: z.string(),
  owner: z.string(),
  due: isoDate,
  done: z.boolean(),
  updatedAt: time,
});
const action = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const LibraryRowSchema = z.object({
  id,
  sur: z.string(),
  surCode: z.string().optional(),
  from: z.string(),
  fromCode: z.string().optional(),
  text: z.string(),
  response: z.string(),
  action: action.optional(),
  issues: z.array(z.string()),
  session: z.number().optional(),
  cycle: z.number().optional(),
  documentSymbol: z.string().optional(),
  source: z.enum(['upr-info', 'uhri', 'mapped']),
  mechanism: z.enum(['upr', 'treaty-body', 'special-procedure', 'other']).optional(),
  body: z.string().optional(),
  kind: z.enum(['recommendation', 'concern']).optional(),
  date: isoDate.optional(),
  annotationId: z.string().optional(),
  fromAlso: z.array(z.string()).optional(),
  concepts: z.array(z.string()),
  riskFactors: z.array(z.string()),
  relevant: z.union([z.literal(0), z.literal(1)]),
  importId: z.string(),
});
const ImportRowSchema = z.object({
  id,
  fileName: z.string(),
  fileHash: z.string(),
  format: z.string(),
  encoding: z.string(),
  rowsAdded: z.number(),
  duplicates: z.number(),
  refused: z.number(),
  importedAt: time,
});
const DocumentRowSchema = z.object({
  id,
  title: z.string(),
  url: z.string().optional(),
  fileName: z.string().optional(),
  lastPage: z.number(),
  pageCount: z.number(),
  openedAt: time,
});

const TABLE_SCHEMAS = {
  reviews: ReviewRowSchema,
  assessments: AssessmentRowSchema,
  evidence: EvidenceRowSchema,
  drafts: DraftRowSchema,
  statements: StatementRowSchema,
  followUps: FollowUpRowSchema,
  library: LibraryRowSchema,
  imports: ImportRowSchema,
  documents: DocumentRowSchema,
} as const;
export type BackupTable = keyof typeof TABLE_SCHEMAS;
export const BACKUP_TABLES = Object.keys(TABLE_SCHEMAS) as BackupTable[];

const TablesSchema = z.object(
  Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.array(TABLE_SCHEMAS[t]).default([])])) as {
    [K in BackupTable]: z.ZodDefault<z.ZodArray<(typeof TABLE_SCHEMAS)[K]>>;
  },
);

/**
 * The settings, in backups made from the settings page (optional: the Reviews tab's backups and
 * older files have none, and readers that do not know the key ignore it, so the version stays 1).
 * The highlight settings are repaired by `normaliseSettings` on restore, so any object passes here.
 */
const SettingsSchema = z.object({
  highlight: z.record(z.string(), z.unknown()).optional(),
  speakingPace: z.number().int().min(MIN_WORDS_PER_MINUTE).max(MAX_WORDS_PER_MINUTE).optional(),
});

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  tables: TablesSchema,
  settings: SettingsSchema.optional(),
});
export type Backup = z.output<typeof BackupSchema>;

/**
 * The tables a backup reads and writes. The file keeps one entry per library row, as it always
 * has (old backups restore), while the database keeps the rows in blocks behind lib/library/store.ts.
 */
function backupScope(db: R2PDatabase) {
  return [...BACKUP_TABLES.filter((t) => t !== 'library').map((t) => db.table(t)), ...libraryTables(db)];
}

export async function createBackup(db: R2PDatabase, now = new Date()): Promise<Backup> {
  return db.transaction('r', backupScope(db), async () => {
    const tables = {} as Record<BackupTable, unknown[]>;
    for (const t of BACKUP_TABLES) tables[t] = t === 'library' ? await allRows(db) : await db.table(t).toArray();
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), tables } as Backup;
  });
}

export function backupFileName(now = new Date()): string {
  return `r2p-lens-backup-${now.toISOString().slice(0, 10)}.json`;
}

export type ParseResult = { ok: true; backup: Backup; counts: Record<BackupTable, number> } | { ok: false; message: string };

const TABLE_WORDS: Record<BackupTable, string> = {
  reviews: 'review',
  assessments: 'indicator assessment',
  evidence: 'evidence clip',
  drafts: 'draft',
  statements: 'statement',
  followUps: 'follow-up',
  library: 'library recommendation',
  imports: 'import',
  documents: 'reader document',
};

/** "draft 3: "kind" must be ..." from a Zod issue path like ['tables','drafts',2,'kind']. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const [, table, row, ...field] = issue.path;
  if (typeof table === 'string' && table in TABLE_WORDS && typeof row === 'number') {
    const where = `${TABLE_WORDS[table as BackupTable]} ${row + 1}`;
    return field.length ? `${where}: "${field.join('.')}" ${issue.message}` : `${where}: ${issue.message}`;
  }
  return `${issue.path.join('.') || 'the file'}: ${issue.message}`;
}

/** How far a check or a restore has come: rows checked or written, of all the file's rows. */
export interface BackupProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

/** Rows checked, or written, between two progress reports (and two looks at Cancel). */
const ROWS_PER_STEP = 5000;

/** The file's shape around its tables; the tables' rows are checked a step at a time. */
const EnvelopeSchema = BackupSchema.extend({ tables: z.record(z.string(), z.unknown()) });

/**
 * Reads a backup file's text; says in plain words what is wrong when it cannot be restored.
 * Rows are checked ROWS_PER_STEP at a time, `onProgress` told after each step.
 */
export function parseBackup(text: string, onProgress?: (p: BackupProgress) => void): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'The file is empty: it is not an R2P Lens backup.' };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    // A backup is one JSON object: if it opens like one but does not close, it was cut short.
    if (trimmed.startsWith('{') && !trimmed.endsWith('}')) {
      return { ok: false, message: 'The file is incomplete (cut short, perhaps by an interrupted download or copy). Nothing was restored.' };
    }
    return { ok: false, message: 'The file is not readable as a backup (it is not valid JSON). Nothing was restored.' };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, message: 'This file is not an R2P Lens backup. Nothing was restored.' };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup was made by a newer version of R2P Lens (backup format ${version}; this version reads format ${BACKUP_VERSION}). Update R2P Lens, then restore it. Nothing was restored.`,
    };
  }
  const envelope = EnvelopeSchema.safeParse(json);
  const issues: z.core.$ZodIssue[] = envelope.success ? [] : [...envelope.error.issues];
  const rawTables = envelope.success ? envelope.data.tables : {};
  const total = BACKUP_TABLES.reduce((n, t) => n + (Array.isArray(rawTables[t]) ? (rawTables[t] as unknown[]).length : 0), 0);
  const tables = {} as Record<BackupTable, unknown[]>;
  let done = 0;
  for (const t of BACKUP_TABLES) {
    const raw = rawTables[t] ?? [];
    const rows = z.array(TABLE_SCHEMAS[t]);
    const where = (i: z.core.$ZodIssue, offset: number): z.core.$ZodIssue => {
      const [row, ...field] = i.path;
      return { ...i, path: ['tables', t, ...(typeof row === 'number' ? [row + offset, ...field] : i.path)] };
    };
    if (!Array.isArray(raw)) {
      const r = rows.safeParse(raw);
      if (!r.success) issues.push(...r.error.issues.map((i) => where(i, 0)));
      continue;
    }
    tables[t] = [];
    for (let from = 0; from < raw.length; from += ROWS_PER_STEP) {
      const r = rows.safeParse(raw.slice(from, from + ROWS_PER_STEP));
      if (r.success) tables[t].push(...r.data);
      else issues.push(...r.error.issues.map((i) => where(i, from)));
      done += Math.min(ROWS_PER_STEP, raw.length - from);
      onProgress?.({ phase: 'checking', done, total });
    }
  }
  if (issues.length || !envelope.success) {
    const listed = issues.slice(0, 3).map(describeIssue);
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
    return { ok: false, message: `The backup is damaged and was not restored: ${listed.join('; ')}${more}.` };
  }
  const backup = { ...envelope.data, tables } as Backup;
  const reviewIds = new Set(backup.tables.reviews.map((r) => r.id));
  type Ref = { t: BackupTable; i: number; reviewId: string };
  const refs: Ref[] = [
    ...(['assessments', 'drafts', 'statements', 'followUps'] as const).flatMap((t) => backup.tables[t].map((r, i): Ref => ({ t, i, reviewId: r.reviewId }))),
    // A clip waiting to be filed has no review yet.
    ...backup.tables.evidence.map((r, i): Ref => ({ t: 'evidence', i, reviewId: r.reviewId })).filter((x) => x.reviewId !== ''),
  ];
  const orphan = refs.find((x) => !reviewIds.has(x.reviewId));
  if (orphan) {
    return { ok: false, message: `The backup is damaged and was not restored: ${TABLE_WORDS[orphan.t]} ${orphan.i + 1} belongs to a review the file does not hold.` };
  }
  const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, backup.tables[t].length])) as Record<BackupTable, number>;
  return { ok: true, backup, counts };
}

/**
 * Writes a validated backup in one transaction: all of it or, on any failure, none of it.
 * Rows go in ROWS_PER_STEP at a time; `onProgress` is told after each step, and an aborted
 * `signal` stops the restore there, undoing what was written (the transaction is aborted).
 */
export async function restoreBackup(db: R2PDatabase, backup: Backup, options: { onProgress?: (p: BackupProgress) => void; signal?: AbortSignal } = {}): Promise<void> {
  const { onProgress, signal } = options;
  const total = BACKUP_TABLES.reduce((n, t) => n + backup.tables[t].length, 0);
  let done = 0;
  let idbtrans: IDBTransaction | undefined;
  try {
    await db.transaction('rw', backupScope(db), async (tx) => {
      idbtrans = tx.idbtrans;
      for (const t of BACKUP_TABLES) {
        const rows = backup.tables[t];
        if (!rows.length) continue;
        // The library is replaced by id across its blocks in one pass (lib/library/store.ts).
        const step = t === 'library' ? rows.length : ROWS_PER_STEP;
        for (let from = 0; from < rows.length; from += step) {
          signal?.throwIfAborted();
          const part = rows.slice(from, from + step);
          if (t === 'library') await putRows(db, part as Backup['tables']['library']);
          else await db.table(t).bulkPut(part);
          done += part.length;
          onProgress?.({ phase: 'writing', done, total });
        }
      }
      signal?.throwIfAborted();
    });
  } catch (e) {
    // Requests cut short by their transaction's abort say only "aborted"; the transaction says why (a full disk).
    throw idbtrans?.error ?? e;
  }
}
