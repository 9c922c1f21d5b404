/**
 * The side panel's Search and Library in Firefox, its page opened as a tab at the panel's width
 * (Firefox's sidebar itself cannot be driven): the catalogue searched as a delegate types, a
 * citation copied and pasted, and the library: UPR Info's real export imported through the file
 * input, searched, filtered and charted; four exports of three layouts (UPR Info's database CSV,
 * UHRI's Excel and JSON) chosen together; what is no export refused in plain words.
 */
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPR_INFO_SAMPLE, UPR_INFO_SAMPLE_NAME, UPR_INFO_SAMPLE_ROWS } from '../fixtures/upr-info-sample';
import { launchFirefox, noFirefox, SHOTS_DIR, type FirefoxSession } from './harness';
import { byRole, click, labelled, statusSays, typeInto } from './ui';

const PANEL = { width: 360, height: 760 };
const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/library', name);
/** The library's count of what it shows ("1,229 recommendations"), as a number. */
const shown = (page: Page) => page.$eval('.library-view [role=status].result-count', (e) => Number(e.textContent!.replace(/\D/g, ''))).catch(() => -1);
const firstCard = (page: Page, part = '') => page.$eval(`.library-card:not(.loading) ${part}`, (e) => e.textContent ?? '').catch(() => '');

describe.skipIf(noFirefox)('the side panel’s pages as tabs (Firefox, built extension)', () => {
  let s: FirefoxSession;
  beforeAll(async () => {
    s = await launchFirefox();
  });
  afterAll(async () => s?.close());

  it('finds the R2P Focal Point recommendations as the delegate types, and copies a citation to paste', async () => {
    const panel = await s.openExtensionPage('sidepanel.html#search', PANEL);
    await typeInto(panel, 'Search recommendations', 'focal point');
    await panel.waitForFunction(() => {
      const titles = [...document.querySelectorAll('article h3, li h3')].slice(0, 3).map((h) => h.textContent ?? '');
      return titles.length === 3 && titles.every((t) => /focal point/i.test(t));
    });
    // Typos are forgiven.
    await (await labelled(panel, 'Search recommendations')).evaluate((e) => e.select());
    await panel.keyboard.type('genocide convension');
    await byRole(panel, 'heading', /Genocide Convention/i);
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-search.png` });

    await click(panel, 'Copy citation');
    await byRole(panel, 'button', 'Citation copied');
    // Pasted where a delegate would paste it: a text field.
    const pasted = await panel.evaluate(() => {
      const area = document.createElement('textarea');
      area.setAttribute('aria-label', 'Paste here');
      document.body.append(area);
      return true;
    });
    expect(pasted).toBe(true);
    await (await labelled(panel, 'Paste here')).click();
    await panel.keyboard.down('Control');
    await panel.keyboard.press('v');
    await panel.keyboard.up('Control');
    await expect.poll(() => panel.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Paste here"]')!.value)).toMatch(/A\/\d+\/\d+/);
    await panel.close();
  });

  it('imports the real UPR Info export through the file input, then searches, filters and charts a State', async () => {
    const panel = await s.openExtensionPage('sidepanel.html#library', PANEL);
    await (await labelled(panel, 'Import UPR recommendations')).uploadFile(UPR_INFO_SAMPLE);
    const summary = await statusSays(panel, /recommendations added/, 60_000);
    expect(summary).toMatch(new RegExp(`${UPR_INFO_SAMPLE_ROWS.toLocaleString('en')} recommendations added from “${UPR_INFO_SAMPLE_NAME.replace(/\./g, '\\.')}”`));
    expect(summary).toMatch(/0 rows refused/);
    await statusSays(panel, new RegExp(`^${UPR_INFO_SAMPLE_ROWS.toLocaleString('en')} recommendations$`));
    await typeInto(panel, 'Search the library', 'Hissène Habré');
    await statusSays(panel, /^2 recommendations$/);
    expect(await panel.evaluate(() => document.body.innerText)).toMatch(/Hissène Habré to justice/);
    await expect.poll(() => firstCard(panel)).toMatch(/→ Senegal · session 4 · Noted/);
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-library.png` });

    await (await labelled(panel, 'Search the library')).evaluate((e) => e.select());
    await panel.keyboard.type('torture');
    await expect.poll(() => shown(panel)).toBeGreaterThan(30);
    const allTorture = await shown(panel);
    await expect.poll(() => firstCard(panel, '.concept-tags')).toMatch(/Torture/i);
    await (await labelled(panel, 'State under Review')).select('Uzbekistan');
    await expect.poll(() => shown(panel)).toBeLessThan(allTorture);
    await expect.poll(() => firstCard(panel, '.muted')).toMatch(/→ Uzbekistan/);
    const chart = (await panel.waitForFunction(() =>
      [...document.querySelectorAll('figure')].find((f) => f.querySelector('figcaption')?.textContent === 'Recommendations to Uzbekistan per session'),
    )) as ElementHandle<HTMLElement>;
    expect(await chart.$eval('svg[role=img]', (svg) => svg.getAttribute('aria-label'))).toMatch(/^Uzbekistan: session 3: \d+ received, \d+ relevant, \d+ % supported/);
    await (await byRole(panel, 'button', 'Show as a table')).click();
    await expect.poll(() => chart.$$eval('table tbody tr', (rows) => rows.length)).toBe(1);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANEL.width);
    await panel.close();
  });

  it('imports four exports of three layouts chosen together: one summary, repeated rows once, bad rows by line', async () => {
    const panel = await s.openExtensionPage('sidepanel.html#library', PANEL);
    await expect.poll(() => shown(panel)).toBe(UPR_INFO_SAMPLE_ROWS);
    const files = ['upr-info-db-a.csv', 'upr-info-db-b.csv', 'uhri-search-export.xlsx', 'uhri-full-sample.json'].map(fixture);
    await (await labelled(panel, 'Import UPR recommendations')).uploadFile(...files);
    const summary = await panel.waitForSelector('.import-summary', { timeout: 60_000 });
    const text = (await summary!.evaluate((e) => e.textContent))!;
    expect(text).toMatch(/^948 recommendations added from 4 files\. 139 duplicates skipped\. 3 rows refused\./);
    expect(text).toMatch(/“upr-info-db-a\.csv” \(UPR Info database, CSV, UTF-8\): 299 added, 0 duplicates, 1 refused/);
    expect(text).toMatch(/“upr-info-db-b\.csv” \(UPR Info database, CSV, UTF-8\): 150 added, 100 duplicates, 0 refused/);
    expect(text).toMatch(/“uhri-search-export\.xlsx” \(OHCHR Universal Human Rights Index, Excel\): 239 added/);
    expect(text).toMatch(/“uhri-full-sample\.json” \(OHCHR Universal Human Rights Index, JSON\): 260 added, 39 duplicates, 1 refused/);
    await (await summary!.waitForSelector('summary::-p-text(Rows refused)'))!.click();
    expect(await summary!.$eval('.refused-rows', (e) => e.textContent)).toMatch(/“upr-info-db-a\.csv”, line 6: it holds “&#x110000;”, which is not a character.*“uhri-full-sample\.json”, record 7 \(line 8\)/);
    await expect.poll(() => shown(panel)).toBe(UPR_INFO_SAMPLE_ROWS + 948);
    await (await labelled(panel, 'Mechanism')).select('b:CRC');
    await expect.poll(() => firstCard(panel, '.muted')).toMatch(/^CRC \(treaty body\) → .* · CRC\/C\//);
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-library-import-summary.png` });
    await panel.close();
  });

  it('refuses plainly what is no export, and keeps the library as it was', async () => {
    const panel = await s.openExtensionPage('sidepanel.html#library', PANEL);
    await expect.poll(() => shown(panel)).toBeGreaterThan(0);
    const before = await shown(panel);
    await (await labelled(panel, 'Import UPR recommendations')).uploadFile(resolve(import.meta.dirname, '../../public/icon/96.png'));
    const alert = await byRole(panel, 'alert', /not an export of recommendations/);
    expect(await alert.evaluate((e) => e.textContent)).toMatch(/“96\.png” is a PNG image, not an export of recommendations\. Expected an export of UPR recommendations/);
    expect(await shown(panel)).toBe(before);
    await panel.close();
  });
});
