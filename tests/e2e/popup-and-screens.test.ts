import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';


describe.skipIf(noBrowser)('popup quick search and README screenshots (Chromium)', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
    mkdirSync(SHOTS_DIR, { recursive: true });
  });
  afterAll(async () => s?.close());

  it('the popup searches the same catalogue and hands its query to the side panel', async () => {
    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 420, height: 580 });
    await popup.goto(extensionPage(s, 'popup.html'));
    await popup.getByRole('searchbox').fill('veto');
    await expect.poll(() => popup.locator('.results .result-card h3').first().textContent()).toMatch(/veto/i);
    // No filters in the popup: it is the quick way in.
    await expect(popup.getByRole('group', { name: 'Filters' }).count()).resolves.toBe(0);
    await expect(popup.getByRole('button', { name: 'Open side panel' }).isVisible()).resolves.toBe(true);

    const panel = await s.context.newPage();
    await panel.goto(extensionPage(s, 'sidepanel.html'));
    await expect(panel.getByRole('searchbox').inputValue()).resolves.toBe('veto');
  });

  it('the popup leads to the settings page', async () => {
    const popup = await s.context.newPage();
    await popup.goto(extensionPage(s, 'popup.html'));
    const [settings] = await Promise.all([
      s.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(extensionPage(s, 'options.html')), timeout: 10_000 }),
      popup.getByRole('button', { name: 'Settings' }).click(),
    ]);
    await settings.waitForLoadState();
    await expect(settings.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('R2P Lens settings');
  });

  it('takes the README screenshots, light and dark, with no overflow', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await s.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      // Chrome's side panel opens 360 px wide.
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(extensionPage(s, 'sidepanel.html'));
      await page.getByRole('searchbox').fill('RtoP focal point');
      await page.locator('.results .result-card').first().waitFor();
      await page.locator('.results .result-card').first().press('Enter');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow).toBe(false);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      await page.screenshot({ path: `${SHOTS_DIR}/side-panel-search${scheme === 'dark' ? '-dark' : ''}.png` });
    }
  });
});
