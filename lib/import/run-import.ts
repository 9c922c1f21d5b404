/**
 * One import, from a file's bytes to rows in the library.
 *
 * No half import: rows are parsed, validated and tagged first (in memory, cancellable between
 * chunks); then ONE Dexie read-write transaction checks for duplicates and writes every row in
 * batches, plus the import record. Cancel during that transaction throws inside it, and a crash
 * (panel closed, worker killed) leaves it uncommitted: IndexedDB rolls the whole of it back, so
 * the library is exactly as it was before. Pure of browser APIs apart from the `db` passed in.
 */
import type { R2PDatabase } from '../db/database';
import type { ImportRow, LibraryRow } from '../db/rows';
import type { RowTagger } from '../library/tag-row';
import { decodeBytes, type TextEncodingName } from './encoding';
import { refuseNonText, type ExportFormat } from './formats';
import { parseExport } from './parse-export';
import { bytesHash } from './row-id';
import { recordContext, toRow, type RecordContext } from './rows';
import type { StateLookup } from './state-names';

export interface ImportProgress {
  phase: 'parsing' | 'saving';
  /** Rows parsed (phase parsing) or stored (phase saving) so far. */
  rowsDone: number;
  /** Rows in the file, known once parsing is over. */
  rowsTotal?: number;
  /** Overall share done, 0..1 (parsing counts for the first 60 %). */
  fraction: number;
  rowsPerSecond: number;
}

export interface RefusedRow {
  line: number;
  reason: string;
}

export interface ImportSummary {
  importId: string;
  fileName: string;
  format: ExportFormat;
  encoding: TextEncodingName;
  rowsRead: number;
  rowsAdded: number;
  duplicates: number;
  /** The first refused rows (up to 500), with line and reason. */
  refused: RefusedRow[];
  refusedCount: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportDeps {
  db: R2PDatabase;
  tag: RowTagger;
  lookup: StateLookup;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  now?: () => number;
  /** Rows per write inside the transaction. */
  batchSize?: number;
  chunkSize?: number;
}

/** Refused rows kept in the summary; beyond this only the count grows (a wrong file would list thousands). */
const MAX_REFUSED_LISTED = 500;
const PARSE_SHARE = 0.6;

function cancelled(signal?: AbortSignal): never {
  throw signal?.reason instanceof Error ? signal.reason : new DOMException('The import was cancelled.', 'AbortError');
}

export async function importExport(file: { bytes: Uint8Array; name: string }, deps: ImportDeps): Promise<ImportSummary> {
  const { db, tag, lookup, signal, onProgress } = deps;
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const rate = (n: number) => n / Math.max(0.001, (now() - started) / 1000);
  if (signal?.aborted) cancelled(signal);

  refuseNonText(file.bytes, file.name);
  const { text, encoding } = decodeBytes(file.bytes);
  const fileHash = bytesHash(file.bytes);
  const importId = `imp-${fileHash}-${Date.now().toString(36)}`;

  let ctx: RecordContext | undefined;
  let format: ExportFormat = 'upr-info';
  const rows = new Map<string, LibraryRow>();
  const refused: RefusedRow[] = [];
  let refusedCount = 0;
  let rowsRead = 0;
  let duplicates = 0;

  await parseExport(
    text,
    {
      onStart(s) {
        format = s.format;
        ctx = recordContext(s.format, s.header, lookup);
      },
      async onChunk(chunk) {
        for (const rec of chunk.records) {
          rowsRead++;
          const r = toRow(ctx!, rec.fields);
          if (!r.ok) {
            refusedCount++;
            if (refused.length < MAX_REFUSED_LISTED) refused.push({ line: rec.line, reason: r.reason });
            continue;
          }
          if (rows.has(r.row.id)) {
            duplicates++;
            continue;
          }
          rows.set(r.row.id, { ...r.row, ...tag(r.row.text), importId });
        }
        onProgress?.({ phase: 'parsing', rowsDone: rowsRead, fraction: chunk.fraction * PARSE_SHARE, rowsPerSecond: rate(rowsRead) });
        // Let the Cancel message (and anything else queued) through between chunks.
        await new Promise((r) => setTimeout(r, 0));
        if (signal?.aborted) cancelled(signal);
      },
    },
    { signal, chunkSize: deps.chunkSize },
  );

  const all = [...rows.values()];
  const batchSize = deps.batchSize ?? 2000;
  let added = 0;
  let stored = 0;
  await db.transaction('rw', db.library, db.imports, async () => {
    // All keys at once: one index walk, far cheaper than a lookup per batch (anyOf walks a
    // cursor per key, and fake-indexeddb makes that quadratic).
    const existing = new Set(await db.library.toCollection().primaryKeys());
    for (let i = 0; i < all.length; i += batchSize) {
      if (signal?.aborted) cancelled(signal);
      const batch = all.slice(i, i + batchSize);
      const fresh = existing.size ? batch.filter((r) => !existing.has(r.id)) : batch;
      if (fresh.length) await db.library.bulkAdd(fresh);
      added += fresh.length;
      duplicates += batch.length - fresh.length;
      stored += batch.length;
      onProgress?.({
        phase: 'saving',
        rowsDone: stored,
        rowsTotal: all.length,
        fraction: PARSE_SHARE + (1 - PARSE_SHARE) * (stored / Math.max(1, all.length)),
        rowsPerSecond: rate(rowsRead),
      });
    }
    if (signal?.aborted) cancelled(signal);
    const record: ImportRow = {
      id: importId,
      fileName: file.name,
      fileHash,
      format,
      encoding,
      rowsAdded: added,
      duplicates,
      refused: refusedCount,
      importedAt: Date.now(),
    };
    await db.imports.put(record);
  });

  const seconds = (now() - started) / 1000;
  return {
    importId,
    fileName: file.name,
    format,
    encoding,
    rowsRead,
    rowsAdded: added,
    duplicates,
    refused,
    refusedCount,
    seconds,
    rowsPerSecond: rowsRead / Math.max(0.001, seconds),
  };
}
