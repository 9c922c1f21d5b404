/**
 * The benchmark's files: the real 6,094-row UPR Info export, and a larger one built from it in
 * the same shape (Mac Roman, CR line endings): each copy of the rows moves 5 sessions on, so
 * every row stays distinct and sessions run 1..35 as in real exports.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const SAMPLE_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/data/upr-info-sessions-1-5.csv');

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE_PATH));
}

function macRomanEncoder(): (text: string) => Uint8Array {
  const decoder = new TextDecoder('macintosh');
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) map.set(decoder.decode(Uint8Array.of(b)), b);
  return (text) => {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[i] = c < 0x80 ? c : (map.get(text[i]!) ?? 0x3f);
    }
    return out;
  };
}

/** An export of `rows` rows built from the sample, as UPR Info would write it. */
export function largeExport(rows: number): Uint8Array {
  const text = new TextDecoder('macintosh').decode(sampleBytes());
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  const [header, ...records] = parsed;
  const sessionCol = header!.indexOf('Session');
  const out: string[][] = [];
  for (let copy = 0; out.length < rows; copy++) {
    for (const r of records) {
      if (out.length >= rows) break;
      const c = [...r];
      c[sessionCol] = String(Number(r[sessionCol]) + 5 * copy);
      out.push(c);
    }
  }
  return macRomanEncoder()(Papa.unparse({ fields: header!, data: out }, { newline: '\r' }));
}
