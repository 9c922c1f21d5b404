/**
 * The concept highlighter in Firefox, with the built Firefox extension: a UPR report served at an
 * OHCHR address is marked by itself, the card opens under a real pointer and closes when it
 * leaves, the page's DOM is left as it was while the page keeps changing itself, and the side
 * panel's On this page (opened as a tab) lists the page's concepts and takes the reader to them.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { launchFirefox, noFirefox, SHOTS_DIR, type FirefoxSession } from './harness';
import { clickCardButton, cardText, openCardOn, readThenClick } from './card-reader';
import { firstPassEnded, marks } from './page-reading';
import { byRole, click, statusSays } from './ui';

const REPORT_URL = 'http://www.ohchr.org/en/hr-bodies/upr/sample-report';
const OTHER_URL = 'http://example.org/report';
const BACKGROUND_IDLE_MS = 1_000;

/** A page that re-renders part of itself every 50 ms, with a form field, recording any other change to its DOM. */
const LIVE_PAGE = `
<div id="app"><p id="tick">Tick 0: war crimes</p></div>
<textarea id="notes">genocide typed in a textarea</textarea>
<script>
  let n = 0;
  setInterval(() => { document.getElementById('app').innerHTML = '<p id="tick">Tick ' + (++n) + ': war crimes</p>'; }, 50);
  window.__initialMain = document.querySelector('main').outerHTML;
  window.__foreign = [];
  new MutationObserver((rs) => { for (const r of rs) if (!document.getElementById('app').contains(r.target) && r.target.id !== 'app') window.__foreign.push(r.type + ' ' + r.target.nodeName); })
    .observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
</script>`;

describe.skipIf(noFirefox)('concept highlighter (Firefox, built extension)', () => {
  let s: FirefoxSession;
  let page: Page;
  beforeAll(async () => {
    // A Manifest V3 background (an event page) is put to sleep after this long idle: the card
    // test below runs after it has slept, as a reader's hover does after a pause.
    s = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': BACKGROUND_IDLE_MS } });
    const html = reportPageHtml({ bodyEnd: LIVE_PAGE });
    s.proxy.serve(REPORT_URL, { contentType: 'text/html; charset=utf-8', body: html });
    s.proxy.serve(OTHER_URL, { contentType: 'text/html; charset=utf-8', body: html });
    page = await s.openPage(REPORT_URL, { width: 1100, height: 800 });
    await firstPassEnded(page);
  });
  afterAll(async () => s?.close());

  it('marks concept terms on a UN site by itself, and nothing typed in a form field', async () => {
    const all = await marks(page);
    expect(all.length).toBeGreaterThan(50);
    expect(all.map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['genocide', 'torture', 'war crimes']));
    const inTextarea = await page.evaluate(() =>
      [...CSS.highlights.values()].some((h) => [...(h as unknown as Set<Range>)].some((r) => !!r.startContainer.parentElement?.closest('textarea'))),
    );
    expect(inTextarea).toBe(false);
    // The marks are painted: the browser resolves the category colour for them.
    const colour = await page.evaluate(() => getComputedStyle(document.querySelector('main p')!, '::highlight(r2p-crime)').backgroundColor);
    expect(colour).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('leaves the page DOM as it was, while the page keeps changing itself and its new text is marked', async () => {
    const tick = () => page.evaluate(() => Number(document.getElementById('tick')!.textContent!.match(/\d+/)![0]));
    const before = await tick();
    await new Promise((r) => setTimeout(r, 500));
    expect(await tick()).toBeGreaterThan(before + 3);
    expect(await page.evaluate(() => document.querySelector('main')!.outerHTML === (window as unknown as { __initialMain: string }).__initialMain)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __foreign: string[] }).__foreign)).toEqual([]);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...((CSS.highlights.get('r2p-crime') as unknown as Set<Range>) ?? [])].some((r) => r.startContainer.isConnected && !!r.startContainer.parentElement?.closest('#tick')),
        ),
      )
      .toBe(true);
  });

  it('opens the card when the pointer rests on a marked term, and closes it when the pointer leaves', async () => {
    // Idle long enough for an event page to be stopped: the card's details come from the background.
    await new Promise((r) => setTimeout(r, 3 * BACKGROUND_IDLE_MS));
    await openCardOn(page, 'genocide', /^Genocide/);
    const text = await cardText(page);
    expect(text).toMatch(/intent to destroy/);
    expect(text).toMatch(/Secretary-General’s recommendations/);
    expect(text).toMatch(/Open in side panel/);
    await page.screenshot({ path: `${SHOTS_DIR}/firefox-card.png` });
    // The card is not part of the page: the page's DOM is still as it was.
    expect(await page.evaluate(() => document.querySelector('main')!.outerHTML === (window as unknown as { __initialMain: string }).__initialMain)).toBe(true);
    await page.mouse.move(5, 5, { steps: 4 });
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toBe('');
  });

  it('keeps a passage as evidence at the reader’s click on the card, while the page’s script cannot find the card’s words or buttons', async () => {
    /** Evidence clips waiting to be filed, as the Reviews tab counts them ("Evidence to file (n)"). */
    const clips = async () => {
      const panel = await s.openExtensionPage('sidepanel.html#reviews', { width: 360, height: 760 });
      await byRole(panel, 'heading', /^(Reviews|New review)$/);
      await new Promise((r) => setTimeout(r, 500));
      const n = await panel.evaluate(() => Number([...document.querySelectorAll('h2')].map((h) => h.textContent?.match(/^Evidence to file \((\d+)\)$/)?.[1]).find(Boolean) ?? 0));
      await panel.close();
      return n;
    };
    await page.bringToFront();
    await openCardOn(page, 'torture', /^Torture/);
    // Firefox's find in page reaches into closed shadow roots: the page's own script must not learn
    // what the card says, nor get hold of its buttons through the selection.
    const found = await page.evaluate(() => {
      const find = (window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find;
      return ['Add to evidence', 'Open in side panel', 'Torture'].map((q) => {
        getSelection()!.removeAllRanges();
        const hit = find.call(window, q, true, false, true);
        const node = hit ? getSelection()!.getRangeAt(0).startContainer : null;
        return hit && node ? (node.getRootNode() as Node).nodeName : 'not found';
      });
    });
    expect(found.filter((root) => root !== 'not found' && root !== '#document')).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await clips()).toBe(0);
    // The reader's own click keeps it.
    await page.bringToFront();
    await clickCardButton(page, 'Add to evidence');
    await page.screenshot({ path: `${SHOTS_DIR}/firefox-card-evidence.png` });
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/Added to your evidence/);
    expect(await clips()).toBe(1);
    await page.mouse.move(5, 5, { steps: 4 });
  });

  it('shows the concept in the side panel at Open in side panel, and says how to open Firefox’s sidebar when it is closed', async () => {
    type Sidebar = { sidebarAction: { isOpen(o: object): Promise<boolean>; close(): Promise<void> } };
    // The side panel's page, as an open sidebar holds it (here a tab), on another tab than Search.
    const panel = await s.openExtensionPage('sidepanel.html#reviews', { width: 360, height: 760 });
    const sidebarOpen = () => panel.evaluate(() => (globalThis as unknown as { browser: Sidebar }).browser.sidebarAction.isOpen({}));
    // Firefox opens an extension's sidebar when it is installed.
    expect(await sidebarOpen()).toBe(true);
    const openFromCard = async (term: string) => {
      await page.bringToFront();
      await openCardOn(page, term);
      await readThenClick(page, 'Open in side panel');
    };
    await openFromCard('genocide');
    await expect.poll(() => panel.evaluate(() => document.querySelector<HTMLInputElement>('input[type=search]')?.value ?? '')).toBe('Genocide');
    expect(await panel.evaluate(() => document.querySelector('[role=tab][aria-selected=true]')?.textContent)).toBe('Search');
    await new Promise((r) => setTimeout(r, 500));
    expect(await cardText(page)).not.toMatch(/could not|only from/);
    await page.mouse.move(5, 5, { steps: 4 });

    // The reader closes the sidebar (a click in the extension's own page, as Firefox requires).
    await panel.bringToFront();
    await panel.evaluate(() => {
      const b = Object.assign(document.createElement('button'), { textContent: 'Close the sidebar' });
      b.onclick = () => void (globalThis as unknown as { browser: Sidebar }).browser.sidebarAction.close();
      document.body.prepend(b);
    });
    await click(panel, 'Close the sidebar');
    await expect.poll(sidebarOpen).toBe(false);
    await openFromCard('torture');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/Firefox opens the side panel only from its own buttons: click R2P Lens in the toolbar, then Open side panel\. It will show Torture\./);
    await page.screenshot({ path: `${SHOTS_DIR}/firefox-card-sidebar-closed.png` });
    await page.mouse.move(5, 5, { steps: 4 });
    await panel.close();
  });

  it('lists the page’s concepts in On this page (the side panel as a tab) and takes the reader to each occurrence', async () => {
    const panel = await s.openExtensionPage('sidepanel.html#page', { width: 360, height: 760 });
    const genocide = await byRole(panel, 'button', /^Genocide \d+ occurrences?$/);
    const n = Number(await genocide.evaluate((b) => b.textContent!.match(/\d+/)?.[0]));
    expect(n).toBeGreaterThan(0);
    await panel.screenshot({ path: `${SHOTS_DIR}/firefox-on-this-page.png` });
    await genocide.click();
    await statusSays(panel, new RegExp(`Genocide: occurrence 1 of ${n}`));
    await genocide.click();
    await statusSays(panel, new RegExp(`Genocide: occurrence 2 of ${n}`));
    expect(await page.evaluate(() => [...(CSS.highlights.get('r2p-current') as unknown as Set<Range>)].map((r) => r.toString().toLowerCase()))).toEqual(['genocide']);
    await panel.close();
  });

  it('does not highlight other sites by itself', async () => {
    const other = await s.openPage(OTHER_URL);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await other.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    await other.close();
  });
});
