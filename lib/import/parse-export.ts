/**
 * Streaming CSV parse of an export's decoded text with Papa Parse: records arrive in chunks, and
 * the caller may await between chunks (to report progress, to notice Cancel). Pure: no browser API,
 * so Node tests use it as the worker does.
 */
import Papa from 'papaparse';
import { detectFormat, RefusedFile, EXPECTED, type ExportFormat } from './formats';

export interface ParsedChunk {
  /** Records of this chunk (the header excluded), each with its line as a spreadsheet numbers it (header = 1). */
  records: Array<{ line: number; fields: string[] }>;
  /** Share of the text read so far, 0..1. */
  fraction: number;
}

export interface ParseStart {
  format: ExportFormat;
  header: string[];
}

/**
 * Calls `onStart` with the detected format once the header is read (throwing RefusedFile for a file
 * that is not an export), then `onChunk` for each chunk of records, awaiting each.
 */
export function parseExport(
  text: string,
  handlers: { onStart: (s: ParseStart) => void; onChunk: (c: ParsedChunk) => Promise<void> | void },
  options: { chunkSize?: number; signal?: AbortSignal } = {},
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let header: string[] | undefined;
    let line = 1;
    let failed = false;
    const fail = (e: unknown, parser?: Papa.Parser) => {
      if (failed) return;
      failed = true;
      parser?.abort();
      reject(e);
    };
    Papa.parse<string[]>(text, {
      header: false,
      skipEmptyLines: 'greedy',
      chunkSize: options.chunkSize ?? 256 * 1024,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (failed) return;
        if (options.signal?.aborted) return fail(options.signal.reason ?? new DOMException('Cancelled', 'AbortError'), parser);
        let rows = results.data;
        if (!header) {
          const first = rows[0] ?? [];
          header = first;
          rows = rows.slice(1);
          try {
            handlers.onStart({ format: detectFormat(first), header: first });
          } catch (e) {
            return fail(e, parser);
          }
        }
        const records = rows.map((fields: string[]) => ({ line: ++line, fields }));
        const fraction = Math.min(1, results.meta.cursor / Math.max(1, text.length));
        parser.pause();
        Promise.resolve()
          .then(() => handlers.onChunk({ records, fraction }))
          .then(() => !failed && parser.resume(), (e) => fail(e, parser));
      },
      complete() {
        if (failed) return;
        if (!header) return fail(new RefusedFile(`The file holds no header line. ${EXPECTED}`));
        resolve();
      },
    });
  });
}
