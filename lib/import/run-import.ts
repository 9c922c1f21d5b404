/**
 * One import of one or more files, from their bytes to rows in the library.
 *
 * First every file is opened (lib/import/sources.ts): refused plainly, recognised by its header
 * (lib/import/layouts.ts), or sent to the column-mapping step (`chooseColumns`; the choice is
 * remembered for that header). Nothing is written until all of that is settled, so nothing is
 * ever written from a refused file.
 *
 * Then no half import: everything is written in ONE Dexie read-write transaction. It reads the
 * keys of the rows already stored, then parses, validates and tags the files a chunk at a time,
 * handing each chunk's full blocks of rows (lib/library/store.ts) to IndexedDB before the next
 * chunk is parsed, so storing overlaps parsing; the rows go into the library's search index as
 * they are written (lib/library/index-snapshot.ts), and the index and one import record per file
 * go in last. Cancel
 * throws inside the transaction, and a crash (panel closed, worker killed) or a full disk leaves
 * it uncommitted: IndexedDB rolls the whole of it back, so the library is exactly as it was.
 *
 * A row is a duplicate when a row with its UHRI annotation id is there already (in the library
 * or earlier in these files), or, for rows without one, when a row with the same text, States and
 * session is (lib/import/row-id.ts `contentKey`). Pure of browser APIs apart from the `db` passed in.
 */
import Dexie from 'dexie';
import type { R2PDatabase } from '../db/database';
import { ROWS_PER_BLOCK } from '../db/library-blocks';
import type { ImportRow, LibraryRow } from '../db/rows';
import { IndexBuilder } from '../library/index-snapshot';
import { addBlock, libraryTables, rebuildIndex, RowKeys, saveIndex, storedIndex, storedKeys } from '../library/store';
import type { RowTagger } from '../library/tag-row';
import type { TextEncodingName } from './encoding';
import { EXPECTED, RefusedFile } from './formats';
import { detectLayout, headerSignature, mappedLayout, missingFields, type Columns, type Layout } from './layouts';
import { bytesHash, contentKey } from './row-id';
import { parseRecord, type RecordContext } from './rows';
import { tagBatch, type TaggedBatch } from './tag-batch';
import { openSource, type ImportFile, type OpenedSource, type SourceKind } from './sources';
import type { StateLookup } from './state-names';

export interface ImportProgress {
  /** `saving` once every file is read and only writes are left. */
  phase: 'parsing' | 'saving';
  /** Rows read so far (all files). */
  rowsDone: number;
  /** New rows written so far (inside the import's transaction: nothing is visible before the end). */
  rowsStored: number;
  /** New rows to store, known once reading is over. */
  rowsTotal?: number;
  /** Overall share done, 0..1, by bytes read across all files. */
  fraction: number;
  rowsPerSecond: number;
  /** The file being read, and how many there are. */
  fileName?: string;
  fileIndex?: number;
  fileCount?: number;
}

export interface RefusedRow {
  /** The file, when several were imported together. */
  file?: string;
  /** Line of the file (tables: the row number a spreadsheet shows, header = 1). */
  line: number;
  /** JSON: the record's number in the list. */
  record?: number;
  reason: string;
}

export interface FileSummary {
  fileName: string;
  /** The layout read ("UPR Info database", "OHCHR Universal Human Rights Index", "your column choices"). */
  layout?: string;
  kind?: SourceKind;
  encoding?: TextEncodingName;
  rowsRead: number;
  rowsAdded: number;
  duplicates: number;
  refusedCount: number;
  /** Set when the whole file was refused (nothing was read from it). */
  refusal?: string;
}

export interface ImportSummary {
  importIds: string[];
  /** The file's name, or "3 files". */
  fileName: string;
  files: FileSummary[];
  rowsRead: number;
  rowsAdded: number;
  duplicates: number;
  /** The first refused rows (up to 500), with file, line and reason. */
  refused: RefusedRow[];
  refusedCount: number;
  seconds: number;
  rowsPerSecond: number;
}

/** What the mapping step shows: the file's header and first rows. */
export interface MappingQuestion {
  fileName: string;
  header: string[];
  preview: string[][];
}

export interface ImportDeps {
  db: R2PDatabase;
  tag: RowTagger;
  lookup: StateLookup;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** The column-mapping step: the user's choice of columns, or null to leave the file out. */
  chooseColumns?: (q: MappingQuestion) => Promise<Columns | null>;
  now?: () => number;
  /**
   * Tags a batch of texts and splits their words in helper workers (lib/import/tag-worker.ts),
   * beside this thread; without it, `tag` does it here.
   */
  tagBatch?: (texts: string[]) => Promise<TaggedBatch>;
  /** Rows per stored block (lib/db/library-blocks.ts); each block is one write inside the transaction. */
  batchSize?: number;
}

/** Refused rows kept in the summary; beyond this only the count grows (a wrong file would list thousands). */
const MAX_REFUSED_LISTED = 500;
/** A helper that takes longer than this over one batch has died: the import fails (and keeps nothing). */
const TAG_TIMEOUT_MS = 120_000;
/** Reading weighs this much of the progress bar; the last writes and the commit the rest. */
const READ_SHARE = 0.9;

function cancelled(signal?: AbortSignal): never {
  throw signal?.reason instanceof Error ? signal.reason : new DOMException('The import was cancelled.', 'AbortError');
}

interface Planned {
  file: ImportFile;
  source: OpenedSource;
  layout: Layout;
  columns: Columns;
  summary: FileSummary;
  importId: string;
}

/** The column choices remembered for a header, if the user made them before. */
async function rememberedColumns(db: R2PDatabase, header: readonly string[]): Promise<Columns | undefined> {
  return (await db.columnMappings.get(headerSignature(header)))?.columns;
}

/** Opens a file and settles its layout: known, remembered, chosen now, or refused (RefusedFile). */
async function plan(file: ImportFile, deps: ImportDeps, stamp: string): Promise<Planned> {
  const source = await openSource(file);
  const summary: FileSummary = { fileName: file.name, kind: source.kind, encoding: source.encoding, rowsRead: 0, rowsAdded: 0, duplicates: 0, refusedCount: 0 };
  const importId = `imp-${bytesHash(file.read(0, Math.min(file.size, 1 << 20)))}-${file.size.toString(36)}-${stamp}`;
  const known = detectLayout(source.header);
  if (known) return { file, source, ...known, summary: { ...summary, layout: known.layout.name }, importId };
  const layout = mappedLayout();
  let columns = await rememberedColumns(deps.db, source.header);
  if (!columns && deps.chooseColumns) {
    const chosen = await deps.chooseColumns({ fileName: file.name, header: source.header, preview: source.preview });
    if (deps.signal?.aborted) cancelled(deps.signal);
    if (!chosen) throw new RefusedFile(`“${file.name}” was not imported: its columns were not chosen.`);
    columns = chosen;
    await deps.db.columnMappings.put({ id: headerSignature(source.header), header: source.header, columns, savedAt: Date.now() });
  }
  if (!columns || missingFields(layout, columns).length) {
    const seen = source.header.filter((h) => h.trim()).slice(0, 8).map((h) => `“${h.trim().slice(0, 40)}”`);
    throw new RefusedFile(`“${file.name}” does not have the columns of a known export${seen.length ? ` (its first line reads ${seen.join(', ')})` : ''}. ${EXPECTED}`);
  }
  return { file, source, layout, columns, summary: { ...summary, layout: layout.name }, importId };
}

export async function importFiles(files: readonly ImportFile[], deps: ImportDeps): Promise<ImportSummary> {
  const { db, tag, lookup, signal, onProgress } = deps;
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const rate = (n: number) => n / Math.max(0.001, (now() - started) / 1000);
  if (signal?.aborted) cancelled(signal);

  // Every file opened and its layout settled before anything is written.
  const stamp = Date.now().toString(36);
  const planned: Planned[] = [];
  const summaries: FileSummary[] = [];
  const refusals: string[] = [];
  for (const file of files) {
    try {
      const p = await plan(file, deps, stamp);
      planned.push(p);
      summaries.push(p.summary);
    } catch (e) {
      if (!(e instanceof RefusedFile)) throw e;
      refusals.push(e.message);
      summaries.push({ fileName: file.name, rowsRead: 0, rowsAdded: 0, duplicates: 0, refusedCount: 0, refusal: e.message });
    }
    if (signal?.aborted) cancelled(signal);
  }
  if (!planned.length) throw new RefusedFile(refusals.join(' '));

  const totalBytes = planned.reduce((s, p) => s + p.file.size, 0) || 1;
  const refused: RefusedRow[] = [];
  let refusedCount = 0;
  let rowsRead = 0;
  let duplicates = 0;
  let added = 0;
  let stored = 0;
  let bytesBefore = 0;
  let bytesRead = 0;
  let reading = true;
  let current: Planned | undefined;
  const blockSize = deps.batchSize ?? ROWS_PER_BLOCK;
  const several = files.length > 1;

  const report = () => {
    const readShare = Math.min(1, (bytesBefore + bytesRead) / totalBytes);
    onProgress?.({
      phase: reading ? 'parsing' : 'saving',
      rowsDone: reading ? rowsRead : stored,
      rowsStored: stored,
      rowsTotal: reading ? undefined : added,
      fraction: reading ? READ_SHARE * readShare : READ_SHARE + (1 - READ_SHARE) * (stored / Math.max(1, added)),
      rowsPerSecond: rate(reading ? rowsRead : stored),
      fileName: current?.file.name,
      fileIndex: current ? planned.indexOf(current) : undefined,
      fileCount: planned.length,
    });
  };

  await db.transaction('rw', [...libraryTables(db), db.imports], async () => {
    // The stored index and duplicate keys grow with the rows, and are stored with them at the end.
    let start = await storedIndex(db);
    let startKeys = start && (await storedKeys(db));
    if ((!start || !startKeys) && (await db.libraryBlocks.count())) ({ index: start, keys: startKeys } = await rebuildIndex(db));
    const builder = new IndexBuilder(start);
    const keys = RowKeys.from(startKeys);
    start = undefined;
    startKeys = undefined;
    let inFlight: Array<Promise<unknown>> = [];
    const write = (rows: LibraryRow[], importId: string, first: number) =>
      addBlock(db, rows, importId).then((key) => {
        builder.addBlock(key, first);
        stored += rows.length;
        report();
      });
    for (const p of planned) {
      current = p;
      bytesRead = 0;
      const ctx: RecordContext = { layout: p.layout, columns: p.columns, header: p.source.header, lookup };
      // Rows waiting to fill a block (every block but a file's last is full), and the index position of the first.
      let pending: LibraryRow[] = [];
      let pendingFirst = builder.size;
      // The last chunk's rows while helpers tag them: taken in when the next chunk is read.
      let waiting: { rows: LibraryRow[]; tagged: TaggedBatch | Promise<TaggedBatch> } | undefined;
      const takeIn = async () => {
        if (!waiting) return;
        const { rows, tagged } = waiting;
        waiting = undefined;
        // Waiting on a helper is no IndexedDB wait: Dexie keeps the transaction alive meanwhile.
        const batch = tagged instanceof Promise ? await Dexie.waitFor(tagged, TAG_TIMEOUT_MS) : tagged;
        const termKeys = builder.termKeys(batch.terms);
        if (!pending.length) pendingFirst = builder.size;
        rows.forEach((row, r) => {
          // Completed in place: spreading a dozen properties into a new object cost more than parsing the row.
          Object.assign(row, batch.tags[r]);
          builder.addSplit(row, batch, r, termKeys);
          pending.push(row);
        });
      };
      const flush = (all: boolean) => {
        const writes: Array<Promise<unknown>> = [];
        const full = all ? pending.length : pending.length - (pending.length % blockSize);
        for (let i = 0; i < full; i += blockSize) writes.push(write(pending.slice(i, i + blockSize), p.importId, pendingFirst + i));
        pending = pending.slice(full);
        pendingFirst += full;
        // A failed write rejects the transaction anyway; this only keeps the rejection from being reported as unhandled before it is awaited.
        for (const w of writes) w.catch(() => undefined);
        return writes;
      };
      for (const chunk of p.source.records()) {
        const fresh: LibraryRow[] = [];
        for (const rec of chunk.records) {
          rowsRead++;
          p.summary.rowsRead++;
          const r = parseRecord(ctx, rec);
          if (r.ok) {
            const row = r.row;
            if (keys.isDuplicate(row.id, contentKey(row), !!row.annotationId)) {
              duplicates++;
              p.summary.duplicates++;
              continue;
            }
            fresh.push(Object.assign(row, { concepts: [], riskFactors: [], relevant: 0 as const, importId: p.importId }));
            added++;
            p.summary.rowsAdded++;
            continue;
          }
          refusedCount++;
          p.summary.refusedCount++;
          if (refused.length < MAX_REFUSED_LISTED) refused.push({ ...(several ? { file: p.file.name } : {}), line: rec.line, ...(rec.record ? { record: rec.record } : {}), reason: r.reason });
        }
        bytesRead = chunk.bytesRead;
        // This chunk goes to the helpers while the last one's rows are indexed and written.
        const texts = fresh.map((r) => r.text);
        const next = { rows: fresh, tagged: deps.tagBatch ? deps.tagBatch(texts) : tagBatch(texts, tag) };
        await takeIn();
        waiting = next;
        // Blocks go out before waiting on the last chunk's: IndexedDB stores them while the next
        // chunk is parsed. Waiting on IndexedDB (never on a timer, which would let the transaction
        // commit) is also when the worker takes in a Cancel message.
        const writes = flush(false);
        report();
        // With nothing in flight (a re-import of duplicates) a cheap read stands in, so Cancel still gets through between chunks.
        await (inFlight.length ? Promise.all(inFlight) : db.imports.get(p.importId));
        if (signal?.aborted) cancelled(signal);
        inFlight = writes;
      }
      await takeIn();
      inFlight.push(...flush(true));
      bytesBefore += p.file.size;
      bytesRead = 0;
    }
    reading = false;
    report();
    await Promise.all(inFlight);
    if (signal?.aborted) cancelled(signal);
    const records: ImportRow[] = planned.map((p) => ({
      id: p.importId,
      fileName: p.file.name,
      fileHash: p.importId.split('-')[1]!,
      format: p.layout.id,
      encoding: p.source.encoding ?? p.source.kind,
      rowsAdded: p.summary.rowsAdded,
      duplicates: p.summary.duplicates,
      refused: p.summary.refusedCount,
      importedAt: Date.now(),
    }));
    await db.imports.bulkPut(records);
    if (added) await saveIndex(db, builder.finish(), keys.snapshot());
  });

  const seconds = (now() - started) / 1000;
  return {
    importIds: planned.map((p) => p.importId),
    fileName: files.length === 1 ? files[0]!.name : `${files.length} files`,
    files: summaries,
    rowsRead,
    rowsAdded: added,
    duplicates,
    refused,
    refusedCount,
    seconds,
    rowsPerSecond: rowsRead / Math.max(0.001, seconds),
  };
}

/** One file's bytes imported (tests, bench). */
export function importExport(file: { bytes: Uint8Array; name: string }, deps: ImportDeps): Promise<ImportSummary> {
  return importFiles([{ name: file.name, size: file.bytes.length, read: (s, e) => file.bytes.subarray(s, e) }], deps);
}

