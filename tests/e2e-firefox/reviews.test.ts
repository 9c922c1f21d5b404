/**
 * A delegation's whole review in Firefox, the side panel's page opened as a tab at the panel's
 * width, as the Chromium journey does it: create a review, assess indicators, keep a passage of a
 * UN report as evidence from the card (the reader's real click) and file it, draft from the
 * catalogue (in the Dialogue step and from a Search result), build the statement, export a .docx
 * and read it as Word would; then what was typed survives a reload right after the last keystroke,
 * and everything survives quitting Firefox and starting it again on the same profile.
 */
import JSZip from 'jszip';
import type { Page } from 'puppeteer-core';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { cardText, openCardOn, readThenClick } from './card-reader';
import { launchFirefox, noFirefox, reloadExtensionPage, SHOTS_DIR, type FirefoxSession } from './harness';
import { firstPassEnded } from './page-reading';
import { byRole, click, labelled, statusSays, typeInto, valueOf as value } from './ui';

const PANEL = { width: 360, height: 760 };
const REPORT_URL = 'http://www.ohchr.org/en/hr-bodies/upr/ke-stakeholders';
const REPORT_TITLE = 'Universal Periodic Review reports';
const OPENING = 'Thank you, Mr. President. Norway welcomes the delegation of Kenya.';
const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

const saved = (page: Page) => statusSays(page, /All changes saved/);
/** Replaces a field's value as a user does: click, select all, type. */
async function retype(page: Page, label: string, text: string) {
  await (await labelled(page, label)).click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}
const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
const recommendations = (page: Page) => page.$$eval('.drafts[aria-label="Recommendations"] > li textarea', (els) => els.map((e) => (e as HTMLTextAreaElement).value));
const statementOrder = (page: Page) => page.$$eval('.statement-order li strong', (els) => els.map((e) => e.textContent));

/** The parts Word needs to open a .docx, each well-formed XML; returns the document's text. */
async function readDocx(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const xml = await zip.file(name)?.async('string');
    expect(xml, `${name} in the .docx`).toBeDefined();
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (e) => {
      throw new Error(`${name} is not well-formed XML: ${e.message}`);
    });
    parser.write(xml!).close();
    return xml!;
  };
  // The main part declared as a Word document (attributes in any order).
  expect(await part('[Content_Types].xml')).toMatch(new RegExp(`<Override (?=[^>]*PartName="/word/document\\.xml")(?=[^>]*ContentType="${WORD_MAIN.replace(/[.+]/g, '\\$&')}")`));
  expect(await part('_rels/.rels')).toMatch(/Target="\/?word\/document\.xml"/);
  const document = await part('word/document.xml');
  expect(document).toMatch(/^<\?xml[^>]*\?>\s*<w:document /);
  // Paragraphs as Word shows them, one a line.
  return document.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

describe.skipIf(noFirefox)('a delegation prepares a UPR review (Firefox, built extension)', () => {
  let s: FirefoxSession;
  let panel: Page;
  let drafts: string[] = [];
  beforeAll(async () => {
    s = await launchFirefox();
    s.proxy.serve(REPORT_URL, { contentType: 'text/html; charset=utf-8', body: reportPageHtml() });
    panel = await s.openExtensionPage('sidepanel.html#reviews', PANEL);
  });
  afterAll(async () => s?.close());

  it('assesses, files evidence kept from a UN report, drafts from the catalogue and builds the statement, saved as it goes', async () => {
    await typeInto(panel, 'Find a State', 'Kenya');
    await expect.poll(() => value(panel, 'State')).toBe('KEN');
    await typeInto(panel, 'Working Group session', '46');
    await typeInto(panel, 'Your delegation', 'Norway');
    await click(panel, 'Create review');
    await byRole(panel, 'heading', /Kenya, session 46/);

    // Step 1: indicators of two risk factors, one with a note.
    await click(panel, /^9\. /);
    await (await labelled(panel, 'Status of indicator 9.1')).select('present');
    await (await labelled(panel, 'Status of indicator 9.2')).select('partly');
    await typeInto(panel, 'Note on indicator 9.1', 'Hate speech on community radio');
    await click(panel, /^1\. /);
    await (await labelled(panel, 'Status of indicator 1.1')).select('present');
    await expect.poll(() => texts(panel, '.risk-summary li')).toEqual(expect.arrayContaining([expect.stringMatching(/Risk factor 9: .*1 present, 1 partly/)]));

    // Evidence: the reader keeps a passage from the card on a UN report, then files it under 9.1.
    const report = await s.openPage(REPORT_URL, { width: 1100, height: 800 });
    await firstPassEnded(report);
    await openCardOn(report, 'genocide', /Add to evidence/);
    await readThenClick(report, 'Add to evidence');
    await expect.poll(() => cardText(report), { timeout: 15_000 }).toMatch(/Added to your evidence/);
    await report.close();
    await panel.bringToFront();
    await byRole(panel, 'heading', 'Evidence to file (1)');
    await (await labelled(panel, /^Indicator for the clip/)).select('foa-9.1');
    await click(panel, 'File evidence');
    await panel.waitForFunction(() => ![...document.querySelectorAll('h2')].some((h) => /^Evidence to file/.test(h.textContent ?? '')));
    const link = await panel.$eval('[data-indicator-id="foa-9.1"] .evidence-list a', (a) => ({ text: a.textContent, href: a.getAttribute('href'), target: a.getAttribute('target') }));
    expect(link).toEqual({ text: REPORT_TITLE, href: REPORT_URL, target: '_blank' });
    expect(await panel.$eval('[data-indicator-id="foa-9.1"] blockquote', (q) => q.textContent)).toMatch(/genocide/i);

    // Step 2: two recommendations from the catalogue in the Dialogue step...
    await click(panel, '2 Dialogue');
    await click(panel, 'From the catalogue');
    for (const q of ['Rome Statute', 'focal point']) {
      await (await labelled(panel, "Search the Secretary-General's recommendations")).evaluate((e) => e.select());
      await panel.keyboard.type(q);
      // The first entry found for it, once the list shows what was typed.
      await panel.waitForFunction((q) => document.querySelector('.picker-results > li strong')?.textContent!.toLowerCase().includes(q.toLowerCase()), {}, q.toLowerCase());
      await (await panel.waitForSelector('.picker-results > li:first-child button[aria-label^="Use as recommendation"]:not([disabled])'))!.click();
    }
    await expect.poll(async () => (await recommendations(panel)).length).toBe(2);
    // ...and a third from a result on the Search tab, which sends it to the one open review.
    await click(panel, 'Search', 'tab');
    await (await panel.waitForSelector('#catalogue-query'))!.click();
    await panel.keyboard.type('hate speech');
    const useFromCard = await panel.waitForFunction(() =>
      [...document.querySelectorAll('.results .result-card')]
        .map((card) => [...card.querySelectorAll('button')].find((b) => /^Use as recommendation/.test(b.getAttribute('aria-label') ?? b.textContent ?? '')))
        .find(Boolean),
    );
    await (useFromCard as unknown as { click(): Promise<void> }).click();
    await statusSays(panel, /Added to the recommendations of Kenya, session 46\./);
    await click(panel, 'Open its Dialogue step');
    await panel.waitForSelector('button[aria-pressed="true"]::-p-text(2 Dialogue)');
    await expect.poll(async () => (await recommendations(panel)).length).toBe(3);
    const categories = await texts(panel, '.drafts[aria-label="Recommendations"] > li .category');
    expect(categories).toHaveLength(3);
    for (const c of categories) expect(c).toMatch(/^Category [1-5]: \w+ action · decided by “[^”]+”/);
    drafts = await recommendations(panel);

    // The oral statement: the opening line, the three in an order of the delegation's choosing, the time.
    await typeInto(panel, 'Opening line', OPENING);
    for (const name of ['Recommendation 1', 'Recommendation 2', 'Recommendation 3']) {
      const box = await panel.waitForFunction(
        (name) => [...document.querySelectorAll('.statement-rest label')].find((l) => l.querySelector('strong')?.textContent === name)?.querySelector('input[type=checkbox]'),
        {},
        name,
      );
      await (box as unknown as { click(): Promise<void> }).click();
    }
    await click(panel, 'Move Recommendation 3 up');
    await expect.poll(() => statementOrder(panel)).toEqual(['Recommendation 1', 'Recommendation 3', 'Recommendation 2']);
    expect(await panel.$eval('.timing-result', (e) => e.textContent)).toMatch(/^\d+ words · about \d+ (min|s)/);
    await retype(panel, 'Time allotted: minutes', '0');
    await retype(panel, 'seconds', '10');
    await expect.poll(() => panel.$eval('.timing-result', (e) => e.textContent)).toMatch(/Over by/);
    await saved(panel);
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-reviews-statement.png` });
  }, 180_000);

  it('exports the review as a .docx Word opens: its parts in place, the statement with each recommendation a clause', async () => {
    await click(panel, 'Export');
    await click(panel, 'Word (.docx)');
    const text = await readDocx(await s.download('Kenya-UPR-46.docx'));
    // Each recommendation behind Norway's lead-in, a clause: first letter lowered, no full stop of its own.
    const clauses = drafts.map((t) => t.trim().replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()).replace(/[.;]+$/, ''));
    expect(clauses).toHaveLength(3);
    for (const t of ['Universal Periodic Review of Kenya', 'Delegation of Norway', '46th session', OPENING, 'Norway recommends that Kenya:', ...clauses]) {
      expect(text).toContain(t);
    }
    // The oral statement holds them in the order the delegation chose (1, 3, 2); the list of
    // recommendations after it, as drafted.
    const statement = text.slice(text.indexOf('Oral statement\n'), text.indexOf('Recommendations\n'));
    expect(statement).toContain(OPENING);
    const at = clauses.map((c) => statement.indexOf(c));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at[0]).toBeLessThan(at[2]!);
    expect(at[2]).toBeLessThan(at[1]!);
  });

  it('keeps the last words typed when the page is reloaded right after them', async () => {
    await click(panel, '2 Dialogue');
    await (await labelled(panel, 'Recommendation 1')).click();
    // To the end of the text (End alone goes to the end of the line it wraps at).
    await panel.keyboard.down('Control');
    await panel.keyboard.press('End');
    await panel.keyboard.up('Control');
    await panel.keyboard.type(' Promptly.');
    drafts[0] = `${drafts[0]} Promptly.`;
    await reloadExtensionPage(panel);
    await click(panel, '2 Dialogue');
    expect(await value(panel, 'Recommendation 1')).toBe(drafts[0]);
  });

  it('has everything again after Firefox is quit and started on the same profile', async () => {
    await saved(panel);
    await s.close({ keepProfile: true });
    s = await launchFirefox({ profileDir: s.profileDir });
    panel = await s.openExtensionPage('sidepanel.html#reviews', PANEL);
    await byRole(panel, 'heading', /Kenya, session 46/);
    await click(panel, /^9\. /);
    expect(await value(panel, 'Status of indicator 9.1')).toBe('present');
    expect(await value(panel, 'Status of indicator 9.2')).toBe('partly');
    expect(await value(panel, 'Note on indicator 9.1')).toBe('Hate speech on community radio');
    expect(await panel.$eval('[data-indicator-id="foa-9.1"] .evidence-list a', (a) => a.getAttribute('href'))).toBe(REPORT_URL);
    await click(panel, /^1\. /);
    expect(await value(panel, 'Status of indicator 1.1')).toBe('present');
    await click(panel, '2 Dialogue');
    await expect.poll(() => recommendations(panel)).toEqual(drafts);
    expect(await value(panel, 'Opening line')).toBe(OPENING);
    expect(await statementOrder(panel)).toEqual(['Recommendation 1', 'Recommendation 3', 'Recommendation 2']);
    expect(await value(panel, 'seconds')).toBe('10');
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-reviews-restarted.png` });
  }, 180_000);
});
