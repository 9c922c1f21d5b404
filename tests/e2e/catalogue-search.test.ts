import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';

/** What Ctrl+V puts into a field of the page: what the user would paste. */
async function pasted(page: Page): Promise<string> {
  await page.evaluate(() => {
    document.querySelector('body > textarea')?.remove();
    const area = document.createElement('textarea');
    document.body.append(area);
    area.focus();
  });
  await page.keyboard.press('Control+V');
  return page.evaluate(() => document.querySelector<HTMLTextAreaElement>('body > textarea')!.value);
}

describe.skipIf(noBrowser)('catalogue search in the side panel (Chromium, built extension)', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
  });
  afterAll(async () => s?.close());

  it('finds the R2P Focal Point recommendation, narrows it to 2017 and copies its citation', async () => {
    const page = await s.context.newPage();
    await page.goto(extensionPage(s, 'sidepanel.html'));
    const search = page.getByRole('searchbox', { name: 'Search recommendations' });
    await expect(search.isVisible()).resolves.toBe(true);
    // "/" focuses the search box from anywhere on the page.
    await page.locator('body').click();
    await page.keyboard.press('/');
    await page.keyboard.type('focal point');
    await expect(search.inputValue()).resolves.toBe('focal point');
    const firstCards = page.locator('.results .result-card');
    // Results follow each keystroke; wait for the ones of the whole query.
    await expect
      .poll(async () => (await firstCards.locator('h3').allTextContents()).slice(0, 3).every((t) => /focal point/i.test(t)))
      .toBe(true);

    await page.getByRole('button', { name: 'Filters (0)' }).click();
    await page.getByRole('group', { name: 'Report' }).getByRole('button', { name: '2017' }).click();
    await page.getByRole('button', { name: 'Filters (1)' }).waitFor();
    const cards = page.locator('.results .result-card');
    await expect.poll(async () => (await cards.locator('.citation').allTextContents()).every((t) => t.startsWith('2017'))).toBe(true);
    const card = cards.filter({ hasText: /focal point/i }).first();
    await expect(card.textContent()).resolves.toMatch(/A\/71\/1016/);

    await card.getByRole('button', { name: 'Copy citation' }).click();
    await card.getByRole('button', { name: 'Citation copied' }).waitFor();
    // Paste into a field of the same page: what a user would see when pasting the citation.
    const clip = await page.evaluate(() => {
      const area = document.createElement('textarea');
      document.body.append(area);
      area.focus();
      return area;
    }).then(async () => {
      await page.keyboard.press('Control+V');
      return page.evaluate(() => document.querySelector<HTMLTextAreaElement>('body > textarea')!.value);
    });
    expect(clip).toContain('A/71/1016–S/2017/556');
    expect(clip).toMatch(/2017/);
  });

  it('shows every recommendation grouped by report when the query is empty, and a clear no-result state', async () => {
    const page = await s.context.newPage();
    await page.goto(extensionPage(s, 'sidepanel.html'));
    // The panel reopens on the last search (here the previous test's): clearing it lists everything.
    await page.getByRole('searchbox').fill('');
    await page.locator('.group-heading').first().waitFor();
    const headings = await page.locator('.group-heading').allTextContents();
    expect(headings.map((h) => h.slice(0, 4))).toEqual(['2013', '2014', '2015', '2017']);
    await page.getByRole('searchbox').fill('zzqxv');
    await expect(page.locator('.empty-state').textContent()).resolves.toMatch(/No recommendation matches/);
  });

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    const page = await s.context.newPage();
    await page.goto(extensionPage(s, 'sidepanel.html'));
    const search = page.getByRole('searchbox');
    await search.fill('genocide convention');
    await page.locator('.results .result-card').nth(1).waitFor();
    await search.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-rec-id'));
    const second = await page.locator('.results .result-card').nth(1).getAttribute('data-rec-id');
    expect(focused).toBe(second);
    await page.keyboard.press('Enter');
    await expect(page.locator(`[data-rec-id="${second}"]`).getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator(`[data-rec-id="${second}"] .upr-sentence`).first().isVisible()).resolves.toBe(true);
  });

  it('offers each action of a split entry as its own recommendation, and labels one about conduct in UN bodies, at the side panel\'s width', async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 400, height: 900 });
    await page.goto(extensionPage(s, 'sidepanel.html'));
    await page.getByRole('searchbox').fill('arms trade treaty');
    const card = page.locator('[data-rec-id="2013-ratify-arms-trade-treaty"]');
    await card.waitFor();
    // The card asks the user to choose rather than taking the first action; choosing opens it on the list.
    await card.getByRole('button', { name: 'Choose one of 2 recommendations: Ratify and implement the Arms Trade Treaty' }).click();
    await expect.poll(() => card.locator('.upr-sentence').count()).toBe(2);
    await expect(card.locator('.upr-sentence .upr-text').allTextContents()).resolves.toEqual([
      'Ratify the Arms Trade Treaty before the next review.',
      'Adopt the legislation needed to implement the Arms Trade Treaty.',
    ]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/\(1 of 2\)$/);
    await card.getByRole('button', { name: /^Copy as UPR recommendation: .*\(2 of 2\)$/ }).click();
    // The clipboard is written asynchronously: paste once the button says so, as a user would.
    await card.getByRole('button', { name: 'Copied' }).waitFor();
    await expect(pasted(page)).resolves.toBe('Adopt the legislation needed to implement the Arms Trade Treaty. (Source: A/67/929–S/2013/399, 2013.)');
    await expect(card.locator('.added-context').textContent()).resolves.toMatch(/^Context added by R2P Lens, not in the report:/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await card.screenshot({ path: `${SHOTS_DIR}/search-card-split-upr.png` });

    await page.getByRole('searchbox').fill('exercise restraint veto');
    const veto = page.locator('[data-rec-id="2015-veto-restraint"]');
    await veto.waitFor();
    await veto.locator('h3 button').click();
    await expect(veto.locator('.scope-chip').allTextContents()).resolves.toEqual(['Its conduct in UN bodies', 'Its conduct in UN bodies']);
    await veto.screenshot({ path: `${SHOTS_DIR}/search-card-un-bodies.png` });
  });
});
