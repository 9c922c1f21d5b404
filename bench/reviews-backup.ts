/**
 * Checking a backup file before restoring it, and (below) restoring a very large one in Chromium.
 * Checking: how long validation takes for a large workspace
 * (10 reviews with full assessments and drafts, and a 20,000-row imported library), beside a
 * bare JSON.parse of the same text measured in the same run.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup } from '../lib/export/backup';
import { CHROMIUM, launchExtension } from './chromium';
import { ms, summarise, time } from './stats';

function bigBackup(): string {
  const reviews = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, stateCode: 'KEN', delegation: 'Norway', session: 40 + i, createdAt: i, updatedAt: i }));
  const assessments = reviews.flatMap((r) => Array.from({ length: 120 }, (_, j) => ({ id: `${r.id}:i${j}`, reviewId: r.id, indicatorId: `foa-${1 + (j % 13)}.${1 + (j % 9)}`, status: 'present', note: 'A note of some length about the evidence.', updatedAt: j })));
  const drafts = reviews.flatMap((r) => Array.from({ length: 50 }, (_, j) => ({ id: `${r.id}:d${j}`, reviewId: r.id, kind: 'recommendation', text: 'Ratify the Rome Statute of the International Criminal Court by the end of 2026.', recommendationIds: ['2017-x'], riskFactorIds: ['foa-rf-2'], order: j, response: 'pending', reportParagraph: '', createdAt: j, updatedAt: j })));
  const library = Array.from({ length: 20_000 }, (_, j) => ({ id: `l${j}`, sur: 'Kenya', from: 'Norway', text: 'Continue efforts to strengthen the national human rights institution in line with the Paris Principles.', response: 'Supported', issues: ['NHRI'], session: 1 + (j % 40), source: 'upr-info', concepts: [], riskFactors: [], relevant: 0, importId: 'i1' }));
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(0).toISOString(), tables: { reviews, assessments, drafts, library } });
}

export function benchReviewsBackup(): { lines: string[] } {
  const text = bigBackup();
  const parse: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < 7; i++) {
    parse.push(time(() => JSON.parse(text))[1]);
    const [result, t] = time(() => parseBackup(text));
    if (!result.ok) throw new Error(result.message);
    validate.push(t);
  }
  const p = summarise(parse);
  const v = summarise(validate);
  return {
    lines: [
      `backup of ${(text.length / 1e6).toFixed(1)} MB (10 reviews, 1,200 assessments, 500 drafts, 20,000 library rows), ${v.n} runs`,
      `JSON.parse alone: p50 ${ms(p.p50)}, max ${ms(p.max)}`,
      `parseBackup (JSON + Zod + references): p50 ${ms(v.p50)}, max ${ms(v.max)} (${(v.p50 / p.p50).toFixed(1)}x JSON.parse)`,
    ],
  };
}

/**
 * The big restore in Chromium with the built extension, through the settings page as a user does
 * it: a 69 MB backup of 300,000 drafts chosen, checked, confirmed and written, each build into a
 * fresh profile. Longest main-thread task (the page's freeze) and time from the file chosen to
 * "Imported", less the time the user took to confirm. With R2P_BENCH_BASELINE_DIR (another
 * build's output folder, e.g. one of main made before the restore worker) the same file is
 * restored by both builds back to back, for ratios measured in one run.
 */
export async function benchReviewsRestoreChromium(): Promise<{ lines: string[] }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const ours = join(root, process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3');
  if (!CHROMIUM || !existsSync(join(ours, 'manifest.json'))) return { lines: ['Chromium: skipped (no Chromium or no built extension; run "npm run build" first)'] };
  const dir = mkdtempSync(join(tmpdir(), 'r2p-bench-restore-'));
  try {
    const file = join(dir, 'backup-300000-drafts.json');
    writeFileSync(file, hugeBackup(300_000));
    const mb = (statSync(file).size / 1e6).toFixed(1);
    const lines: string[] = [];
    const runs: [string, string][] = [['this build', ours]];
    const baselineDir = process.env.R2P_BENCH_BASELINE_DIR;
    if (baselineDir && existsSync(join(root, baselineDir, 'chrome-mv3', 'manifest.json'))) runs.push([baselineDir, join(root, baselineDir, 'chrome-mv3')]);
    const results = [];
    for (const [name, extension] of runs) {
      const r = await restoreThroughSettings(extension, dir, file);
      results.push(r);
      lines.push(
        `Chromium, ${name}: restore of a ${mb} MB backup (1 review, 300,000 drafts) through the settings page: ${(r.total / 1000).toFixed(1)} s ` +
          `(checked in ${(r.checked / 1000).toFixed(1)} s, written in ${(r.written / 1000).toFixed(1)} s), longest main-thread task ${task(r.longest)}`,
      );
    }
    if (results.length === 2) {
      const [a, b] = results as [Restored, Restored];
      lines.push(`Chromium, same run: longest main-thread task ${task(a.longest)} vs ${task(b.longest)}; total time ${(a.total / b.total).toFixed(2)}x that of ${runs[1]![0]}`);
    }
    return { lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** About 230 bytes a draft: 300,000 make a file of about 69 MB, as in issue 16. */
function hugeBackup(n: number): string {
  const reviews = [{ id: 'r1', stateCode: 'KEN', delegation: 'Norway', session: 46, createdAt: 1, updatedAt: 1 }];
  const drafts = Array.from({ length: n }, (_, i) => ({
    id: `d-${i}`, reviewId: 'r1', kind: 'recommendation', text: `Draft ${i}.`, recommendationIds: [], riskFactorIds: [],
    order: i, response: 'pending', reportParagraph: '', createdAt: 1_700_000_000_000 + i, updatedAt: 1_700_000_000_000 + i,
  }));
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(0).toISOString(), tables: { reviews, drafts } });
}

/** The browser reports only tasks over 50 ms. */
const task = (ms: number) => (ms > 0 ? `${ms.toFixed(0)} ms` : 'none over 50 ms');

interface Restored {
  total: number;
  checked: number;
  written: number;
  longest: number;
}

async function restoreThroughSettings(extension: string, dir: string, file: string): Promise<Restored> {
  const { context, id } = await launchExtension(extension, mkdtempSync(join(dir, 'profile-')));
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.getByRole('heading', { name: 'Data' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.getByLabel('Choose a backup file').setInputFiles(file);
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    await importButton.waitFor({ timeout: 300_000 });
    const checked = Date.now() - t0;
    const t1 = Date.now();
    await importButton.click();
    await page.getByRole('status').filter({ hasText: /^Imported / }).waitFor({ timeout: 600_000 });
    const written = Date.now() - t1;
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    return { total: checked + written, checked, written, longest };
  } finally {
    await context.close();
  }
}
