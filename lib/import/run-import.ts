/**
 * One import, from a file's bytes to rows in the library.
 *
 * No half import: everything happens in ONE Dexie read-write transaction. It reads the row ids
 * already stored, then parses, validates and tags the file a chunk at a time, handing each
 * chunk's full blocks of rows (lib/library/store.ts) to IndexedDB before the next chunk is
 * parsed, so storing overlaps parsing; the import record
 * goes in last. Cancel throws inside the transaction, and a crash (panel closed, worker killed)
 * leaves it uncommitted: IndexedDB rolls the whole of it back, so the library is exactly as it
 * was before. Pure of browser APIs apart from the `db` passed in.
 */
import type { R2PDatabase } from '../db/database';
import { ROWS_PER_BLOCK } from '../db/library-blocks';
import type { ImportRow, LibraryRow } from '../db/rows';
import { addRows, existingIds, libraryTables } from '../library/store';
import type { RowTagger } from '../library/tag-row';
import { decodeBytes, type TextEncodingName } from './encoding';
import { refuseNonText, type ExportFormat } from './formats';
import { readExport } from './parse-export';
import { bytesHash } from './row-id';
import { recordContext, toRow } from './rows';
import type { StateLookup } from './state-names';

export interface ImportProgress {
  /** `saving` once the whole file is parsed and only writes are left. */
  phase: 'parsing' | 'saving';
  /** Rows parsed (phase parsing) or stored (phase saving) so far. */
  rowsDone: number;
  /** New rows written so far (inside the import's transaction: nothing is visible before the end). */
  rowsStored: number;
  /** New rows to store, known once parsing is over. */
  rowsTotal?: number;
  /** Overall share done, 0..1. */
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
  /**
   * Called once the transaction has committed, with the rows it added: the page can add them
   * to its search index instead of reading 40,000 rows back from IndexedDB.
   */
  onCommitted?: (rows: readonly LibraryRow[]) => void;
  /** Rows per stored block (lib/db/library-blocks.ts); each block is one write inside the transaction. */
  batchSize?: number;
  chunkSize?: number;
}

/** Refused rows kept in the summary; beyond this only the count grows (a wrong file would list thousands). */
const MAX_REFUSED_LISTED = 500;
/** Storing is the slower half in Chromium; parsing weighs this much of the progress bar. */
const PARSE_SHARE = 0.3;

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

  // The header is read and the format checked before anything is written.
  const { start, chunks } = readExport(text, { chunkSize: deps.chunkSize });
  const format: ExportFormat = start.format;
  const ctx = recordContext(start.format, start.header, lookup);
  const refused: RefusedRow[] = [];
  let refusedCount = 0;
  let rowsRead = 0;
  let duplicates = 0;
  let added = 0;
  let stored = 0;
  let parsedShare = 0;
  let total: number | undefined;
  const addedRows: LibraryRow[] = [];
  const blockSize = deps.batchSize ?? ROWS_PER_BLOCK;

  const report = () => {
    // Until parsing ends the row count is extrapolated from the share of text read.
    const expected = total ?? rowsRead / Math.max(parsedShare, 0.01);
    const storedShare = Math.min(1, (stored + duplicates + refusedCount) / Math.max(1, expected));
    onProgress?.({
      phase: total === undefined ? 'parsing' : 'saving',
      rowsDone: total === undefined ? rowsRead : stored,
      rowsStored: stored,
      rowsTotal: total === undefined ? undefined : added,
      fraction: PARSE_SHARE * parsedShare + (1 - PARSE_SHARE) * storedShare,
      rowsPerSecond: rate(total === undefined ? rowsRead : stored),
    });
  };

  await db.transaction('rw', [...libraryTables(db), db.imports], async () => {
    const existing = await existingIds(db);
    const seen = new Set<string>();
    let inFlight: Array<Promise<unknown>> = [];
    // Rows waiting to fill a block: blocks are cut across chunk boundaries, so every block but the last is full.
    let pending: LibraryRow[] = [];
    const write = (rows: LibraryRow[]) =>
      addRows(db, rows, blockSize).then(() => {
        stored += rows.length;
        report();
      });
    for (const chunk of chunks()) {
      for (const rec of chunk.records) {
        rowsRead++;
        const r = toRow(ctx, rec.fields);
        if (!r.ok) {
          refusedCount++;
          if (refused.length < MAX_REFUSED_LISTED) refused.push({ line: rec.line, reason: r.reason });
          continue;
        }
        if (seen.has(r.row.id) || existing.has(r.row.id)) {
          duplicates++;
          continue;
        }
        seen.add(r.row.id);
        // Completed in place: spreading a dozen properties into a new object cost more than parsing the row.
        const row: LibraryRow = Object.assign(r.row, tag(r.row.text), { importId });
        pending.push(row);
        added++;
        if (deps.onCommitted) addedRows.push(row);
      }
      parsedShare = chunk.fraction;
      // This chunk's blocks go out before waiting on the last chunk's: IndexedDB stores them
      // while the next is parsed. Waiting on IndexedDB (never on a timer, which would let the
      // transaction commit) is also when the worker takes in a Cancel message.
      const writes: Array<Promise<unknown>> = [];
      const full = pending.length - (pending.length % blockSize);
      for (let i = 0; i < full; i += blockSize) writes.push(write(pending.slice(i, i + blockSize)));
      pending = pending.slice(full);
      // A failed write rejects the transaction anyway; this only keeps the rejection from being reported as unhandled before it is awaited.
      for (const w of writes) w.catch(() => undefined);
      report();
      // With nothing in flight (a re-import of duplicates) a cheap read stands in, so Cancel still gets through between chunks.
      await (inFlight.length ? Promise.all(inFlight) : db.imports.get(importId));
      if (signal?.aborted) cancelled(signal);
      inFlight = writes;
    }
    if (pending.length) inFlight.push(write(pending));
    total = rowsRead;
    report();
    await Promise.all(inFlight);
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

  deps.onCommitted?.(addedRows);
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
