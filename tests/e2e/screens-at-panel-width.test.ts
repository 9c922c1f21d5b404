/**
 * Every screen of the extension at the side panel's real widths, with the content a delegation
 * has after a few days of work: two reviews of the States with the longest names (one whose
 * delegation is not named yet), evidence filed and waiting, drafts, a statement, follow-ups, a
 * restore under way, an imported library and a file in no known layout, a search with the "Use as
 * recommendation" form open. (The share panel's states, which need the team server, are measured
 * in team-sharing.test.ts.) At 360 px (Chrome's default) and 320 px (its narrowest) nothing may
 * scroll sideways or stick out of the panel, and on Search and Library the first result starts in
 * the top third of an 800 px panel. Screenshots of each view at 360 px, and of the full-tab pages
 * at 1280 px, go to SHOTS_DIR to be looked at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPdf } from '../fixtures/report-pdf';
import { UPR_INFO_SAMPLE } from '../fixtures/upr-info-sample';
import { backupJson } from './backup-file';
import { extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';
import { FITS, measureOverflow, type Overflow } from './overflow';

const HEIGHT = 800;
const NO_LAYOUT = resolve(import.meta.dirname, '../fixtures/library/delegation-table.csv');
/** Large enough that its check takes a while: the progress is on screen to be measured. */
const BIG_BACKUP = { name: 'r2p-lens-backup-mission.json', mimeType: 'application/json', buffer: Buffer.from(backupJson('width', 'KEN', 60_000)) };
const UK = 'United Kingdom of Great Britain and Northern Ireland';
const DRC = 'Democratic Republic of the Congo';
const EVIDENCE_URL =
  'https://www.ohchr.org/sites/default/files/documents/hrbodies/hrcouncil/sessions-regular/session52/A_HRC_52_CRP_1_conference_room_paper_of_the_commission_of_inquiry.pdf';
const CLIPS = [
  {
    quote:
      'The Commission documented a pattern of incitement to violence broadcast on community radio stations in the weeks before the elections, targeting members of a minority community.',
    title: 'Conference room paper of the Commission of Inquiry on the situation of human rights (A/HRC/52/CRP.1)',
    url: EVIDENCE_URL,
  },
  {
    quote: 'Local authorities did not investigate reported cases of enforced disappearance in the border provinces.',
    title: 'Report of the Working Group on Enforced or Involuntary Disappearances',
    url: `${EVIDENCE_URL}?page=17`,
  },
];
const LONG_DRAFT =
  'Ratify the Rome Statute of the International Criminal Court and adopt implementing legislation that defines genocide, crimes against humanity and war crimes, including provisions on command responsibility, by the next cycle of the Universal Periodic Review (see https://www.un.org/en/genocideprevention/documents/about-us/Doc.3_Framework%20of%20Analysis%20for%20Atrocity%20Crimes_EN.pdf).';

type Found = { view: string } & Overflow;

/** The extension's full-tab pages (the reader last), and the heading that says each is ready. */
const PAGE_HEADINGS = { 'options.html': 'Highlighting', 'welcome.html': 'Highlighting', 'reader.html': 'R2P Lens reader' } as const;
const PAGES = Object.keys(PAGE_HEADINGS) as (keyof typeof PAGE_HEADINGS)[];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe.skipIf(noBrowser)('every screen at the side panel widths (Chromium, built extension)', () => {
  let s: ExtensionSession;

  const open = async (page: Page, path: string) => {
    await page.goto('about:blank');
    await page.goto(extensionPage(s, path));
  };
  const sendClip = (page: Page, clip: (typeof CLIPS)[number]) =>
    page.evaluate(
      (payload) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ r2p: 1, type: 'evidence/add', payload }),
      clip,
    );
  const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  /** A full-tab page, once its heading is there. */
  const openPage = async (page: Page, path: (typeof PAGES)[number]) => {
    await open(page, path);
    await page.getByRole('heading', { name: PAGE_HEADINGS[path] }).first().waitFor();
  };
  /** A three-page report opened in the reader page, once its first page is drawn. */
  const openReport = async (page: Page) => {
    const pdf = await reportPdf(3);
    await page.getByTestId('reader-file-input').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf.bytes) });
    await page.locator('.pdf-page[data-rendered]').first().waitFor({ timeout: 20_000 });
  };

  beforeAll(async () => {
    s = await launchWithExtension();
    mkdirSync(SHOTS_DIR, { recursive: true });
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 360, height: HEIGHT });
    await open(page, 'sidepanel.html#reviews');

    // Two reviews, typed in as a delegate would; the first before the delegation is named.
    for (const [state, session, date, delegation] of [
      [DRC, '33', '2019-05-07', ''],
      [UK, '41', '2022-11-10', 'Norway'],
    ] as const) {
      const another = page.getByRole('button', { name: 'New review' });
      if (await another.count()) await another.click();
      await page.getByLabel('Find a State').fill(state);
      await page.getByLabel('Working Group session').fill(session);
      await page.getByLabel('Date of the review').fill(date);
      await page.getByLabel('Your delegation').fill(delegation);
      await page.getByRole('button', { name: 'Create review' }).click();
      await page.getByRole('heading', { name: new RegExp(`^${state}, session ${session}`) }).waitFor();
    }

    // Step 1: indicators, a note, evidence filed; a second clip waits to be filed.
    await page.locator('[data-factor-id="foa-rf-9"] > summary').click();
    await page.getByLabel('Status of indicator 9.1', { exact: true }).selectOption('present');
    await page.getByLabel('Status of indicator 9.2', { exact: true }).selectOption('partly');
    await page.getByLabel('Note on indicator 9.1', { exact: true }).fill('Hate speech on community radio before the elections; see the Commission of Inquiry.');
    await sendClip(page, CLIPS[0]!);
    await page.getByLabel(/^Indicator for the clip/).selectOption('foa-9.1');
    await page.getByRole('button', { name: 'File evidence' }).click();
    await page.locator('[data-indicator-id="foa-9.1"] .evidence-list blockquote').waitFor();
    await sendClip(page, CLIPS[1]!);
    await page.getByRole('heading', { name: 'Evidence to file (1)' }).waitFor();

    // Step 2: drafts from the catalogue and blank, and the statement.
    await page.getByRole('button', { name: '2 Dialogue', exact: true }).click();
    await page.getByRole('button', { name: 'From the catalogue' }).click();
    const search = page.getByLabel("Search the Secretary-General's recommendations");
    for (const q of ['focal point', 'hate speech']) {
      await search.fill(q);
      const use = page.locator('.picker-results').getByRole('button', { name: /^Use as recommendation/ }).first();
      await use.waitFor();
      await use.click();
    }
    await page.getByRole('button', { name: 'Close the catalogue' }).click();
    await page.getByRole('button', { name: 'Blank recommendation' }).click();
    const recs = page.locator('.drafts[aria-label="Recommendations"] > li');
    await recs.nth(2).waitFor();
    await recs.nth(2).locator('textarea').fill(LONG_DRAFT);
    await page.getByRole('button', { name: 'Blank question' }).click();
    await page.locator('.drafts[aria-label="Advance questions"] textarea').fill(`What steps has the ${UK} taken to prevent incitement to violence?`);
    await page.getByLabel('Opening line').fill(`Thank you, Mr. President. Norway welcomes the delegation of the ${UK}.`);
    for (const name of ['Question 1', 'Recommendation 1', 'Recommendation 2', 'Recommendation 3']) {
      await page.locator('.statement-rest label', { hasText: name }).getByRole('checkbox').click();
    }

    // Step 3 and step 4.
    await page.getByRole('button', { name: '3 Outcome', exact: true }).click();
    await page.getByLabel('Response to recommendation 1').selectOption('supported');
    await page.getByLabel('Paragraph in the report (recommendation 1)').fill('143.27');
    await page.getByRole('button', { name: '4 Follow-up', exact: true }).click();
    await page.getByLabel('Mid-term report expected on').fill('2025-03-31');
    await page.getByRole('button', { name: 'Add an offer of assistance' }).click();
    await page.getByLabel('What (offer of assistance 1)').fill('Training of judges on the definition of atrocity crimes');
    await page.getByLabel('Partner').fill('OHCHR, UNDP and the Office on Genocide Prevention and the Responsibility to Protect');
    await page.getByLabel('By when').fill('2024-12-01');
    await saved(page);

    // The library: the real UPR Info sample, through the file input.
    await open(page, 'sidepanel.html#library');
    await page.getByLabel('Import UPR recommendations').setInputFiles(UPR_INFO_SAMPLE);
    await page.locator('.import-summary').waitFor({ timeout: 60_000 });
    await page.close();
  }, 180_000);
  afterAll(async () => s?.close());

  for (const width of [360, 320]) {
    it(`fits ${width} px: no sideways scroll on any view, first results in the top third`, async () => {
      const page = await s.context.newPage();
      await page.setViewportSize({ width, height: HEIGHT });
      const found: Found[] = [];
      /** Measures the view; at 360 px its screenshot shows the panel as a reader sees it, scrolled to `focus`. */
      const check = async (view: string, focus?: Locator) => {
        // Late layout (live queries, the deferred search) settles before measuring.
        await page.waitForTimeout(150);
        found.push({ view, ...(await measureOverflow(page)) });
        if (width !== 360) return;
        if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        else await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `${SHOTS_DIR}/panel-360-${slug(view)}.png` });
      };
      const firstTop = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;

      // Search: results, the filters, a card opened with its "Use as recommendation" form.
      await open(page, 'sidepanel.html#search');
      await page.getByRole('searchbox').fill('early warning');
      await page.locator('.results .result-card').first().waitFor();
      await check('search results');
      expect(await firstTop('.results .result-card'), 'first search result top').toBeLessThanOrEqual(HEIGHT / 3);
      const filters = page.getByRole('button', { name: /^Filters/ });
      await expect(filters.textContent()).resolves.toBe('Filters (0)');
      await filters.click();
      await page.getByRole('group', { name: 'Report' }).getByRole('button', { name: '2017' }).click();
      await page.getByLabel('Risk factor').selectOption({ index: 1 });
      await expect.poll(() => filters.textContent()).toBe('Filters (2)');
      await check('search filters open');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => filters.textContent()).toBe('Filters (0)');
      await filters.click();
      const card = page.locator('.results .result-card').first();
      await card.locator('h3 button').click();
      await card.getByRole('button', { name: /^Use as recommendation/ }).click();
      await card.getByLabel('Add to the review of').waitFor();
      await card.getByLabel('Add to the review of').selectOption({ label: `${UK}, session 41` });
      await check('search use as recommendation', card);
      await card.getByRole('button', { name: 'New review…' }).click();
      await card.getByLabel('Find a State').fill(UK);
      await check('search use as recommendation new review', card.locator('.new-review'));

      await open(page, 'sidepanel.html#page');
      await page.getByRole('heading', { name: 'Highlighting' }).waitFor();
      await check('on this page');

      // Reviews: the list, the review's details, each step.
      await open(page, 'sidepanel.html#reviews');
      await page.getByRole('heading', { name: new RegExp(`^${UK}, session 41`) }).waitFor();
      await page.getByRole('button', { name: '1 Prepare', exact: true }).click();
      await page.getByText('Review details').click();
      await page.locator('[data-factor-id="foa-rf-9"] > summary').click();
      await page.locator('[data-indicator-id="foa-9.1"] .evidence-list blockquote').waitFor();
      await check('reviews list and prepare');
      await check('reviews prepare evidence', page.locator('[data-factor-id="foa-rf-9"]'));
      await page.getByRole('button', { name: 'Share with your team…' }).click();
      await page.getByLabel('Server address (or a share link)').fill('wss://r2p-team.mission-of-norway.example.org:8443/reviews/united-kingdom-41');
      await check('reviews share form', page.getByRole('form', { name: 'Share this review' }));
      await page.getByRole('form', { name: 'Share this review' }).getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'New review' }).click();
      await page.getByLabel('Find a State').fill(DRC);
      await check('reviews new review');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: '2 Dialogue', exact: true }).click();
      await page.locator('.statement-order li').first().waitFor();
      await page.getByText('Read the statement').click();
      await page.getByRole('button', { name: 'From the catalogue' }).click();
      await page.getByLabel("Search the Secretary-General's recommendations").fill('Rome Statute');
      await page.locator('.picker-results .result-card').first().waitFor();
      await check('reviews dialogue', page.locator('.dialogue-step'));
      await check('reviews dialogue drafts', page.locator('.drafts[aria-label="Recommendations"]'));
      await check('reviews statement builder', page.locator('.statement-builder'));
      await page.getByRole('button', { name: '3 Outcome', exact: true }).click();
      await check('reviews outcome', page.locator('.outcome-step'));
      await page.getByRole('button', { name: '4 Follow-up', exact: true }).click();
      await page.getByText(/The Secretary-General on international assistance/).click();
      await check('reviews follow-up', page.locator('.follow-up-step'));
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up everything' }).click()]);
      await page.getByLabel('Restore from a backup file').setInputFiles({ name: backup.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync((await backup.path())!) });
      await page.getByRole('group', { name: 'Confirm restore' }).waitFor();
      await check('reviews export and backup', page.locator('.export-panel'));
      await page.getByRole('group', { name: 'Confirm restore' }).getByRole('button', { name: 'Cancel' }).click();
      await page.getByLabel('Restore from a backup file').setInputFiles(BIG_BACKUP);
      await page.locator('.restore-progress').waitFor({ timeout: 30_000 });
      await check('reviews restore progress', page.locator('.backup-panel'));
      const stopRestore = page.locator('.restore-progress').getByRole('button', { name: 'Cancel' });
      const confirmRestore = page.getByRole('group', { name: 'Confirm restore' }).getByRole('button', { name: 'Cancel' });
      await stopRestore.or(confirmRestore).first().click({ timeout: 60_000 });
      // The other review, whose delegation is not named yet: the statement asks for it.
      await page.getByRole('button', { name: `${DRC}, session 33`, exact: true }).click();
      await page.getByRole('button', { name: '2 Dialogue', exact: true }).click();
      await page.getByRole('form', { name: 'Your delegation' }).waitFor();
      await check('reviews statement lead-in without a delegation', page.locator('.statement-builder'));
      await page.getByRole('button', { name: `${UK}, session 41`, exact: true }).click();

      // Library: the search as the tab opens, the import summary, filters with the chart.
      await open(page, 'sidepanel.html#library');
      await page.getByRole('searchbox', { name: 'Search the library' }).fill('torture');
      await expect.poll(() => page.locator('.library-view .result-count').textContent()).toMatch(/^\d+ recommendations$/);
      await page.locator('.library-card').first().waitFor();
      await check('library results');
      expect(await firstTop('.library-card'), 'first library result top').toBeLessThanOrEqual(HEIGHT / 3);
      // The virtualised list flows with the panel's own scroll: scrolling the panel to its end shows the last row.
      const total = Number((await page.locator('.library-view .result-count').textContent())!.replace(/\D/g, ''));
      // Rows are measured as they come into view, so the end moves while the reader gets there.
      await page.evaluate(async () => {
        for (let i = 0, before = -1; i < 10 && scrollY !== before; i++) {
          before = scrollY;
          window.scrollTo(0, document.documentElement.scrollHeight);
          await new Promise((r) => setTimeout(r, 100));
        }
      });
      const last = page.locator(`.library-row[aria-posinset="${total}"]`);
      await last.waitFor();
      const lastBox = (await last.boundingBox())!;
      expect(lastBox.y + lastBox.height, 'the last row, in view at the end of the panel').toBeLessThanOrEqual(HEIGHT);
      expect(lastBox.y).toBeGreaterThan(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      const libraryFilters = page.getByRole('button', { name: /^Filters/ });
      await libraryFilters.click();
      await page.getByLabel('State under Review').selectOption('Central African Republic');
      await page.getByLabel('Atrocity prevention relevant only').check();
      await expect.poll(() => libraryFilters.textContent()).toBe('Filters (2)');
      await page.getByText('Show as a table').click();
      await check('library filters and chart');
      await page.getByRole('button', { name: 'Import more recommendations' }).click();
      await page.getByLabel('Import UPR recommendations').setInputFiles(UPR_INFO_SAMPLE);
      await page.locator('.import-summary').waitFor({ timeout: 60_000 });
      await check('library import summary');
      // A file in no known layout: which column holds what.
      await page.getByLabel('Import UPR recommendations').setInputFiles(NO_LAYOUT);
      await page.locator('.column-mapping').waitFor({ timeout: 60_000 });
      await check('library mapping step', page.locator('.column-mapping'));
      await page.locator('.column-mapping').getByRole('button', { name: 'Leave this file out' }).click();

      // The full-tab pages at this width.
      for (const path of PAGES) {
        await openPage(page, path);
        await check(`page ${path.replace('.html', '')}`);
      }
      // The reader, last of those pages, with a report open: its pages scroll in their own box.
      await openReport(page);
      await check('page reader with a document');
      await page.close();

      expect(found).toEqual(found.map(({ view }) => ({ view, ...FITS })));
    }, 180_000);
  }

  it('takes the README screenshots of the Reviews and Library tabs, at 360 px', async () => {
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 360, height: HEIGHT });
    await open(page, 'sidepanel.html#reviews');
    await page.getByRole('button', { name: '2 Dialogue', exact: true }).click();
    const recs = page.locator('.drafts[aria-label="Recommendations"]');
    await recs.locator('.draft-analysis').first().waitFor();
    await page.locator('.reviews-view .review-workspace').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await measureOverflow(page)).toEqual(FITS);
    await page.screenshot({ path: `${SHOTS_DIR}/side-panel-reviews.png` });

    await open(page, 'sidepanel.html#library');
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('torture');
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('Atrocity prevention relevant only').check();
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect.poll(() => page.locator('.library-view .result-count').textContent()).toMatch(/^\d+ recommendations$/);
    await page.locator('.library-card').first().waitFor();
    expect(await measureOverflow(page)).toEqual(FITS);
    await page.screenshot({ path: `${SHOTS_DIR}/side-panel-library.png` });
    await page.close();
  });

  it('the popup fits its own width, and the full-tab pages 1280 px', async () => {
    const found: Found[] = [];
    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 420, height: 580 });
    await open(popup, 'popup.html');
    await popup.getByRole('searchbox').fill('early warning');
    await popup.locator('.results .result-card').first().waitFor();
    found.push({ view: 'popup', ...(await measureOverflow(popup)) });
    await popup.screenshot({ path: `${SHOTS_DIR}/popup.png` });
    await popup.close();

    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1280, height: HEIGHT });
    for (const path of PAGES) {
      await openPage(page, path);
      found.push({ view: path, ...(await measureOverflow(page)) });
      await page.screenshot({ path: `${SHOTS_DIR}/page-1280-${slug(path)}.png`, fullPage: true });
    }
    await openReport(page);
    found.push({ view: 'reader with a document', ...(await measureOverflow(page)) });
    await page.screenshot({ path: `${SHOTS_DIR}/page-1280-reader-document.png` });
    await page.close();
    expect(found).toEqual(found.map(({ view }) => ({ view, ...FITS })));
  });
});
