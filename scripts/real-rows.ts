/** The real coded UPR rows of UPR Info's older exports beside the project (../shared/data, or R2P_SHARED_DATA): for fixtures and the bench only. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { decodeBytes } from '../lib/import/encoding';
import type { RealRow } from '../tests/fixtures/library-writers';

export const SHARED_DATA = process.env.R2P_SHARED_DATA ?? resolve(import.meta.dirname, '../../shared/data');

export function readRealRows(file: string): RealRow[] {
  const { text } = decodeBytes(new Uint8Array(readFileSync(resolve(SHARED_DATA, file))));
  const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  const col = (name: string) => header!.indexOf(name);
  const [to, tx, fr, re, ac, is, se] = ['To', 'Text', 'From', 'Response', 'Action', 'Issue', 'Session'].map(col);
  return rows.map((r) => ({
    sur: r[to!]!,
    text: r[tx!]!.trim(),
    from: r[fr!]!,
    response: r[re!]!,
    action: r[ac!]!,
    issues: r[is!]!.split(',').map((t) => t.trim()).filter(Boolean),
    session: Number(r[se!]),
  }));
}
