/**
 * Manifest V3 in Firefox lets a user withdraw the access to the sites R2P Lens highlights by
 * itself (Add-ons Manager > R2P Lens > Permissions; here the same withdrawal through the
 * permissions API). The report is then not highlighted, the side panel says why and which sites,
 * and one click gives the access back (granted without a prompt under this file's preference, as
 * a user who clicks Allow).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { launchFirefox, noFirefox, SHOTS_DIR, type FirefoxSession } from './harness';
import { firstPassEnded, marks } from './page-reading';
import { click, statusSays } from './ui';

const REPORT_URL = 'http://www.ohchr.org/en/hr-bodies/upr/withdrawn-access';

describe.skipIf(noFirefox)('access to the UN sites withdrawn in Firefox (built extension)', () => {
  let s: FirefoxSession;
  beforeAll(async () => {
    s = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    s.proxy.serve(REPORT_URL, { contentType: 'text/html; charset=utf-8', body: reportPageHtml() });
  });
  afterAll(async () => s?.close());

  it('says which sites are no longer highlighted, and gives the access back at a click', async () => {
    const panel = await s.openExtensionPage('sidepanel.html#page', { width: 360, height: 760 });
    type Perms = { permissions: { remove(p: object): Promise<boolean> } };
    expect(await panel.evaluate(() => (globalThis as unknown as { browser: Perms }).browser.permissions.remove({ origins: ['*://*.ohchr.org/*'] }))).toBe(true);

    const report = await s.openPage(REPORT_URL, { width: 1100, height: 800 });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await marks(report)).toEqual([]);

    await panel.bringToFront();
    const note = await panel.waitForFunction(() => document.querySelector('[role=note]')?.textContent ?? '', { timeout: 15_000 });
    expect(await note.jsonValue()).toMatch(/no longer lets R2P Lens highlight ohchr\.org by itself/);
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-site-access.png` });
    await click(panel, 'Allow these sites again');
    await statusSays(panel, /Access given back/);
    await panel.waitForFunction(() => !document.querySelector('[role=note]'));

    await report.bringToFront();
    await report.reload();
    await firstPassEnded(report);
    expect((await marks(report)).length).toBeGreaterThan(50);
  });
});
