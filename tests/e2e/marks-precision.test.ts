/**
 * Quieter, precise marks on a real UPR report page (the five Working Group reports in
 * tests/fixtures, with the document symbols they cite, and the kind of footer UN pages carry:
 * symbols, web and e-mail addresses, a code sample):
 * - nothing is marked inside a document symbol, an address or code;
 * - the UPR process's own words and UN body names are a category of their own, off by default,
 *   turned on and off again with one click in the side panel's "On this page";
 * - ordinary phrases the lexicon once took for concepts ("national dialogue") are not marked;
 * - in forced colours (Windows High Contrast) each category keeps a mark of its own.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { extensionPage, launchWithExtension, noBrowser, type ExtensionSession } from './harness';

const URL = 'https://www.ohchr.org/en/hr-bodies/upr/precise-marks';

const FOOTER = `<footer id="refs">
  <p id="symbols">The Human Rights Council (A/HRC/19/11) and the Security Council (S/2013/399) discussed genocide; see also CRC/C/PER/CO/6-7, A/HRC/WG.6/14/LKA/1, E/CN.4/2005/102/Add.1 and ICC-01/04-01/06.</p>
  <p id="addresses">Read more on genocide at https://www.un.org/en/genocideprevention/genocide.shtml or www.ohchr.org/en/hr-bodies/upr/torture-and-war-crimes, write to genocide.prevention@un.org or torture-desk@ohchr.org, and see <a href="https://www.un.org">un.org/en/genocideprevention/crimes-against-humanity.shtml</a>.</p>
  <pre id="sample">curl "https://example.org/search?q=genocide"</pre>
  <p id="code">Run <code>find --term torture</code> to list war crimes cases.</p>
</footer>`;

/** Every painted mark with the word around it (as far as spaces) and whether it is inside code. */
function marks(page: Page) {
  return page.evaluate(() => {
    const out: { name: string; text: string; around: string; inCode: boolean; block: string }[] = [];
    for (const [name, h] of CSS.highlights) {
      if (name === 'r2p-current') continue;
      for (const r of h as unknown as Set<Range>) {
        if (!r.startContainer.isConnected || r.collapsed) continue;
        const data = (r.startContainer as Text).data ?? '';
        let a = r.startOffset;
        let b = r.startContainer === r.endContainer ? r.endOffset : data.length;
        while (a > 0 && !/\s/.test(data[a - 1]!)) a--;
        while (b < data.length && !/\s/.test(data[b]!)) b++;
        const el = r.startContainer.parentElement;
        out.push({ name, text: r.toString(), around: data.slice(a, b), inCode: !!el?.closest('code, pre, kbd, samp'), block: el?.closest('p, pre, li')?.id ?? '' });
      }
    }
    return out;
  });
}

describe.skipIf(noBrowser)('quieter, precise marks (Chromium, built extension)', () => {
  let s: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    s = await launchWithExtension();
    await s.context.route(URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: reportPageHtml({ bodyEnd: FOOTER }) }));
    page = await s.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(URL);
    await page.waitForFunction(() => performance.getEntriesByName('r2p:pass:end', 'mark').length > 0, undefined, { timeout: 20_000 });
  });
  afterAll(async () => s?.close());

  it('marks nothing inside document symbols, web or e-mail addresses, or code', async () => {
    const all = await marks(page);
    expect(all.length).toBeGreaterThan(200);
    const symbol = /[A-Z][A-Za-z0-9.-]*\/[A-Za-z0-9.()/-]*\d/;
    const address = /:\/\/|^\W*www\.|@[\w-]+\.\w|\.(org|int|com|net)\//i;
    expect(all.filter((m) => symbol.test(m.around) || address.test(m.around) || m.inCode)).toEqual([]);
    // The words beside them are marked as ever.
    const refs = all.filter((m) => ['symbols', 'addresses', 'code'].includes(m.block)).map((m) => m.text.toLowerCase());
    expect(refs).toEqual(expect.arrayContaining(['genocide', 'war crimes']));
  });

  it('leaves ordinary phrases alone: Sri Lanka’s “national dialogue” is not inter-communal dialogue', async () => {
    const texts = (await marks(page)).map((m) => m.text.toLowerCase());
    expect(texts).not.toContain('national dialogue');
    expect(texts).not.toContain('international assistance');
    expect(texts).not.toContain('legal accountability');
    // Real dialogue between communities still is.
    expect(texts).toEqual(expect.arrayContaining(['inter-religious dialogue']));
  });

  it('keeps the UPR process and UN bodies unmarked by default; one click in "On this page" marks them, one more unmarks them', async () => {
    const uprWords = ['universal periodic review', 'interactive dialogue', 'troika', 'human rights council', 'state under review'];
    const painted = async () => (await marks(page)).map((m) => m.text.toLowerCase());
    expect((await painted()).filter((t) => uprWords.includes(t))).toEqual([]);
    const panel = await s.context.newPage();
    await panel.goto(extensionPage(s, 'sidepanel.html#page'));
    const toggle = panel.getByRole('checkbox', { name: /Mark UPR process and UN bodies/ });
    await toggle.waitFor({ timeout: 10_000 });
    expect(await toggle.isChecked()).toBe(false);
    // Counted all the same, and said so.
    await expect.poll(() => panel.locator('.page-group.off').textContent()).toMatch(/\d+ mentions?, not marked/);
    await toggle.click();
    await page.bringToFront();
    await expect.poll(async () => (await painted()).filter((t) => uprWords.includes(t)).length, { timeout: 10_000 }).toBeGreaterThan(50);
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(async () => (await painted()).filter((t) => uprWords.includes(t)).length, { timeout: 10_000 }).toBe(0);
    await panel.close();
  });

  it('the settings page lists the category, off by default', async () => {
    const options = await s.context.newPage();
    await options.goto(extensionPage(s, 'options.html'));
    const box = options.getByRole('checkbox', { name: 'UPR process and UN bodies' });
    await box.waitFor({ timeout: 10_000 });
    expect(await box.isChecked()).toBe(false);
    await options.close();
  });

  it('in forced colours, each category keeps a mark of its own', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      const styles = await page.evaluate(() => {
        const p = document.querySelector('main p')!;
        const out: Record<string, string> = {};
        for (const cat of ['crime', 'principle', 'risk', 'instrument', 'mechanism', 'institution', 'policy-tool', 'upr-process']) {
          const s = getComputedStyle(p, `::highlight(r2p-${cat})`);
          out[cat] = `${s.textDecorationLine} ${s.textDecorationStyle} | ${s.backgroundColor}`;
        }
        return out;
      });
      const marksOnly = Object.values(styles).map((v) => v.split(' | ')[0]);
      expect(new Set(marksOnly).size).toBe(marksOnly.length);
      for (const v of marksOnly) expect(v).not.toMatch(/^none/);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });
});
