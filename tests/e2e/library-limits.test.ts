/**
 * The library's import at its limits, in Chromium with the built extension: Cancel halfway leaves
 * nothing, and a disk that fills up halfway gives a plain message and leaves nothing half-written
 * (a profile on a small tmpfs; mounting one needs root, as CI runs).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';
import { openLibrary, resultCount } from './library-panel';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/library/uhri-full-sample.json');
const count = resultCount;

/** A UHRI JSON of `n` distinct records made from the fixture's (new annotation ids, numbered texts). */
function bigUhriJson(path: string, n: number): void {
  const base = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Array<{ AnnotationId: string; Text: string }>;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = base[i % base.length]!;
    parts.push(JSON.stringify({ ...r, AnnotationId: `${r.AnnotationId.slice(0, 24)}${String(i).padStart(12, '0')}`, Text: `${r.Text} (${i})` }));
  }
  writeFileSync(path, `[${parts.join(',')}]`);
}


describe.skipIf(noBrowser)('library import at its limits (Chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'r2p-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('Cancel', () => {
    let s: ExtensionSession;
    beforeAll(async () => {
      s = await launchWithExtension();
    });
    afterAll(async () => s?.close());

    it('stops an import of 30,000 records halfway and leaves the library as it was', async () => {
      const page = await openLibrary(s);
      await page.getByLabel('Import UPR recommendations').setInputFiles(resolve(import.meta.dirname, '../fixtures/library/upr-info-db-b.csv'));
      await expect.poll(() => count(page).textContent(), { timeout: 60_000 }).toBe('250 recommendations');

      const big = join(dir, 'uhri-30000.json');
      bigUhriJson(big, 30_000);
      await page.getByLabel('Import UPR recommendations').setInputFiles(big);
      const progress = page.locator('.import-progress');
      // Once rows are being read and stored, Cancel.
      await expect.poll(async () => Number((await progress.locator('p').textContent().catch(() => ''))?.match(/([\d,]+) rows/)?.[1]?.replace(/,/g, '') ?? 0), { timeout: 60_000 }).toBeGreaterThan(2000);
      mkdirSync(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: `${SHOTS_DIR}/library-import-progress-360.png` });
      await progress.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 60_000 }).toBe('Import cancelled. The library is as it was before.');
      expect(await count(page).textContent()).toBe('250 recommendations');
      await page.close();
      // Nothing of it either in a panel opened afresh.
      const again = await openLibrary(s);
      await expect.poll(() => count(again).textContent(), { timeout: 30_000 }).toBe('250 recommendations');
      await again.close();
    });
  });

  describe('a full disk', () => {
    let s: ExtensionSession | undefined;
    let mounted = '';
    beforeAll(() => {
      const mount = join(dir, 'small-disk');
      mkdirSync(mount);
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mount], { stdio: 'pipe' });
        mounted = mount;
      } catch (e) {
        // Only root may mount: CI runs as root, so there a failure here is a failure.
        if (process.env.CI) throw e;
      }
    });
    afterAll(async () => {
      await s?.close({ keepProfile: true });
      if (mounted) execFileSync('umount', [mounted]);
    });

    it('says plainly that the disk is full, and keeps nothing of the import', { timeout: 300_000 }, async (ctx) => {
      if (!mounted) return ctx.skip();
      s = await launchWithExtension(mkdtempSync(join(mounted, 'profile-')));
      const page = await openLibrary(s);
      await page.getByLabel('Import UPR recommendations').setInputFiles(resolve(import.meta.dirname, '../fixtures/library/upr-info-db-b.csv'));
      await expect.poll(() => count(page).textContent(), { timeout: 60_000 }).toBe('250 recommendations');

      const big = join(dir, 'uhri-60000.json');
      bigUhriJson(big, 60_000);
      await page.getByLabel('Import UPR recommendations').setInputFiles(big);
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 240_000 });
      const message = (await alert.textContent())!;
      mkdirSync(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: `${SHOTS_DIR}/library-full-disk-360.png` });
      expect(message).toBe('The import stopped and nothing was added. Your browser has no room left to save R2P Lens data (the disk is full): free some space, then import the file again.');
      expect(await count(page).textContent()).toBe('250 recommendations');
      await page.close();
      const again = await openLibrary(s);
      await expect.poll(() => count(again).textContent(), { timeout: 30_000 }).toBe('250 recommendations');
      await again.close();
    });
  });
});
