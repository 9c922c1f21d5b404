import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, launchWithExtension, noBrowser, type ExtensionSession } from './harness';
import { UPR_INFO_SAMPLE as SAMPLE } from '../fixtures/upr-info-sample';


describe.skipIf(noBrowser)('UPR recommendations library (Chromium, built extension)', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
  });
  afterAll(async () => s?.close());

  it('imports the real export through the file input, searches, filters and charts a State', async () => {
    const page = await s.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(extensionPage(s, 'sidepanel.html#library'));
    await page.getByText('The library is empty').waitFor();

    await page.getByLabel('Import UPR recommendations').setInputFiles(SAMPLE);
    const summary = page.locator('.import-summary');
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.textContent()).resolves.toMatch(/1,229 recommendations added from “sessions-1-5-sample\.csv” \(UPR Info, Mac Roman\)\. 0 duplicates skipped\. 0 rows refused\./);

    const count = page.locator('.library-view [role=status].result-count');
    await expect.poll(() => count.textContent()).toBe('1,229 recommendations');

    const search = page.getByRole('searchbox', { name: 'Search the library' });
    await search.fill('Hissène Habré');
    await expect.poll(() => count.textContent()).toBe('2 recommendations');
    const first = page.locator('.library-card').first();
    await expect(first.textContent()).resolves.toMatch(/Mr\. Hissène Habré to justice/);
    await expect(first.textContent()).resolves.toMatch(/→ Senegal · session 4 · Noted/);

    await search.fill('torture');
    await expect.poll(async () => Number((await count.textContent())?.replace(/\D/g, ''))).toBeGreaterThan(30);
    const allTorture = Number((await count.textContent())!.replace(/\D/g, ''));
    await expect(page.locator('.library-card').first().locator('.concept-tags').textContent()).resolves.toMatch(/Torture/i);

    await page.getByRole('button', { name: 'Filters (0)' }).click();
    await page.getByLabel('State under Review').selectOption('Uzbekistan');
    await expect.poll(async () => Number((await count.textContent())?.replace(/\D/g, ''))).toBeLessThan(allTorture);
    for (const meta of await page.locator('.library-card .muted').first().allTextContents()) expect(meta).toMatch(/→ Uzbekistan/);

    const chart = page.getByRole('figure', { name: 'Recommendations to Uzbekistan per session' });
    await chart.waitFor();
    await expect(chart.locator('svg[role=img]').getAttribute('aria-label')).resolves.toMatch(/^Uzbekistan: session 3: \d+ received, \d+ relevant, \d+ % supported/);
    await chart.getByText('Show as a table').click();
    await expect(chart.getByRole('table').locator('tbody tr').count()).resolves.toBe(1);

    await page.getByLabel('Atrocity prevention relevant only').check();
    await expect(page.locator('.library-card').first().textContent()).resolves.toMatch(/atrocity prevention relevant/);
    expect(errors).toEqual([]);
  });

  it('refuses a file that is not an export, saying what it expected', async () => {
    const page = await s.context.newPage();
    await page.goto(extensionPage(s, 'sidepanel.html#library'));
    await page.getByLabel('Import UPR recommendations').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email\nAda,ada@example.org\n') });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/does not have the columns of a UPR export.*Expected a CSV export of UPR recommendations/);
  });
});
