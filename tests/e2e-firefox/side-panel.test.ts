/**
 * The side panel's Search and Library in Firefox, its page opened as a tab at the panel's width
 * (Firefox's sidebar itself cannot be driven): the catalogue searched as a delegate types, a
 * citation copied and pasted, and UPR Info's real export imported through the file input and
 * searched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPR_INFO_SAMPLE, UPR_INFO_SAMPLE_NAME, UPR_INFO_SAMPLE_ROWS } from '../fixtures/upr-info-sample';
import { launchFirefox, noFirefox, SHOTS_DIR, type FirefoxSession } from './harness';
import { byRole, click, labelled, statusSays, typeInto } from './ui';

const PANEL = { width: 360, height: 760 };

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

  it('imports the real UPR Info export through the file input, then searches it', async () => {
    const panel = await s.openExtensionPage('sidepanel.html#library', PANEL);
    await (await labelled(panel, 'Import UPR recommendations')).uploadFile(UPR_INFO_SAMPLE);
    const summary = await statusSays(panel, /recommendations added/, 60_000);
    expect(summary).toMatch(new RegExp(`${UPR_INFO_SAMPLE_ROWS.toLocaleString('en')} recommendations added from “${UPR_INFO_SAMPLE_NAME.replace(/\./g, '\\.')}”`));
    expect(summary).toMatch(/0 rows refused/);
    await statusSays(panel, new RegExp(`^${UPR_INFO_SAMPLE_ROWS.toLocaleString('en')} recommendations$`));
    await typeInto(panel, 'Search the library', 'Hissène Habré');
    await statusSays(panel, /^2 recommendations$/);
    expect(await panel.evaluate(() => document.body.innerText)).toMatch(/Hissène Habré to justice/);
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-library.png` });
    await panel.close();
  });
});
