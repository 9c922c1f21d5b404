/**
 * Streaming CSV parse of an export's decoded text with Papa Parse: records arrive in chunks.
 * `readExport` hands them out synchronously, one chunk per step, so the import can parse the
 * next chunk while IndexedDB stores the last one inside a single transaction (a timer or any
 * non-IndexedDB wait there would let the transaction commit early). `parseExport` is the same
 * as callbacks, awaiting each. Pure: no browser API, so Node tests use it as the worker does.
 */
import Papa from 'papaparse';
import { RefusedFile, EXPECTED } from './formats';

export interface ParsedChunk {
  /** Records of this chunk (the header excluded), each with its line as a spreadsheet numbers it (header = 1). */
  records: Array<{ line: number; fields: string[] }>;
  /** Share of the text read so far, 0..1. */
  fraction: number;
}

export interface ParseStart {
  header: string[];
}

const DEFAULT_CHUNK = 256 * 1024;

/**
 * Reads the header at once (throwing RefusedFile for a file without one); `chunks()` then parses
 * the rest a chunk at a time as it is iterated.
 */
export function readExport(text: string, options: { chunkSize?: number } = {}): { start: ParseStart; chunks: () => Generator<ParsedChunk, void, void> } {
  let pending: string[][] | undefined;
  let cursor = 0;
  let parser: Papa.Parser | undefined;
  let complete = false;
  // Papa parses a string synchronously; pausing in `chunk` stops it there, `resume` parses the
  // next chunk (calling `chunk` again) before it returns.
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
    chunk(results: Papa.ParseResult<string[]>, p: Papa.Parser) {
      pending = results.data;
      cursor = results.meta.cursor;
      parser = p;
      p.pause();
    },
    complete() {
      complete = true;
    },
  });
  const first = pending;
  pending = undefined;
  if (!first?.length || !first[0]!.some((h) => h.trim())) throw new RefusedFile(`The file holds no header line. ${EXPECTED}`);
  const header = first[0]!;
  const start = { header };
  let line = 1;

  function* chunks(): Generator<ParsedChunk, void, void> {
    let rows = first!.slice(1);
    for (;;) {
      yield { records: rows.map((fields) => ({ line: ++line, fields })), fraction: Math.min(1, cursor / Math.max(1, text.length)) };
      if (complete || !parser) return;
      parser.resume();
      if (pending === undefined) {
        if (complete) return;
        // Papa resumes later, on a timer, when it had not halted: never expected here, and rows must not go missing.
        throw new Error('The CSV parser stopped before the end of the file.');
      }
      rows = pending;
      pending = undefined;
    }
  }
  return { start, chunks };
}

/**
 * Calls `onStart` with the detected format once the header is read (rejecting with RefusedFile
 * for a file that is not an export), then `onChunk` for each chunk of records, awaiting each.
 */
export async function parseExport(
  text: string,
  handlers: { onStart: (s: ParseStart) => void; onChunk: (c: ParsedChunk) => Promise<void> | void },
  options: { chunkSize?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const { start, chunks } = readExport(text, options);
  handlers.onStart(start);
  for (const chunk of chunks()) {
    if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('Cancelled', 'AbortError');
    await handlers.onChunk(chunk);
  }
}
