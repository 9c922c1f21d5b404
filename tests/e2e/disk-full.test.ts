/**
 * A full disk, for real: Chromium with the built extension on a profile in a 64 MB tmpfs, filled
 * up with a file while the user works (issue 16, point 4). The user must read plain words ("Your
 * disk is full: free some space, then Try again"), keep what they typed or had, and, once they
 * have made room, Try again and lose nothing, also at the browser's next start (Chromium 156
 * empties a database whose write failed for lack of space at a later open: lib/db/rescue.ts).
 *
 * Mounting a tmpfs needs root (CI runs as root). Elsewhere the test is skipped, as browser tests
 * are without a browser, unless CI is set.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countRows, extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';

const isRoot = process.getuid?.() === 0;
if (!noBrowser && !isRoot && process.env.CI) throw new Error('CI is set but the tests do not run as root: the full-disk test needs to mount a tmpfs.');

const DISK_FULL = 'Your disk is full: free some space, then Try again.';

describe.skipIf(noBrowser || !isRoot)('a full disk (Chromium, profile on a 64 MB tmpfs)', () => {
  let disk: string;
  let s: ExtensionSession | undefined;
  const filler = () => join(disk, 'filler');
  /** Fills the disk up to `leaveKb` free, as other programs would. */
  const fillDisk = (leaveKb: number) => {
    const { bavail, bsize } = statfsSync(disk);
    let left = Math.max(0, bavail * bsize - leaveKb * 1024);
    const chunk = Buffer.alloc(1 << 20);
    const fd = openSync(filler(), 'w');
    try {
      // The browser writes too: a disk already full before the last chunk is full enough.
      while (left > 0) left -= writeSync(fd, chunk, 0, Math.min(chunk.length, left));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    } finally {
      closeSync(fd);
    }
  };
  const makeRoom = () => rmSync(filler(), { force: true });
  /**
   * Quits the browser and starts it again on the same profile; `emptied`: with the extension's
   * IndexedDB folder gone, as Chromium leaves it when it finds its log damaged at that start
   * (seen in CI after a full disk, after the rebuild too).
   */
  const restart = async ({ emptied = false } = {}) => {
    await s!.close({ keepProfile: true });
    if (emptied) {
      const idb = join(disk, 'profile', 'Default', 'IndexedDB');
      const ours = readdirSync(idb).filter((f) => f.startsWith('chrome-extension_'));
      expect(ours.length).toBeGreaterThan(0);
      for (const f of ours) rmSync(join(idb, f), { recursive: true, force: true });
    }
    s = await launchWithExtension(join(disk, 'profile'));
  };
  /** Whether the rescue copy (lib/db/rescue.ts) is in the extension's private file system. */
  const hasRescueCopy = (page: Page) =>
    page.evaluate(async () => {
      try {
        await (await navigator.storage.getDirectory()).getFileHandle('r2p-lens-rescue-copy.json');
        return true;
      } catch {
        return false;
      }
    });

  beforeAll(async () => {
    disk = mkdtempSync(join(tmpdir(), 'r2p-small-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', disk]);
    mkdirSync(join(disk, 'profile'));
    s = await launchWithExtension(join(disk, 'profile'));
  });
  afterAll(async () => {
    await s?.close({ keepProfile: true }).catch(() => {});
    if (disk) {
      execFileSync('umount', [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  });

  it('says so in plain words when a draft cannot be saved, keeps the words, and saves them after Try again', async () => {
    const page = await s!.context.newPage();
    await page.goto(extensionPage(s!, 'sidepanel.html#reviews'));
    await page.getByLabel('Find a State').fill('Kenya');
    await page.getByRole('button', { name: 'Create review' }).click();
    await page.getByRole('button', { name: '2 Dialogue' }).click();
    await page.getByRole('button', { name: 'Blank recommendation' }).click();
    const box = page.getByLabel('Recommendation 1', { exact: true });
    await box.waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

    fillDisk(8);
    const words = 'Ratify the Rome Statute of the International Criminal Court by the end of 2026.';
    await box.click();
    await page.keyboard.type(words);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toBe(`A change could not be saved. ${DISK_FULL} Keep this panel open: what you typed is still here.Try again`);
    expect(await box.inputValue()).toBe(words);
    await page.screenshot({ path: join(SHOTS_DIR, 'disk-full-draft.png') });

    makeRoom();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
    await page.reload();
    await page.getByRole('button', { name: '2 Dialogue' }).click();
    expect(await page.getByLabel('Recommendation 1', { exact: true }).inputValue()).toBe(words);

    // The next start has it all too, even when Chromium starts an empty database then.
    await restart({ emptied: true });
    const again = await s!.context.newPage();
    await again.goto(extensionPage(s!, 'sidepanel.html#reviews'));
    await again.getByRole('heading', { name: /^Kenya/ }).waitFor();
    await again.getByRole('button', { name: '2 Dialogue' }).click();
    expect(await again.getByLabel('Recommendation 1', { exact: true }).inputValue()).toBe(words);
    expect(await hasRescueCopy(again)).toBe(true);
    // A start that finds everything there drops the copy: the database came through.
    await restart();
    const third = await s!.context.newPage();
    await third.goto(extensionPage(s!, 'sidepanel.html#reviews'));
    await third.getByRole('heading', { name: /^Kenya/ }).waitFor();
    await expect.poll(() => hasRescueCopy(third)).toBe(false);
    await third.close();
  }, 120_000);

  it('refuses a restore the disk has no room for in plain words, changes nothing, and restores it after Try again', async () => {
    const review = { id: 'backup-review', stateCode: 'CHL', delegation: 'Norway', session: 46, createdAt: 1, updatedAt: 1 };
    // Text that does not compress, so the rows need their room on disk.
    const words = (i: number) => Array.from({ length: 12 }, (_, k) => ((i * 7919 + k * 104729) % 1e9).toString(36)).join(' ');
    const drafts = Array.from({ length: 20_000 }, (_, i) => ({
      id: `b-${i}`, reviewId: review.id, kind: 'recommendation', text: `Recommendation ${i}: ${words(i)}`, recommendationIds: [], riskFactorIds: [],
      order: i, response: 'pending', reportParagraph: '', createdAt: i, updatedAt: i,
    }));
    const file = join(tmpdir(), `r2p-disk-full-backup-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ format: 'r2p-lens-backup', version: 1, exportedAt: new Date(0).toISOString(), tables: { reviews: [review], drafts } }));
    try {
      const page = await s!.context.newPage();
      await page.goto(extensionPage(s!, 'options.html'));
      await page.getByRole('heading', { name: 'Data' }).waitFor();
      const before = await countRows(page, 'drafts');

      fillDisk(500);
      await page.getByLabel('Choose a backup file').setInputFiles(file);
      await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      expect(await alert.textContent()).toBe(`Nothing was restored; your data is as it was. ${DISK_FULL}`);
      await page.screenshot({ path: join(SHOTS_DIR, 'disk-full-restore.png') });

      makeRoom();
      // Chromium reopens the database once there is room (its first attempts may still fail).
      await expect.poll(() => countRows(page, 'drafts').catch(() => -1), { timeout: 15_000 }).toBe(before);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
      await page.getByRole('status').filter({ hasText: /^Imported r2p-disk-full-backup-\d+\.json: 1 reviews, 20,000 drafts/ }).waitFor({ timeout: 60_000 });
      expect(await countRows(page, 'drafts')).toBe(before + 20_000);

      // The next start has it all too, the restored review and the one there before, even when
      // Chromium starts an empty database then.
      await restart({ emptied: true });
      const again = await s!.context.newPage();
      // Opening the side panel opens the database, which fills itself from the copy.
      await again.goto(extensionPage(s!, 'sidepanel.html#reviews'));
      await again.getByRole('button', { name: /^Chile, session 46/ }).waitFor({ timeout: 30_000 });
      await expect.poll(() => countRows(again, 'drafts').catch(() => -1), { timeout: 15_000 }).toBe(before + 20_000);
      expect(await countRows(again, 'reviews')).toBe(2);
    } finally {
      rmSync(file, { force: true });
    }
  }, 180_000);
});
