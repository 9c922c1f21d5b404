/**
 * The whole record in a side panel (issue 15): UHRI's full JSON at 267,000 records, written at
 * bench time from the real coded UPR rows (tests/fixtures/library-writers.ts; never committed),
 * imported through the side panel at its real width in Chromium, then: import time, the longest
 * main-thread task, the panel's JS heap after (garbage collected first), a search to its result
 * count, and a reopened panel searchable. Beside it, in the same run: the older UPR Info CSV at the
 * same size with this build, and with another build (R2P_BENCH_BASELINE_DIR, e.g. main's) when given.
 * Goals: import ≤ 30 s, longest task ≤ 100 ms, heap ≤ 150 MB, search p95 ≤ 50 ms, reopen ≤ 3 s.
 */
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { readRealRows } from '../scripts/real-rows';
import { uhriRecordMaker, type RealRow } from '../tests/fixtures/library-writers';
import { CHROMIUM, importFile } from './library-chromium';
import { largeExport } from './library-data';
import { ms, summarise } from './stats';

const RECORDS = Number(process.env.R2P_BENCH_UHRI_RECORDS ?? 267_000);
const nf = new Intl.NumberFormat('en-GB');
const MB = 2 ** 20;

/** The full JSON, streamed to disk a record at a time (about 1.2 KB each). */
function writeUhriJson(path: string, rows: readonly RealRow[], n: number): number {
  const make = uhriRecordMaker(rows, 2);
  const fd = openSync(path, 'w');
  let text = 0;
  let batch: string[] = ['['];
  for (let i = 0; i < n; i++) {
    const rec = make(i);
    text += rec.Text.length;
    batch.push((i ? ',' : '') + JSON.stringify(rec));
    if (batch.length >= 2000) {
      writeSync(fd, batch.join(''));
      batch = [];
    }
  }
  batch.push(']');
  writeSync(fd, batch.join(''));
  closeSync(fd);
  return text / n;
}

/** Used JS heap of the page after a full garbage collection, and the array buffers' memory beside it. */
async function heap(page: Page): Promise<{ used: number; buffers?: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return { used: h.usedSize, buffers: h.backingStorageSize };
}

const QUERIES = ['torture', 'enforced disappearances', 'death penalty', 'rights of the child', 'genocide convension', 'impunity', 'human rights defenders', 'Rome Statute', 'women', 'freedom of expression'];

/**
 * A search typed into the panel, to its result count on screen: measured inside the page, from
 * the input event to the count's text changing (the list emptied in between, so the count always
 * changes), without the test driver's round trips.
 */
async function typedSearchTimes(page: Page): Promise<number[]> {
  // A string, not a function: the TypeScript runner would wrap named functions in a helper the page does not have.
  return page.evaluate(`(async (queries) => {
    const input = document.querySelector('input[type=search]');
    const count = () => document.querySelector('.library-view [role=status].result-count');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const type = (value) => new Promise((resolve) => {
      const before = count().textContent;
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (count().textContent === before) return;
        observer.disconnect();
        resolve(performance.now() - t0);
      });
      observer.observe(document.querySelector('.library-view'), { subtree: true, characterData: true, childList: true });
      setter.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      setTimeout(() => { observer.disconnect(); resolve(NaN); }, 10000);
    });
    const times = [];
    for (const q of queries) {
      times.push(await type(q));
      await type('');
    }
    return times.filter((t) => !Number.isNaN(t));
  })(${JSON.stringify(QUERIES)})`);
}

async function reopen(page: Page): Promise<number> {
  const url = page.url();
  const context = page.context();
  await page.close();
  const again = await context.newPage();
  await again.setViewportSize({ width: 360, height: 800 });
  const t0 = Date.now();
  await again.goto(url);
  await again.locator('.library-view [role=status].result-count').waitFor({ timeout: 60_000 });
  const seconds = (Date.now() - t0) / 1000;
  await again.close();
  return seconds;
}

interface Figures {
  label: string;
  wall: number;
  ready: number;
  longest: number;
  heap: { used: number; buffers?: number };
  search: ReturnType<typeof summarise>;
  reopen: number;
  summary: string;
}

async function measure(extension: string, dir: string, file: string, label: string): Promise<Figures> {
  const r = await importFile(extension, dir, file, 900_000);
  try {
    const h = await heap(r.page);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) times.push(...(await typedSearchTimes(r.page)));
    return { label, wall: r.wall, ready: r.ready, longest: Math.max(r.longestImport, r.longestReady), heap: h, search: summarise(times), reopen: await reopen(r.page), summary: r.summary };
  } finally {
    await r.context.close();
  }
}

const line = (f: Figures) =>
  `${f.label}: import ${f.wall.toFixed(1)} s to the summary, searchable at ${f.ready.toFixed(1)} s; longest main-thread task ${f.longest ? `${f.longest.toFixed(0)} ms` : 'under 50 ms (none reported)'}; ` +
  `JS heap after ${(f.heap.used / MB).toFixed(0)} MB${f.heap.buffers !== undefined ? ` (+ ${(f.heap.buffers / MB).toFixed(0)} MB of array buffers)` : ''}; ` +
  `search to its result count p50 ${ms(f.search.p50)}, p95 ${ms(f.search.p95)} (n=${f.search.n}); reopened panel searchable in ${f.reopen.toFixed(2)} s — ${f.summary.slice(0, 70).trim()}…`;

export async function benchLibraryUhri(): Promise<{ lines: string[] }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const extension = join(root, process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3');
  if (!CHROMIUM || !existsSync(join(extension, 'manifest.json'))) return { lines: ['Chromium: skipped (no Chromium or no built extension; run "npm run build" first)'] };
  const lines: string[] = [`load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`];
  const dir = mkdtempSync(join(tmpdir(), 'r2p-bench-uhri-'));
  try {
    const real = ['upr-info-sessions-1-5.csv', 'upr-info-sessions-6-9.csv', 'upr-info-sessions-10-13.csv'].flatMap(readRealRows);
    const json = join(dir, 'uhri-full.json');
    const avgText = writeUhriJson(json, real, RECORDS);
    lines.push(`UHRI full JSON written from ${nf.format(real.length)} real rows: ${nf.format(RECORDS)} records, ${(statSync(json).size / MB).toFixed(0)} MB, text ${avgText.toFixed(0)} characters a record on average`);
    const csv = join(dir, `upr-info-older-${RECORDS}.csv`);
    writeFileSync(csv, largeExport(RECORDS));
    lines.push(`older UPR Info CSV at the same size: ${(statSync(csv).size / MB).toFixed(0)} MB`);

    const ours = await measure(extension, dir, json, `this build, UHRI JSON, ${nf.format(RECORDS)} records`);
    lines.push(line(ours));
    const older = await measure(extension, dir, csv, `this build, older CSV, ${nf.format(RECORDS)} rows`);
    lines.push(line(older));
    const baselineDir = process.env.R2P_BENCH_BASELINE_DIR;
    const baseline = baselineDir && resolve(root, baselineDir, 'chrome-mv3');
    if (baseline && existsSync(join(baseline, 'manifest.json'))) {
      const base = await measure(baseline, dir, csv, `${baselineDir}, older CSV, ${nf.format(RECORDS)} rows`);
      lines.push(line(base));
      lines.push(
        `same run, ratios against ${baselineDir} on the older CSV: UHRI JSON import ${(ours.wall / base.wall).toFixed(2)}x the time, heap ${(ours.heap.used / base.heap.used).toFixed(2)}x, search p95 ${(ours.search.p95 / base.search.p95).toFixed(2)}x, reopen ${(ours.reopen / base.reopen).toFixed(2)}x`,
      );
    }
    lines.push(`load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { lines };
}
