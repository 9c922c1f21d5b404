import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { launchFirefox, type FirefoxSession } from './harness';
import { clickCardButton, cardText } from './card-reader';
import { firstPassEnded, markCentre } from './page-reading';
const REPORT_URL = 'http://www.ohchr.org/en/x';
describe('exp', () => {
  let s: FirefoxSession;
  beforeAll(async () => { s = await launchFirefox(); s.proxy.serve(REPORT_URL, { contentType: 'text/html; charset=utf-8', body: reportPageHtml() }); });
  afterAll(async () => s?.close());
  it('open panel', async () => {
    const page = await s.openPage(REPORT_URL, { width: 1100, height: 800 });
    await firstPassEnded(page);
    const at = (await markCentre(page, 'genocide'))!;
    await page.mouse.move(at.x - 40, at.y - 40);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await expect.poll(() => cardText(page), { timeout: 15_000 }).toMatch(/Open in side panel/);
    await new Promise((r) => setTimeout(r, 1000));
    await clickCardButton(page, 'Open in side panel');
    await new Promise((r) => setTimeout(r, 2000));
    console.log('CARD', await cardText(page));
    const ext = await s.openExtensionPage('options.html');
    console.log('OPEN?', await ext.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({})));
    console.log('PAGES', await Promise.all((await s.browser.pages()).map((p) => p.evaluate(() => location.href).catch(() => '?'))));
  }, 120_000);
});
