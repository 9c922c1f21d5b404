/**
 * The library in Chromium with the built extension: the 6,094-row sample and the 40,000-row
 * file imported through the side panel's file input (worker, real IndexedDB, each into a fresh
 * profile), search round trips through the UI with and without filters, memory, and the
 * longest main-thread task during the import and while the search index is built (is the UI
 * responsive?). Skipped with a note when there is no Chromium or no build (R2P_OUT_DIR or .output).
 * With R2P_BENCH_BASELINE_DIR (another build's output folder) both builds import the same files
 * back to back, for a ratio measured in one run.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { summarise, ms } from './stats';
import { CHROMIUM, launchExtension } from './chromium';

export { CHROMIUM };
const nf = new Intl.NumberFormat('en-GB');
const QUERIES = ['torture', 'enforced disappearances', 'death penalty', 'rights of the child', 'genocide convension', 'impunity', 'human rights defenders', 'Rome Statute'];

export interface Imported {
  page: Page;
  context: BrowserContext;
  wall: number;
  saving: number;
  ready: number;
  longestImport: number;
  longestReady: number;
  summary: string;
}

export async function importFile(extension: string, dir: string, file: string, timeout = 180_000): Promise<Imported> {
  const { context, id } = await launchExtension(extension, mkdtempSync(join(dir, 'profile-')));
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`chrome-extension://${id}/sidepanel.html#library`);
  await page.getByText('The library is empty').waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { longest: number; savingAt: number };
    w.longest = 0;
    w.savingAt = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    // When parsing ends and only writes are left; a poll could miss a short phase.
    new MutationObserver(() => {
      if (!w.savingAt && document.querySelector('.import-progress')?.textContent?.startsWith('Saving')) w.savingAt = Date.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const longest = () => page.evaluate(() => (window as unknown as { longest: number }).longest);
  const t0 = Date.now();
  await page.getByLabel('Import UPR recommendations').setInputFiles(file);
  await page.locator('.import-summary, .import-error').waitFor({ timeout });
  const wall = (Date.now() - t0) / 1000;
  const savingAt = await page.evaluate(() => (window as unknown as { savingAt: number }).savingAt);
  const saving = savingAt ? (savingAt - t0) / 1000 : NaN;
  const longestImport = await longest();
  const summary = (await page.locator('.import-summary, .import-error').first().textContent()) ?? '';
  await page.locator('.library-view [role=status].result-count').waitFor({ timeout });
  const ready = (Date.now() - t0) / 1000;
  return { page, context, wall, saving, ready, longestImport, longestReady: await longest(), summary };
}

export async function searchTimes(page: Page): Promise<number[]> {
  const count = page.locator('.library-view [role=status].result-count');
  const search = page.getByRole('searchbox', { name: 'Search the library' });
  const times: number[] = [];
  for (const q of QUERIES) {
    const before = await count.textContent();
    const t = performance.now();
    await search.fill(q);
    await page.waitForFunction((b) => document.querySelector('.library-view [role=status].result-count')?.textContent !== b, before);
    times.push(performance.now() - t);
  }
  await search.fill('');
  if (process.env.R2P_BENCH_VERBOSE) console.log(QUERIES.map((q, i) => `${q}: ${times[i]!.toFixed(0)} ms`).join(' · '));
  return times;
}

export async function benchLibraryChromium(files: { sample: Uint8Array; big: Uint8Array; bigRows: number }): Promise<{ lines: string[] }> {
  const extension = join(fileURLToPath(new URL('..', import.meta.url)), process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3');
  if (!CHROMIUM || !existsSync(join(extension, 'manifest.json'))) {
    return { lines: ['Chromium: skipped (no Chromium or no built extension; run "npm run build" first)'] };
  }
  const dir = mkdtempSync(join(tmpdir(), 'r2p-bench-'));
  const lines: string[] = [];
  try {
    const runs: Array<[number, Uint8Array, string]> = [
      [6094, files.sample, 'upr-info-sessions-1-5.csv'],
      [files.bigRows, files.big, `upr-${files.bigRows}.csv`],
    ];
    for (const [rows, bytes, name] of runs) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const r = await importFile(extension, dir, file);
      try {
        lines.push(
          `Chromium: import of ${nf.format(rows)} rows through the file input: ${r.wall.toFixed(2)} s to the summary (${nf.format(Math.round(rows / r.wall))} rows/s parsed and stored), ` +
            `${r.ready.toFixed(2)} s until searchable; ${r.summary.slice(0, 40).trim()}…`,
        );
        lines.push(
          `Chromium:   parsing, validating and tagging done at ${r.saving.toFixed(2)} s (storing runs alongside, in the same transaction); last writes and commit ${(r.wall - r.saving).toFixed(2)} s`,
        );
        lines.push(`Chromium:   longest main-thread task: ${r.longestImport.toFixed(0)} ms during the import, ${r.longestReady.toFixed(0)} ms up to searchable (index built in slices)`);
        if (rows !== files.bigRows) continue;
        const plain = summarise(await searchTimes(r.page));
        lines.push(`Chromium: search round trip through the UI at ${nf.format(rows)} rows (type, rank, render, read back), no filter: p50 ${ms(plain.p50)}, p95 ${ms(plain.p95)} (n=${plain.n})`);
        await r.page.getByRole('button', { name: /^Filters/ }).click();
        await r.page.getByLabel('Response').selectOption('supported');
        await r.page.getByLabel('Atrocity prevention relevant only').check();
        const filtered = summarise(await searchTimes(r.page));
        lines.push(`Chromium: same with filters (supported, relevant only): p50 ${ms(filtered.p50)}, p95 ${ms(filtered.p95)} (n=${filtered.n})`);
        const mem = await r.page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize);
        if (mem) lines.push(`Chromium: side panel JS heap with ${nf.format(rows)} rows loaded: ${(mem / 2 ** 20).toFixed(0)} MB`);
      } finally {
        await r.context.close();
      }
    }
    // Another build (R2P_BENCH_BASELINE_DIR, e.g. one made before a storage change) imports the
    // same files right after, in this run, so the ratio compares like with like.
    const baselineDir = process.env.R2P_BENCH_BASELINE_DIR;
    const baseline = baselineDir && join(fileURLToPath(new URL('..', import.meta.url)), baselineDir, 'chrome-mv3');
    if (baseline && existsSync(join(baseline, 'manifest.json'))) {
      for (const [rows, bytes, name] of runs) {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        const ours = await importFile(extension, dir, file);
        await ours.context.close();
        const base = await importFile(baseline, dir, file);
        await base.context.close();
        lines.push(
          `Chromium: same run, ${nf.format(rows)} rows, this build vs ${baselineDir}, back to back: ${ours.wall.toFixed(2)} s vs ${base.wall.toFixed(2)} s to the summary ` +
            `(${(base.wall / ours.wall).toFixed(1)}x), ${ours.ready.toFixed(2)} s vs ${base.ready.toFixed(2)} s until searchable (${(base.ready / ours.ready).toFixed(1)}x); ` +
            `longest main-thread task ${ours.longestImport.toFixed(0)} vs ${base.longestImport.toFixed(0)} ms`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { lines };
}
