/**
 * The rows of an Excel workbook's first sheet, streamed: UHRI's Excel export (and its full data
 * set, also offered as .xlsx) is read a chunk at a time, never unpacked whole.
 *
 * No spreadsheet library streams in a browser: ExcelJS's streaming reader needs Node streams and
 * is left out of its browser build; SheetJS reads the whole workbook into memory (and its npm
 * release is years old). So two small, well-kept streaming libraries do the work: fflate unzips
 * (its `Unzip` inflates one entry as bytes arrive, 8 kB) and saxes parses the XML as it comes
 * (the parser jsdom uses). What is ours is the sheet's few elements: a row, its cells, a cell's
 * shared string or inline text.
 *
 * A workbook keeps repeated texts in `xl/sharedStrings.xml`, which Excel often writes after the
 * sheet; so the zip is read twice: once for the shared strings, once for the sheet.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type ReadBytes = (start: number, end: number) => Promise<Uint8Array>;

const CHUNK = 1 << 20;
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

export class NotAWorkbook extends Error {
  override name = 'NotAWorkbook';
}

/**
 * Streams the zip's bytes through fflate, handing the inflated bytes of the first entry `want`
 * accepts to `onData`, and yields after each chunk of the file (the caller may hand rows on
 * there); stops reading once that entry is complete. `entry.found` tells whether one matched.
 */
function inflateEntry(read: ReadBytes, size: number, want: (name: string) => boolean, onData: (bytes: Uint8Array, final: boolean) => void) {
  const entry = { found: false };
  async function* chunks(): AsyncGenerator<number, void, void> {
    let done = false;
    let failure: unknown;
    const unzip = new Unzip((file: UnzipFile) => {
      if (entry.found || !want(file.name)) return;
      entry.found = true;
      file.ondata = (err, data, final) => {
        if (err) failure = err;
        else {
          try {
            onData(data, final);
          } catch (e) {
            failure = e;
          }
        }
        if (final) done = true;
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    for (let at = 0; at < size && !done; at += CHUNK) {
      const bytes = await read(at, Math.min(size, at + CHUNK));
      try {
        unzip.push(bytes, at + CHUNK >= size);
      } catch (e) {
        failure = e;
      }
      if (failure) throw new NotAWorkbook(`The workbook is damaged (${failure instanceof Error ? failure.message : String(failure)}).`);
      yield Math.min(size, at + CHUNK);
    }
  }
  return { entry, chunks };
}

/** An XML parser fed from inflated bytes. */
function xmlFeeder(parser: SaxesParser): (bytes: Uint8Array, final: boolean) => void {
  const decoder = new TextDecoder('utf-8');
  return (bytes, final) => {
    parser.write(decoder.decode(bytes, { stream: !final }));
    if (final) parser.close();
  };
}

/** The shared strings table: each `<si>`'s text runs joined (phonetic guides left out). */
async function sharedStrings(read: ReadBytes, size: number): Promise<string[]> {
  const strings: string[] = [];
  const parser = new SaxesParser();
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (t: SaxesTagPlain) => {
    if (t.name === 'si') current = [];
    else if (t.name === 'rPh') phonetic++;
    else if (t.name === 't' && current && !phonetic) inText = true;
  });
  parser.on('text', (x) => {
    if (inText) current!.push(x);
  });
  parser.on('closetag', (t: SaxesTagPlain) => {
    if (t.name === 't') inText = false;
    else if (t.name === 'rPh') phonetic--;
    else if (t.name === 'si') {
      strings.push(current!.join(''));
      current = undefined;
    }
  });
  for await (const _ of inflateEntry(read, size, (n) => n === 'xl/sharedStrings.xml', xmlFeeder(parser)).chunks());
  return strings;
}

/** "BC12" → 54 (0-based column). */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

export interface SheetRow {
  /** The row number Excel shows. */
  line: number;
  cells: string[];
}

/**
 * The first sheet's rows in batches (the header is the first row), as the sheet streams in: each
 * batch is awaited, so the sheet is parsed as fast as rows are taken (at most a chunk of rows
 * waits in memory). `onProgress` gets the bytes of the file read so far (the second pass).
 */
export async function* sheetRows(read: ReadBytes, size: number, onProgress?: (bytesRead: number) => void): AsyncGenerator<SheetRow[], void, void> {
  const strings = await sharedStrings(read, size);
  const parser = new SaxesParser();
  let batch: SheetRow[] = [];
  let row: string[] | undefined;
  let rowNumber = 0;
  let col = 0;
  let type = '';
  let value: string[] = [];
  let inValue = false;
  parser.on('opentag', (t: SaxesTagPlain) => {
    if (t.name === 'row') {
      rowNumber = Number(t.attributes.r) || rowNumber + 1;
      row = [];
      col = 0;
    } else if (t.name === 'c') {
      const r = t.attributes.r;
      if (typeof r === 'string' && r) col = columnOf(r);
      type = String(t.attributes.t ?? '');
      value = [];
    } else if (t.name === 'v' || t.name === 't') inValue = true;
  });
  parser.on('text', (x) => {
    if (inValue) value.push(x);
  });
  parser.on('closetag', (t: SaxesTagPlain) => {
    if (t.name === 'v' || t.name === 't') inValue = false;
    else if (t.name === 'c') {
      const raw = value.join('');
      const cell = type === 's' ? (strings[Number(raw)] ?? '') : type === 'b' ? (raw === '1' ? 'TRUE' : 'FALSE') : type === 'e' ? '' : raw;
      if (row) row[col] = cell;
      col++;
    } else if (t.name === 'row') {
      if (row) batch.push({ line: rowNumber, cells: Array.from(row, (c) => c ?? '') });
      row = undefined;
    }
  });
  const { entry, chunks } = inflateEntry(read, size, (n) => SHEET.test(n), xmlFeeder(parser));
  for await (const bytesRead of chunks()) {
    onProgress?.(bytesRead);
    if (batch.length) {
      const out = batch;
      batch = [];
      yield out;
    }
  }
  if (!entry.found) throw new NotAWorkbook('The workbook has no sheet.');
  if (batch.length) yield batch;
}
