/**
 * UPR library: import speed (parse + validate + tag, and storing), search latency at 40,000
 * rows with and without filters, memory. Node figures here; Chromium figures (the real
 * IndexedDB, the import worker, the UI) in bench/library-chromium.ts when a build and Chromium exist.
 * Goals (issue 5): 40,000 rows imported in under 4 s in Chromium; search p95 under 50 ms.
 */
import 'fake-indexeddb/auto';
import Fuse from 'fuse.js';
import { knowledgeBase } from '../lib/catalogue/knowledge';
import { openDatabase } from '../lib/db/database';
import type { LibraryRow } from '../lib/db/rows';
import { detectLayout } from '../lib/import/layouts';
import { parseRecord } from '../lib/import/rows';
import { importExport } from '../lib/import/run-import';
import { fileFromBytes, openSource } from '../lib/import/sources';
import { stateLookup } from '../lib/import/state-names';
import { bundledTagger } from '../lib/library/bundled-tagger';
import { LibraryIndex, type LibraryFilters } from '../lib/library/search-index';
import { benchLibraryChromium } from './library-chromium';
import { largeExport, sampleBytes } from './library-data';
import { ms, summarise } from './stats';

const QUERIES = [
  'torture', 'enforced disappearances', 'death penalty', 'rights of the child', 'human rights defenders',
  'Rome Statute', 'genocide convension', 'impunity', 'freedom of expression', 'national human rights institution',
  'trafficking', 'women', 'minorities', 'extrajudicial executions', 'internally displaced', 'hate speech',
  'ratify the optional protocol', 'independence of the judiciary', 'Hissène Habré', 'special procedures standing invitation',
];
const FILTERS: LibraryFilters = { sessionFrom: 10, sessionTo: 30, response: 'supported', relevantOnly: true };
const nf = new Intl.NumberFormat('en-GB');

/** Parse, validate and tag in memory: the import's CPU work without storage. */
async function parseAndTag(bytes: Uint8Array): Promise<{ rows: LibraryRow[]; ms: number }> {
  const lookup = stateLookup(knowledgeBase().states);
  const tag = bundledTagger();
  const t0 = performance.now();
  const source = await openSource(fileFromBytes('bench.csv', bytes));
  const known = detectLayout(source.header)!;
  const ctx = { ...known, header: source.header, lookup };
  const rows: LibraryRow[] = [];
  for (const chunk of source.records()) {
    for (const rec of chunk.records) {
      const r = parseRecord(ctx, rec);
      if (r.ok) rows.push(Object.assign(r.row, tag(r.row.text), { importId: 'bench' }));
    }
  }
  return { rows, ms: performance.now() - t0 };
}

function keystrokes(q: string): string[] {
  return Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)).filter((p) => p.trim().length >= 2);
}

export async function benchLibrary(): Promise<{ lines: string[] }> {
  const lines: string[] = [];
  const small = sampleBytes();
  const big = largeExport(40_000);
  bundledTagger()('warm up the lexicon');

  // Import CPU work (Node): the sample, then 40,000 rows.
  const s = await parseAndTag(small);
  const b = await parseAndTag(big);
  lines.push(`parse + validate + tag, 6,094 rows: ${ms(s.ms)} (${nf.format(Math.round(6094 / (s.ms / 1000)))} rows/s)`);
  lines.push(`parse + validate + tag, 40,000 rows: ${ms(b.ms)} (${nf.format(Math.round(40000 / (b.ms / 1000)))} rows/s)`);

  // Storing (fake-indexeddb: a stand-in for IndexedDB, far slower than Chromium's; see the Chromium figures).
  const db = openDatabase('bench-library');
  const lookup = stateLookup(knowledgeBase().states);
  const imp = await importExport({ bytes: small, name: 'sample.csv' }, { db, tag: bundledTagger(), lookup });
  lines.push(`full import into fake-indexeddb, 6,094 rows: ${(imp.seconds * 1000).toFixed(0)} ms (${nf.format(Math.round(imp.rowsPerSecond))} rows/s)`);
  const again = await importExport({ bytes: small, name: 'sample.csv' }, { db, tag: bundledTagger(), lookup });
  lines.push(`re-import of the same file: ${again.rowsAdded} added, ${nf.format(again.duplicates)} duplicates, ${(again.seconds * 1000).toFixed(0)} ms`);
  await db.delete();

  // Search at 40,000 rows.
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = LibraryIndex.fromRows(b.rows);
  const buildMs = performance.now() - t0;
  lines.push(`search index build, 40,000 rows: ${ms(buildMs)}; heap after import and index: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB (index and rows ${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MB over the parsed rows)`);
  for (const q of QUERIES.slice(0, 3)) index.search(q);
  for (const [label, filters] of [['no filter', {}], ['filters (sessions 10-30, supported, relevant only)', FILTERS]] as const) {
    const whole: number[] = [];
    const typed: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of QUERIES) {
        let t = performance.now();
        index.search(q, filters);
        whole.push(performance.now() - t);
        for (const p of keystrokes(q)) {
          t = performance.now();
          index.search(p, filters);
          typed.push(performance.now() - t);
        }
      }
    }
    const w = summarise(whole);
    const k = summarise(typed);
    lines.push(`search 40,000 rows, ${label}: whole queries p50 ${ms(w.p50)}, p95 ${ms(w.p95)} (n=${w.n}); every keystroke p50 ${ms(k.p50)}, p95 ${ms(k.p95)}, max ${ms(k.max)} (n=${k.n})`);
  }
  // Beside it: Fuse.js alone over all 40,000 texts, the design this index avoids.
  const fuse = new Fuse(b.rows, { keys: ['text'], ignoreLocation: true, threshold: 0.3 });
  const plain: number[] = [];
  for (const q of QUERIES.slice(0, 4)) {
    const t = performance.now();
    fuse.search(q);
    plain.push(performance.now() - t);
  }
  const ours: number[] = [];
  for (const q of QUERIES.slice(0, 4)) {
    const t = performance.now();
    index.search(q);
    ours.push(performance.now() - t);
  }
  const p = summarise(plain);
  const o = summarise(ours);
  lines.push(`same run, 4 whole queries: Fuse.js alone over 40,000 texts p50 ${ms(p.p50)} vs library index p50 ${ms(o.p50)} (${(p.p50 / o.p50).toFixed(0)}x)`);

  lines.push(...(await benchLibraryChromium({ sample: small, big, bigRows: 40_000 })).lines);
  return { lines };
}
