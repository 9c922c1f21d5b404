import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';
import { openLibrary, resultCount } from './library-panel';
import { UPR_INFO_SAMPLE as SAMPLE, UPR_INFO_SEARCH_SAMPLE } from '../fixtures/upr-info-sample';

const LIBRARY = resolve(import.meta.dirname, '../fixtures/library');
const fixture = (name: string) => resolve(LIBRARY, name);
const count = resultCount;
const number = async (page: Page) => Number((await count(page).textContent())?.replace(/\D/g, ''));

/** The Library tab at the side panel's width. */

/** The panel as a reader sees it, scrolled to `at` (the list flows with the page: a full-page shot would be its whole length). */
const shot = async (page: Page, name: string, at: string) => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.locator(at).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
};

describe.skipIf(noBrowser)('UPR recommendations library (Chromium, built extension)', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
  });
  afterAll(async () => s?.close());

  it('imports the real older export through the file input, searches, filters and charts a State', async () => {
    const page = await openLibrary(s);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByText('The library is empty').waitFor();

    await page.getByLabel('Import UPR recommendations').setInputFiles(SAMPLE);
    const summary = page.locator('.import-summary');
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.textContent()).resolves.toMatch(/1,229 recommendations added from “sessions-1-5-sample\.csv” \(UPR Info \(older export\), CSV, Mac Roman\)\. 0 duplicates skipped\. 0 rows refused\./);
    await expect.poll(() => count(page).textContent()).toBe('1,229 recommendations');

    const search = page.getByRole('searchbox', { name: 'Search the library' });
    await search.fill('Hissène Habré');
    await expect.poll(() => count(page).textContent()).toBe('2 recommendations');
    const first = page.locator('.library-card:not(.loading)').first();
    await expect.poll(() => first.textContent()).toMatch(/Mr\. Hissène Habré to justice/);
    await expect(first.textContent()).resolves.toMatch(/→ Senegal · session 4 · Noted/);

    await search.fill('torture');
    await expect.poll(() => number(page)).toBeGreaterThan(30);
    const allTorture = await number(page);
    await expect.poll(() => page.locator('.library-card:not(.loading)').first().locator('.concept-tags').textContent()).toMatch(/Torture/i);

    await page.getByRole('button', { name: 'Filters (0)' }).click();
    await page.getByLabel('State under Review').selectOption('Uzbekistan');
    await expect.poll(() => number(page)).toBeLessThan(allTorture);
    await expect.poll(() => page.locator('.library-card:not(.loading) .muted').first().textContent()).toMatch(/→ Uzbekistan/);

    const chart = page.getByRole('figure', { name: 'Recommendations to Uzbekistan per session' });
    await chart.waitFor();
    await expect(chart.locator('svg[role=img]').getAttribute('aria-label')).resolves.toMatch(/^Uzbekistan: session 3: \d+ received, \d+ relevant, \d+ % supported/);
    await chart.getByText('Show as a table').click();
    await expect(chart.getByRole('table').locator('tbody tr').count()).resolves.toBe(1);

    await page.getByLabel('Atrocity prevention relevant only').check();
    await expect.poll(() => page.locator('.library-card:not(.loading)').first().textContent()).toMatch(/atrocity prevention relevant/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports four exports of three layouts chosen together: one progress bar, one summary, repeated rows once, bad rows by line', async () => {
    const page = await openLibrary(s);
    await count(page).waitFor();
    const before = await number(page);
    await page.getByLabel('Import UPR recommendations').setInputFiles(['upr-info-db-a.csv', 'upr-info-db-b.csv', 'uhri-search-export.xlsx', 'uhri-full-sample.json'].map(fixture));
    const summary = page.locator('.import-summary');
    await summary.waitFor({ timeout: 60_000 });
    const text = (await summary.textContent())!;
    expect(text).toMatch(/^948 recommendations added from 4 files\. 139 duplicates skipped\. 3 rows refused\./);
    expect(text).toMatch(/“upr-info-db-a\.csv” \(UPR Info database, CSV, UTF-8\): 299 added, 0 duplicates, 1 refused/);
    expect(text).toMatch(/“upr-info-db-b\.csv” \(UPR Info database, CSV, UTF-8\): 150 added, 100 duplicates, 0 refused/);
    expect(text).toMatch(/“uhri-search-export\.xlsx” \(OHCHR Universal Human Rights Index, Excel\): 239 added/);
    expect(text).toMatch(/“uhri-full-sample\.json” \(OHCHR Universal Human Rights Index, JSON\): 260 added, 39 duplicates, 1 refused/);
    await summary.locator('summary', { hasText: 'Rows refused' }).click();
    await expect(summary.locator('.refused-rows').textContent()).resolves.toMatch(/“upr-info-db-a\.csv”, line 6: it holds “&#x110000;”, which is not a character.*“uhri-full-sample\.json”, record 7 \(line 8\)/);
    await shot(page, 'library-import-summary-360', '.import-summary');
    await expect.poll(() => number(page)).toBe(before + 948);

    // Every mechanism: filter treaty bodies, then concerns only.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('Mechanism').selectOption('b:CRC');
    await expect.poll(() => page.locator('.library-card:not(.loading) .muted').first().textContent()).toMatch(/^CRC \(treaty body\) → .* · CRC\/C\//);
    await page.getByLabel('Mechanism').selectOption('m:treaty-body');
    await page.getByLabel('Type').selectOption('concern');
    await expect.poll(() => page.locator('.library-card:not(.loading) .muted').first().textContent()).toMatch(/\(treaty body\) → .* · concern or observation/);
    const concerns = await number(page);
    expect(concerns).toBeGreaterThan(10);
    await shot(page, 'library-filters-360', '.library-view .filters');
    // The UPR filters and the per-session chart still work beside them.
    await page.getByLabel('Mechanism').selectOption('m:upr');
    await page.getByLabel('Type').selectOption('');
    await page.getByLabel('State under Review').selectOption('Algeria');
    await page.getByRole('figure', { name: 'Recommendations to Algeria per session' }).waitFor();
    // Nothing is wider than the panel.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();

    // A panel opened afresh finds it all without importing again.
    const again = await openLibrary(s);
    await expect.poll(() => count(again).textContent(), { timeout: 20_000 }).toBe(`${(before + 948).toLocaleString('en-GB')} recommendations`);
    await again.close();
  });

  it('asks which column holds what for a table in no known layout, and remembers the choice for that header', async () => {
    const page = await openLibrary(s);
    await count(page).waitFor();
    const before = await number(page);
    await page.getByLabel('Import UPR recommendations').setInputFiles(fixture('delegation-table.csv'));
    const mapping = page.locator('.column-mapping');
    await mapping.waitFor();
    await expect(mapping.textContent()).resolves.toMatch(/“delegation-table\.csv” is not laid out like the exports we know/);
    // Its seven columns, each with its first values, down the panel rather than across it.
    await expect(mapping.locator('.mapping-preview dt').count()).resolves.toBe(7);
    await mapping.getByLabel('Text of the recommendation').selectOption({ label: 'Wording' });
    await mapping.getByLabel('State under Review').selectOption({ label: 'Country' });
    await mapping.getByLabel('Recommending State or body').selectOption({ label: 'Made by' });
    await mapping.getByLabel('UPR session').selectOption({ label: 'Review' });
    await shot(page, 'library-mapping-360', '.column-mapping');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await mapping.getByRole('button', { name: 'Import with these columns' }).click();
    const summary = page.locator('.import-summary');
    await summary.waitFor({ timeout: 60_000 });
    // Its rows are the real sample's, imported by the first test in another layout: recognised as the same recommendations.
    await expect(summary.textContent()).resolves.toMatch(/^0 recommendations added from “delegation-table\.csv” \(your column choices, CSV, UTF-8\)\. 24 duplicates skipped\. 1 row refused\./);
    expect(await number(page)).toBe(before);

    // The same columns again: no question, the rows are there already.
    await page.getByLabel('Import UPR recommendations').setInputFiles({ name: 'delegation-table-copy.csv', mimeType: 'text/csv', buffer: readFileSync(fixture('delegation-table.csv')) });
    await expect.poll(() => summary.textContent()).toMatch(/^0 recommendations added from “delegation-table-copy\.csv”.* 24 duplicates skipped/);
    expect(await mapping.count()).toBe(0);
    await page.close();
  });

  it('refuses plainly what is no export, and writes nothing from a file whose columns were not chosen', async () => {
    const page = await openLibrary(s);
    await count(page).waitFor();
    const before = await number(page);
    await page.getByLabel('Import UPR recommendations').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/“scan\.png” is a PNG image, not an export of recommendations\. Expected an export of UPR recommendations/);

    await page.getByLabel('Import UPR recommendations').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email\nAda,ada@example.org\n') });
    await page.locator('.column-mapping').getByRole('button', { name: 'Leave this file out' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/“contacts\.csv” was not imported: its columns were not chosen\./);
    expect(await number(page)).toBe(before);
    await page.close();
  });

  it('at 360 px: "Syria genocide" is read as the State and a word; the empty list says why and drops the word on a click', async () => {
    const page = await openLibrary(s);
    await page.getByLabel('Import UPR recommendations').setInputFiles(UPR_INFO_SEARCH_SAMPLE);
    // The library may hold the previous tests' imports already: rows in both files count once.
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 60_000 }).toMatch(/recommendations added from “sessions-1-13-search-sample\.csv”/);
    const search = page.getByRole('searchbox', { name: 'Search the library' });
    await search.click();
    await page.keyboard.type('Syria genocide');
    const reading = page.locator('.query-reading');
    await expect.poll(() => reading.textContent()).toBe('Read as: State: Syrian Arab Republic · text: genocide');
    await expect.poll(() => count(page).textContent()).toBe('0 recommendations');
    const message = page.locator('.no-results');
    await expect(message.textContent()).resolves.toMatch(/No recommendation matches all of these together: to or from the Syrian Arab Republic \(\d+ recommendations\) · “genocide” \(\d+ recommendations?\)\./);
    const drop = page.getByRole('button', { name: /^Search without “genocide”/ });
    await expect(drop.isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await message.scrollIntoViewIfNeeded();
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: `${SHOTS_DIR}/library-zero-results-360.png` });

    const expected = Number((await drop.textContent())!.replace(/\D/g, ''));
    await drop.click();
    await expect.poll(() => search.inputValue()).toBe('Syria');
    await expect.poll(() => number(page)).toBe(expected);
    await expect(reading.textContent()).resolves.toBe('Read as: State: Syrian Arab Republic');
    await expect.poll(() => page.locator('.library-card:not(.loading)').count()).toBeGreaterThan(0);
    for (const meta of await page.locator('.library-card:not(.loading) > p.muted:not(.issues)').allTextContents()) expect(meta).toMatch(/^(Syria → [^·]+|.+ → Syria) · session/);
    await page.screenshot({ path: `${SHOTS_DIR}/library-state-360.png` });

    // A quoted phrase: the rows holding its words at once, then only those with them in that order.
    await search.fill('"enforced disappearance"');
    await expect.poll(() => reading.textContent()).toBe('Read as: text: “enforced disappearance”');
    await expect.poll(() => page.locator('.library-checking').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.locator('.library-card:not(.loading)').count()).toBeGreaterThan(0);
    for (const text of await page.locator('.library-card:not(.loading) .library-text').allTextContents()) expect(text).toMatch(/\benforced disappearances?\b/i);
    await page.screenshot({ path: `${SHOTS_DIR}/library-phrase-360.png` });
    await page.close();
  });
});
