/**
 * A delegation's review in Firefox, in the side panel's page opened as a tab at the panel's
 * width: create a review, assess an indicator, draft recommendations (blank and from the
 * catalogue), the statement's opening line; what was typed survives a reload, even one right
 * after the last keystroke; the .docx export is read back.
 */
import JSZip from 'jszip';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, noFirefox, reloadExtensionPage, SHOTS_DIR, type FirefoxSession } from './harness';
import { byRole, click, labelled, statusSays, typeInto, valueOf as value } from './ui';

const saved = (page: Page) => statusSays(page, /All changes saved/);

describe.skipIf(noFirefox)('a delegation prepares a UPR review (Firefox, built extension)', () => {
  let s: FirefoxSession;
  let panel: Page;
  beforeAll(async () => {
    s = await launchFirefox();
    panel = await s.openExtensionPage('sidepanel.html#reviews', { width: 360, height: 760 });
  });
  afterAll(async () => s?.close());

  it('creates a review, assesses and drafts, and keeps what was typed across reloads', async () => {
    await typeInto(panel, 'Find a State', 'Kenya');
    await expect.poll(() => value(panel, 'State')).toBe('KEN');
    await typeInto(panel, 'Working Group session', '46');
    await typeInto(panel, 'Your delegation', 'Norway');
    await click(panel, 'Create review');
    await byRole(panel, 'heading', /Kenya, session 46/);

    // Step 1: an indicator marked present, with a note.
    await click(panel, /^9\. /);
    await (await labelled(panel, 'Status of indicator 9.1')).select('present');
    await typeInto(panel, 'Note on indicator 9.1', 'Hate speech on community radio');

    // Step 2: a blank recommendation typed in full, and one from the catalogue.
    await click(panel, '2 Dialogue');
    await click(panel, 'Blank recommendation');
    await typeInto(panel, 'Recommendation 1', 'Ratify the Rome Statute of the International Criminal Court.');
    await click(panel, 'From the catalogue');
    await typeInto(panel, "Search the Secretary-General's recommendations", 'focal point');
    await click(panel, /^Use as recommendation/);
    const fromCatalogue = await value(panel, 'Recommendation 2');
    expect(fromCatalogue.length).toBeGreaterThan(20);
    await typeInto(panel, 'Opening line', 'Thank you, Mr. President. Norway welcomes the delegation of Kenya.');
    await saved(panel);
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-reviews-dialogue.png` });

    await reloadExtensionPage(panel);
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-reviews-reloaded.png` });
    await click(panel, '2 Dialogue');
    expect(await value(panel, 'Recommendation 1')).toBe('Ratify the Rome Statute of the International Criminal Court.');
    expect(await value(panel, 'Recommendation 2')).toBe(fromCatalogue);
    expect(await value(panel, 'Opening line')).toBe('Thank you, Mr. President. Norway welcomes the delegation of Kenya.');

    await click(panel, '1 Prepare');
    await click(panel, /^9\. /);
    expect(await value(panel, 'Status of indicator 9.1')).toBe('present');
    expect(await value(panel, 'Note on indicator 9.1')).toBe('Hate speech on community radio');
  }, 120_000);

  it('keeps the last words typed when the page is reloaded right after them', async () => {
    await click(panel, '2 Dialogue');
    await (await labelled(panel, 'Recommendation 1')).click();
    await panel.keyboard.press('End');
    await panel.keyboard.type(' Promptly.');
    await reloadExtensionPage(panel);
    await click(panel, '2 Dialogue');
    expect(await value(panel, 'Recommendation 1')).toBe('Ratify the Rome Statute of the International Criminal Court. Promptly.');
  });

  it('exports the review as a .docx that reads back with its drafts', async () => {
    await click(panel, 'Export');
    await click(panel, 'Word (.docx)');
    const zip = await JSZip.loadAsync(await s.download('Kenya-UPR-46.docx'));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const t of ['Universal Periodic Review of Kenya', 'Delegation of Norway', '46th session', 'Norway welcomes the delegation of Kenya.']) {
      expect(text).toContain(t);
    }
    // The statement puts each recommendation behind the delegation's lead-in, as a clause.
    expect(text).toMatch(/ratify the Rome Statute of the International Criminal Court/i);
  });
});
