import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, launchWithExtension, noBrowser, type ExtensionSession } from './harness';

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
    await expect(page.locator(`[data-rec-id="${second}"] .upr-sentence`).isVisible()).resolves.toBe(true);
  });
});
