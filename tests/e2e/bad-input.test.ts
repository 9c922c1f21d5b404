/**
 * Bad input loses nothing (issue 16, point 4), in Chromium with the built extension: a large
 * backup is restored off the page's thread with progress and Cancel, and markup typed in a draft
 * cannot run, load or hide anything in the Markdown export. (A full disk: disk-full.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { backupFile } from './backup-file';
import { countRows, extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';

describe.skipIf(noBrowser)('bad input loses nothing (Chromium, built extension)', () => {
  let s: ExtensionSession;
  let dir: string;
  beforeAll(async () => {
    s = await launchWithExtension();
    dir = mkdtempSync(join(tmpdir(), 'r2p-backups-'));
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup of 60,000 drafts off the page: no long task, progress, Cancel undoes it, and open panels show the result', async () => {
    const big = backupFile(dir, 'big', 'KEN', 60_000);
    const other = backupFile(dir, 'other', 'CHL', 60_000);
    const panel = await s.context.newPage();
    await panel.goto(extensionPage(s, 'sidepanel.html#reviews'));
    await panel.getByLabel('Find a State').waitFor();

    const page = await s.context.newPage();
    await page.goto(extensionPage(s, 'options.html'));
    await page.getByRole('heading', { name: 'Data' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longest: number; sawProgress: string[] };
      w.longest = 0;
      w.sawProgress = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask' });
      new MutationObserver(() => {
        const t = document.querySelector('.restore-progress p')?.textContent;
        if (t && w.sawProgress.at(-1) !== t) w.sawProgress.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const longest = () => page.evaluate(() => (window as unknown as { longest: number }).longest);
    const progress = () => page.evaluate(() => (window as unknown as { sawProgress: string[] }).sawProgress);

    // The file is read and checked: a summary to confirm, nothing written yet.
    await page.getByLabel('Choose a backup file').setInputFiles(big);
    await page.getByRole('group', { name: 'Confirm import' }).getByText(/big\.json: 1 reviews, 60,?000 drafts/).waitFor({ timeout: 60_000 });
    expect(await countRows(page, 'drafts')).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Imported big\.json: 1 reviews, 60,?000 drafts/ }).waitFor({ timeout: 90_000 });
    expect(await countRows(page, 'drafts')).toBe(60_000);
    // The page kept its turn all along (it froze for seconds when the restore ran on its thread).
    expect(await longest()).toBeLessThanOrEqual(100);
    const seen = await progress();
    expect(seen.some((t) => /^Checking · [\d,]+ of 60,001 rows$/.test(t))).toBe(true);
    expect(seen.some((t) => /^Restoring · [\d,]+ of 60,001 rows$/.test(t))).toBe(true);
    // The panel open beside it shows the restored review without being reloaded.
    await panel.getByRole('button', { name: 'Kenya, session 46', exact: true }).waitFor();

    // A second file, cancelled while it is being written: nothing of it stays.
    await page.getByLabel('Choose a backup file').setInputFiles(other);
    await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
    await page.locator('.restore-progress p', { hasText: /^Restoring · [1-9]/ }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS_DIR, 'restore-progress.png') });
    await page.locator('.restore-progress').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Restore cancelled: nothing was restored; your data is as it was.' }).waitFor({ timeout: 30_000 });
    expect(await countRows(page, 'drafts')).toBe(60_000);
    expect(await countRows(page, 'reviews')).toBe(1);
    expect(await longest()).toBeLessThanOrEqual(100);
  }, 240_000);

  it('exports a draft holding markup as Markdown that shows it, and runs, loads or hides nothing', async () => {
    const typed = [
      '<script>alert(document.cookie)</script>Ratify the Rome Statute',
      'by 2026 <!-- and quietly withdraw the reservation -->',
      '[as agreed](https://evil.example/phish) ![seal](https://tracker.example/pixel.png) <img src=x onerror=alert(1)>',
    ].join(' ');
    const page = await s.context.newPage();
    await page.goto(extensionPage(s, 'sidepanel.html#reviews'));
    const newReview = page.getByRole('button', { name: 'New review' });
    await Promise.race([newReview.waitFor(), page.getByLabel('Find a State').waitFor()]);
    if (await newReview.isVisible()) await newReview.click();
    await page.getByLabel('Find a State').fill('Chile');
    await page.getByRole('button', { name: 'Create review' }).click();
    await page.getByRole('heading', { name: /^Chile/ }).waitFor();
    await page.getByRole('button', { name: '2 Dialogue' }).click();
    await page.getByRole('button', { name: 'Blank recommendation' }).click();
    await page.getByLabel('Recommendation 1', { exact: true }).fill(typed);
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Markdown (.md)' }).click()]);
    const markdown = readFileSync((await download.path())!, 'utf8');
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).not.toMatch(/<(script|img|a|!--)\b/i);
    const shown = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(shown).toContain(`1. ${typed}`.slice(3));
  }, 90_000);
});
