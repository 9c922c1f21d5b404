/**
 * The delegation's whole journey in Chromium with the built extension: create a review, assess
 * indicators, clip evidence from a page, draft from the catalogue (in the Dialogue step and from a
 * Search result card), build the statement, export a .docx, then quit and relaunch the browser on
 * the same profile and find everything again.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';

const ARTICLE_URL = 'http://127.0.0.1:9/un-report.html';
const QUOTE = 'Local radio stations repeatedly broadcast calls to expel the minority community.';
const ARTICLE = `<!doctype html><html lang="en"><head><title>Report of the Special Rapporteur</title></head>
<body><h1>Report</h1><p id="q">${QUOTE}</p><p>Other text.</p></body></html>`;

describe.skipIf(noBrowser)('a delegation prepares a UPR review (Chromium, built extension)', () => {
  let s: ExtensionSession | undefined;
  afterAll(async () => s?.close());

  const openReviews = async (session: ExtensionSession): Promise<Page> => {
    const page = await session.context.newPage();
    await page.goto(extensionPage(session, 'sidepanel.html#reviews'));
    return page;
  };
  const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

  it('keeps a review with assessments, evidence, drafts and statement across a browser restart, and exports it', async () => {
    s = await launchWithExtension();
    const panel = await openReviews(s);

    // Create the review.
    await panel.getByLabel('Find a State').fill('Kenya');
    await expect(panel.getByLabel('State', { exact: true }).inputValue()).resolves.toBe('KEN');
    await panel.getByLabel('Working Group session').fill('46');
    await panel.getByLabel('Your delegation').fill('Norway');
    await panel.getByRole('button', { name: 'Create review' }).click();
    await panel.getByRole('heading', { name: /Kenya, session 46/ }).waitFor();

    // Step 1: mark indicators.
    await panel.locator('[data-factor-id="foa-rf-9"] > summary').click();
    await panel.getByLabel('Status of indicator 9.1', { exact: true }).selectOption('present');
    await panel.getByLabel('Status of indicator 9.2', { exact: true }).selectOption('partly');
    await panel.locator('[data-factor-id="foa-rf-1"] > summary').click();
    await panel.getByLabel('Status of indicator 1.1', { exact: true }).selectOption('present');
    await panel.getByLabel('Note on indicator 9.1', { exact: true }).fill('Hate speech on community radio');
    const summary = panel.locator('.risk-summary li');
    await expect.poll(() => summary.first().textContent()).toMatch(/Risk factor 9: .*1 present, 1 partly/);

    // Clip evidence: select the sentence on a page, then send what the context menu sends. Playwright cannot
    // click a browser context menu, so the same background code path is reached through the protocol
    // message 'evidence/add' (which the highlight card also uses), sent from an extension page.
    const article = await s.context.newPage();
    await article.route(ARTICLE_URL, (route) => route.fulfill({ contentType: 'text/html', body: ARTICLE }));
    await article.goto(ARTICLE_URL);
    const selected = await article.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('q')!);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString();
    });
    expect(selected).toBe(QUOTE);
    const clip = { quote: selected, title: await article.title(), url: article.url() };
    const reply = await panel.evaluate(
      (payload) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ r2p: 1, type: 'evidence/add', payload }),
      clip,
    );
    expect(reply).toMatchObject({ id: expect.any(String) });
    await panel.getByRole('heading', { name: 'Evidence to file (1)' }).waitFor();
    await panel.getByLabel(/^Indicator for the clip/).selectOption('foa-9.1');
    await panel.getByRole('button', { name: 'File evidence' }).click();
    await panel.getByRole('heading', { name: /Evidence to file/ }).waitFor({ state: 'detached' });
    const evidenceLink = panel.locator('[data-indicator-id="foa-9.1"] .evidence-list a');
    await expect(evidenceLink.textContent()).resolves.toBe('Report of the Special Rapporteur');
    await expect(evidenceLink.getAttribute('href')).resolves.toBe(ARTICLE_URL);
    await expect(evidenceLink.getAttribute('target')).resolves.toBe('_blank');

    // Step 2: three recommendations from the catalogue, with their action categories.
    await panel.getByRole('button', { name: '2 Dialogue' }).click();
    await panel.getByRole('button', { name: 'From the catalogue' }).click();
    const search = panel.getByLabel("Search the Secretary-General's recommendations");
    for (const q of ['Rome Statute', 'focal point']) {
      await search.fill(q);
      const use = panel.locator('.picker-results').getByRole('button', { name: /^Use as recommendation/ }).first();
      await use.waitFor();
      await use.click();
    }
    // The third from a result card on the Search tab; with one review it goes straight there.
    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.locator('#catalogue-query').fill('hate speech');
    // The first card that offers one recommendation: a card with several asks the user to choose first.
    await panel.locator('.results .result-card').filter({ has: panel.getByRole('button', { name: /^Use as recommendation/ }) }).first()
      .getByRole('button', { name: /^Use as recommendation/ }).click();
    await panel.getByRole('status').filter({ hasText: 'Added to the recommendations of Kenya, session 46.' }).waitFor();
    await panel.getByRole('button', { name: 'Open its Dialogue step' }).click();
    await panel.getByRole('button', { name: '2 Dialogue', pressed: true }).waitFor();
    const recs = panel.locator('.drafts[aria-label="Recommendations"] > li');
    await expect.poll(() => recs.count()).toBe(3);
    const categories = await recs.locator('.category').allTextContents();
    expect(categories).toHaveLength(3);
    for (const c of categories) expect(c).toMatch(/^Category [1-5]: \w+ action · decided by “[^”]+”/);
    const recTexts = await recs.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

    // The oral statement.
    await panel.getByLabel('Opening line').fill('Thank you, Mr. President. Norway welcomes the delegation of Kenya.');
    for (const name of ['Recommendation 1', 'Recommendation 2', 'Recommendation 3']) {
      await panel.locator('.statement-rest label', { hasText: name }).getByRole('checkbox').click();
    }
    await panel.getByRole('button', { name: 'Move Recommendation 3 up' }).click();
    await expect.poll(() => panel.locator('.statement-order li strong').allTextContents()).toEqual(['Recommendation 1', 'Recommendation 3', 'Recommendation 2']);
    await expect(panel.locator('.timing-result').textContent()).resolves.toMatch(/^\d+ words · about \d+ (min|s)/);
    await panel.getByLabel('Time allotted: minutes').fill('0');
    await panel.getByLabel('seconds').fill('10');
    await expect.poll(() => panel.locator('.timing-result').textContent()).toMatch(/Over by/);
    await saved(panel);

    // Export a .docx and read it back.
    await panel.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('Kenya-UPR-46.docx');
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    // The recommendations behind Norway's lead-in, each a clause: first letter lowered, no full stop of its own.
    const clauses = recTexts.map((t) => t.trim().replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()).replace(/[.;]+$/, ''));
    for (const t of ['Universal Periodic Review of Kenya', 'Delegation of Norway', '46th session', 'Norway welcomes the delegation of Kenya.', 'Norway recommends that Kenya:', ...clauses]) {
      expect(text).toContain(t);
    }

    // Quit the browser and start it again on the same profile.
    await saved(panel);
    const profileDir = s.profileDir;
    await s.close({ keepProfile: true });
    s = await launchWithExtension(profileDir);
    const again = await openReviews(s);
    await again.getByRole('heading', { name: /Kenya, session 46/ }).waitFor();
    await again.locator('[data-factor-id="foa-rf-9"] > summary').click();
    await expect(again.getByLabel('Status of indicator 9.1', { exact: true }).inputValue()).resolves.toBe('present');
    await expect(again.getByLabel('Status of indicator 9.2', { exact: true }).inputValue()).resolves.toBe('partly');
    await expect(again.getByLabel('Note on indicator 9.1', { exact: true }).inputValue()).resolves.toBe('Hate speech on community radio');
    await expect(again.locator('[data-indicator-id="foa-9.1"] blockquote').textContent()).resolves.toBe(QUOTE);
    await again.getByRole('button', { name: '2 Dialogue' }).click();
    const recsAgain = again.locator('.drafts[aria-label="Recommendations"] > li textarea');
    await expect.poll(() => recsAgain.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).toEqual(recTexts);
    await expect(again.getByLabel('Opening line').inputValue()).resolves.toBe('Thank you, Mr. President. Norway welcomes the delegation of Kenya.');
    await expect(again.locator('.statement-order li strong').allTextContents()).resolves.toEqual(['Recommendation 1', 'Recommendation 3', 'Recommendation 2']);
    await expect(again.getByLabel('seconds').inputValue()).resolves.toBe('10');
  }, 150_000);

  it('says once per risk factor which paraphrases are unchecked and which numbers may not be official', async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    const session = await launchWithExtension();
    try {
      const page = await openReviews(session);
      await page.setViewportSize({ width: 400, height: 1000 });
      await page.getByLabel('Find a State').fill('Chile');
      await page.getByRole('button', { name: 'Create review' }).click();
      const f14 = page.locator('[data-factor-id="foa-rf-14"]');
      await f14.locator('> summary').click();
      await expect(f14.locator('.factor-notes p').allTextContents()).resolves.toEqual([
        'Paraphrases not checked against the official wording.',
        expect.stringMatching(/^These numbers may not be the official ones\. The official indicators of this factor could not be checked at all/),
      ]);
      await expect(f14.locator('[data-indicator-id]').count()).resolves.toBe(6);
      await expect(f14.locator('[data-indicator-id]').filter({ hasText: 'not checked' }).count()).resolves.toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
      await f14.screenshot({ path: `${SHOTS_DIR}/prepare-factor-14-unchecked.png` });
      const f7 = page.locator('[data-factor-id="foa-rf-7"]');
      await f7.locator('> summary').click();
      await expect(f7.locator('.factor-notes').textContent()).resolves.toBe('Paraphrase not checked against the official wording: 7.12–7.14.');
      await f7.screenshot({ path: `${SHOTS_DIR}/prepare-factor-7-partly-unchecked.png` });
    } finally {
      await session.close();
    }
  }, 60_000);

  it('has no accessibility violations axe can find in each step', async () => {
    const session = await launchWithExtension();
    try {
      const page = await openReviews(session);
      await page.getByLabel('Find a State').fill('Chile');
      await page.getByRole('button', { name: 'Create review' }).click();
      await page.locator('[data-factor-id="foa-rf-1"] > summary').click();
      // Evaluated through the DevTools protocol, so the extension page's CSP does not block it.
      await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
      const violations = async () =>
        page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(el: Element): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
          const r = await axe.run(document.querySelector('.reviews-view')!);
          return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
      expect(await violations()).toEqual([]);
      for (const step of ['2 Dialogue', '3 Outcome', '4 Follow-up', 'Export']) {
        await page.getByRole('button', { name: step, exact: true }).click();
        if (step === '2 Dialogue') await page.getByRole('button', { name: 'Blank recommendation' }).click();
        expect([step, await violations()]).toEqual([step, []]);
      }
    } finally {
      await session.close();
    }
  }, 90_000);
});
