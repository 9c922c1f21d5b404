/**
 * A file as records, whatever its layout: a CSV (any encoding), a UHRI JSON array read a slice at
 * a time, or an Excel workbook's first sheet. `openSource` looks at the file and reads its header
 * (the first row, or the first JSON record's keys) before anything is written, so a file can be
 * refused, recognised, or sent to the column-mapping step; `records()` then reads the rest.
 */
import { decodeBytes, type TextEncodingName } from './encoding';
import { RefusedFile, refuseNonText, EXPECTED } from './formats';
import { JsonRecordSplitter, NotJsonRecords } from './json-records';
import { readExport } from './parse-export';
import { NotAWorkbook, sheetRows, type SheetRow } from './xlsx-rows';

/** A file to import, read by byte range: synchronously (the import runs in one IndexedDB transaction). */
export interface ImportFile {
  name: string;
  size: number;
  read(start: number, end: number): Uint8Array;
}

export const fileFromBytes = (name: string, bytes: Uint8Array): ImportFile => ({ name, size: bytes.length, read: (s, e) => bytes.subarray(s, e) });

/** One record: its cells (tables) or its value (JSON), or why it could not be read. */
export interface SourceRecord {
  line: number;
  /** JSON: the record's number in the list. */
  record?: number;
  cells?: readonly unknown[];
  problem?: string;
}

export interface SourceChunk {
  records: SourceRecord[];
  /** Bytes of the file read so far. */
  bytesRead: number;
}

export type SourceKind = 'csv' | 'json' | 'xlsx';

export interface OpenedSource {
  kind: SourceKind;
  encoding?: TextEncodingName;
  header: string[];
  /** The first rows after the header, for the column-mapping step's preview. */
  preview: string[][];
  records(): Generator<SourceChunk, void, void>;
}

const JSON_SLICE = 4 << 20;
const PREVIEW_ROWS = 5;

function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function firstSignificant(head: Uint8Array): number {
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === 0xef || c === 0xbb || c === 0xbf || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c;
  }
  return -1;
}

const previewOf = (rows: ReadonlyArray<readonly unknown[]>) => rows.slice(0, PREVIEW_ROWS).map((r) => r.map((c) => (c === null || c === undefined ? '' : Array.isArray(c) ? c.join('; ') : String(c)).slice(0, 200)));

/** JSON records as rows of cells in the order of the first record's keys (later keys are added as they appear). */
function openJson(file: ImportFile): OpenedSource {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const toCells = (value: Record<string, unknown>): unknown[] => {
    const cells: unknown[] = new Array(keys.length);
    for (const k in value) {
      let i = keyIndex.get(k);
      if (i === undefined) {
        keyIndex.set(k, (i = keys.length));
        keys.push(k);
      }
      cells[i] = value[k];
    }
    return cells;
  };
  const asRecord = (r: { record: number; line: number; value?: unknown; problem?: string }): SourceRecord => {
    if (r.problem) return { line: r.line, record: r.record, problem: r.problem };
    const v = r.value;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { line: r.line, record: r.record, problem: 'this entry is not a record (an object with named fields)' };
    return { line: r.line, record: r.record, cells: toCells(v as Record<string, unknown>) };
  };
  // The header: the keys of the first records (read again from the start by `records()`).
  const probe = new JsonRecordSplitter();
  const first: SourceRecord[] = [];
  try {
    for (let at = 0; at < file.size && first.length < PREVIEW_ROWS; at += JSON_SLICE) {
      for (const r of probe.push(file.read(at, Math.min(file.size, at + JSON_SLICE)))) first.push(asRecord(r));
    }
    if (!first.length) probe.end();
  } catch (e) {
    if (e instanceof NotJsonRecords) throw new RefusedFile(`“${file.name}” is JSON but not a list of records. ${e.message} ${EXPECTED}`);
    throw e;
  }
  const header = [...keys];
  return {
    kind: 'json',
    encoding: 'utf-8',
    header,
    preview: previewOf(first.filter((r) => r.cells).map((r) => r.cells!)),
    *records() {
      const splitter = new JsonRecordSplitter();
      for (let at = 0; at < file.size; at += JSON_SLICE) {
        const end = Math.min(file.size, at + JSON_SLICE);
        yield { records: splitter.push(file.read(at, end)).map(asRecord), bytesRead: end };
      }
      yield { records: splitter.end().map(asRecord), bytesRead: file.size };
    },
  };
}

function openCsv(file: ImportFile, bytes: Uint8Array): OpenedSource {
  const { text, encoding } = decodeBytes(bytes);
  const { start, chunks } = readExport(text);
  let firstChunk: ReturnType<typeof chunks> | undefined = chunks();
  const head = firstChunk.next();
  const firstRecords = head.done ? [] : head.value.records;
  return {
    kind: 'csv',
    encoding,
    header: start.header,
    preview: previewOf(firstRecords.map((r) => r.fields)),
    *records() {
      if (!firstChunk) throw new Error('records() reads a file once');
      const rest = firstChunk;
      firstChunk = undefined;
      const at = (fraction: number) => Math.round(fraction * file.size);
      if (!head.done) yield { records: head.value.records.map((r) => ({ line: r.line, cells: r.fields })), bytesRead: at(head.value.fraction) };
      for (const c of rest) yield { records: c.records.map((r) => ({ line: r.line, cells: r.fields })), bytesRead: at(c.fraction) };
    },
  };
}

/**
 * A workbook's rows are read (streamed through fflate and saxes) before the import's
 * transaction opens: reading a zip is asynchronous, and nothing but IndexedDB may be awaited
 * inside the transaction. Excel exports of a search are small enough to wait in memory as rows.
 */
async function openXlsx(file: ImportFile): Promise<OpenedSource> {
  const rows: SheetRow[] = [];
  try {
    for await (const batch of sheetRows(async (s, e) => file.read(s, e), file.size)) rows.push(...batch);
  } catch (e) {
    if (e instanceof NotAWorkbook) throw new RefusedFile(`“${file.name}” could not be read as an Excel workbook: ${e.message} ${EXPECTED}`);
    throw e;
  }
  const headerRow = rows.shift();
  if (!headerRow || !headerRow.cells.some((c) => c.trim())) throw new RefusedFile(`“${file.name}” has an empty first sheet. ${EXPECTED}`);
  return {
    kind: 'xlsx',
    header: headerRow.cells,
    preview: previewOf(rows.map((r) => r.cells)),
    *records() {
      const STEP = 2000;
      for (let i = 0; i < rows.length; i += STEP) {
        yield { records: rows.slice(i, i + STEP).map((r) => ({ line: r.line, cells: r.cells })), bytesRead: Math.round(file.size * Math.min(1, (i + STEP) / rows.length)) };
      }
    },
  };
}

/** The file opened as records, or RefusedFile saying plainly why not. */
export async function openSource(file: ImportFile): Promise<OpenedSource> {
  const head = file.read(0, Math.min(file.size, 8192));
  if (isZip(head) && /\.xlsx$/i.test(file.name)) return openXlsx(file);
  if (isZip(head) && !/\.(docx|zip|pptx)$/i.test(file.name)) {
    // A workbook saved under another name is still read; anything else zipped is refused below.
    try {
      return await openXlsx(file);
    } catch {
      /* not a workbook */
    }
  }
  refuseNonText(head, file.name);
  const c = firstSignificant(head);
  if (c === 0x5b || c === 0x7b) return openJson(file);
  return openCsv(file, file.read(0, file.size));
}
