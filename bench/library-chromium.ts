/**
 * The library in Chromium with the built extension: the 40,000-row file imported through the
 * side panel's file input (worker, real IndexedDB), search round trips through the UI, memory,
 * and the longest main-thread task during the import (is the UI responsive?).
 * Skipped with a note when there is no Chromium or no build (R2P_OUT_DIR or .output).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { summarise, ms } from './stats';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));

export async function benchLibraryChromium(bigFile: Uint8Array): Promise<{ lines: string[] }> {
  const extension = join(fileURLToPath(new URL('..', import.meta.url)), process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3');
  if (!CHROMIUM || !existsSync(join(extension, 'manifest.json'))) {
    return { lines: ['Chromium: skipped (no Chromium or no built extension; run "npm run build" first)'] };
  }
  const dir = mkdtempSync(join(tmpdir(), 'r2p-bench-'));
  const file = join(dir, 'upr-40000.csv');
  writeFileSync(file, bigFile);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const lines: string[] = [];
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html#library`);
    await page.getByText('The library is empty').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = Date.now();
    await page.getByLabel('Import UPR recommendations').setInputFiles(file);
    const saving = await page
      .waitForFunction(() => document.querySelector('.import-progress')?.textContent?.startsWith('Saving'), undefined, { timeout: 180_000, polling: 50 })
      .then(() => (Date.now() - t0) / 1000, () => NaN);
    await page.locator('.import-summary').waitFor({ timeout: 180_000 });
    const wall = (Date.now() - t0) / 1000;
    const summary = (await page.locator('.import-summary').textContent()) ?? '';
    const count = page.locator('.library-view [role=status].result-count');
    await count.waitFor();
    const ready = (Date.now() - t0) / 1000;
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    lines.push(`Chromium: import of 40,000 rows through the file input: ${wall.toFixed(2)} s to the summary (${Math.round(40000 / wall).toLocaleString('en-GB')} rows/s), ${ready.toFixed(2)} s until searchable; ${summary.slice(0, 60).trim()}…`);
    lines.push(`Chromium: of which reading, parsing, validating and tagging ${saving.toFixed(2)} s, storing (one IndexedDB transaction) ${(wall - saving).toFixed(2)} s`);
    lines.push(`Chromium: longest main-thread task during the import (worker parses and stores): ${longest.toFixed(0)} ms`);

    const search = page.getByRole('searchbox', { name: 'Search the library' });
    const times: number[] = [];
    for (const q of ['torture', 'enforced disappearances', 'death penalty', 'rights of the child', 'genocide convension', 'impunity', 'human rights defenders', 'Rome Statute']) {
      const before = await count.textContent();
      const t = performance.now();
      await search.fill(q);
      await page.waitForFunction((b) => document.querySelector('.library-view [role=status].result-count')?.textContent !== b, before);
      times.push(performance.now() - t);
    }
    const r = summarise(times);
    lines.push(`Chromium: search round trip through the UI at 40,000 rows (type, rank, render, read back): p50 ${ms(r.p50)}, p95 ${ms(r.p95)} (n=${r.n})`);
    const mem = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize);
    if (mem) lines.push(`Chromium: side panel JS heap with 40,000 rows loaded: ${(mem / 2 ** 20).toFixed(0)} MB`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { lines };
}
