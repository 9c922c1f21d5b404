import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launchWithExtension, noBrowser, type ExtensionSession } from './harness';
import { reportPageHtml, reportParagraphs } from '../fixtures/report-page';
import { matchBundledConcepts } from '../../lib/concepts/bundled';
import { knowledgeBase } from '../../lib/catalogue/knowledge';
import { OFF_BY_DEFAULT } from '../../lib/settings/highlight-settings';
import { reactNewsScript } from '../fixtures/react-news/bundle';
import { cardText } from './card-reader';

/** The extension APIs as the service worker sees them (only what these tests call). */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, m: unknown): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } };
};

const REPORT_URL = 'https://www.ohchr.org/en/hr-bodies/upr/sample-report';
const OTHER_URL = 'https://example.org/report';
const DEEP_URL = 'https://www.ohchr.org/en/hr-bodies/upr/sample-report-opened-halfway';
const LONG_URL = 'https://www.ohchr.org/en/hr-bodies/upr/four-reports-in-one';
const REACT_URL = 'https://www.ohchr.org/en/news/live-news-widget';

/**
 * A reader who opens the report halfway down. Between the extension's slices the page takes its
 * turns; on the first turn after the part on screen is marked (`r2p:pass:screen`), it notes
 * what is painted, and where, before the rest of the page is read.
 */
const HALFWAY = `
<script>
  scrollTo(0, document.documentElement.scrollHeight / 2);
  window.__firstPaint = null;
  const ch = new MessageChannel();
  const until = performance.now() + 20000;
  ch.port1.onmessage = () => {
    if (performance.getEntriesByName('r2p:pass:screen', 'mark').length) {
      const ranges = [];
      for (const [name, h] of CSS.highlights) for (const r of h) if (name !== 'r2p-current') ranges.push(r);
      window.__firstPaint = {
        passEnded: performance.getEntriesByName('r2p:pass:end', 'mark').length > 0,
        ranges: ranges.map((r) => { const b = r.getBoundingClientRect(); return { text: r.toString(), top: b.top, bottom: b.bottom }; }),
      };
      return;
    }
    if (performance.now() < until) ch.port2.postMessage(0);
  };
  ch.port2.postMessage(0);
</script>`;

/** A small app on the page that re-renders its text every 50 ms, as React apps do, and records any other DOM change. */
const APP = `
<div id="app"><p id="tick">Tick 0: war crimes</p></div>
<textarea id="notes">genocide typed in a textarea</textarea>
<iframe id="frame" srcdoc="<p>Reports of war crimes inside a same-origin frame.</p>"></iframe>
<div id="widget"></div>
<script>
  document.getElementById('widget').attachShadow({ mode: 'open' }).innerHTML = '<p>A shadow-root widget on ethnic cleansing.</p>';
  let n = 0;
  setInterval(() => { document.getElementById('app').innerHTML = '<p id="tick">Tick ' + (++n) + ': war crimes</p>'; }, 50);
  window.__initialMain = document.querySelector('main').outerHTML;
  window.__foreign = [];
  new MutationObserver((rs) => { for (const r of rs) if (!document.getElementById('app').contains(r.target) && r.target.id !== 'app') window.__foreign.push(r.type + ' ' + (r.target.nodeName)); })
    .observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
</script>`;

/** Text of every painted range, by highlight name, read in the page's own world (and its same-origin frames). */
/**
 * What is painted, per highlight. A range whose text the page has just removed (the ticking app
 * below re-renders every 50 ms) collapses, paints nothing, and is dropped by the next pass: it is
 * not something a reader sees, so it is left out here.
 */
function paintedTexts(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const frames = [...document.querySelectorAll('iframe')].map((f) => f.contentWindow as (Window & typeof globalThis) | null);
    for (const w of [window, ...frames]) {
      if (!w) continue;
      for (const [name, h] of w.CSS.highlights) (out[name] ??= []).push(...[...(h as unknown as Set<AbstractRange>)].filter((r) => !r.collapsed).map((r) => (r as Range).toString()));
    }
    return out;
  });
}

/** Resolves once the page's first highlighting pass has ended: what is on screen is painted first, the rest a frame or more later. */
const firstPassEnded = (p: Page, timeout?: number) =>
  p.waitForFunction(() => performance.getEntriesByName('r2p:pass:end', 'mark').length > 0, undefined, { timeout });

describe.skipIf(noBrowser)('concept highlighter (Chromium, built extension)', () => {
  let s: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    s = await launchWithExtension();
    const html = reportPageHtml({ bodyEnd: APP });
    await s.context.route(REPORT_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await s.context.route(OTHER_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    page = await s.context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(REPORT_URL);
    await firstPassEnded(page, 15_000);
  });
  afterAll(async () => s?.close());

  it('marks concept terms on a UN site, and nothing in the textarea', async () => {
    const painted = await paintedTexts(page);
    const names = Object.keys(painted);
    expect(names.every((n) => n.startsWith('r2p-'))).toBe(true);
    const all = names.filter((n) => n !== 'r2p-current').flatMap((n) => painted[n]!);
    expect(all.length).toBeGreaterThan(50);
    expect(all.map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['genocide', 'torture', 'national human rights institution']));
    expect(all.every((t) => t.trim().length > 1)).toBe(true);
    const inTextarea = await page.evaluate(() =>
      [...CSS.highlights.values()].some((h) => [...(h as unknown as Set<AbstractRange>)].some((r) => !!(r.startContainer.parentElement?.closest('textarea')))),
    );
    expect(inTextarea).toBe(false);
    // Each pass is visible in the browser's performance tools.
    expect(await page.evaluate(() => performance.getEntriesByName('r2p:pass:start').length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => performance.getEntriesByName('r2p:pass:end').length)).toBeGreaterThan(0);
  });

  it('leaves the page DOM as it was, and the page app keeps updating', async () => {
    const before = await page.locator('#tick').textContent();
    await page.waitForTimeout(400);
    const after = await page.locator('#tick').textContent();
    expect(Number(after!.match(/\d+/)![0])).toBeGreaterThan(Number(before!.match(/\d+/)![0]) + 3);
    expect(await page.evaluate(() => document.querySelector('main')!.outerHTML === (window as unknown as { __initialMain: string }).__initialMain)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __foreign: string[] }).__foreign)).toEqual([]);
    // The re-rendered text is highlighted again after each render.
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('r2p-crime') as unknown as Set<AbstractRange>)].some((r) => r.startContainer.isConnected && !!r.startContainer.parentElement?.closest('#tick'))))
      .toBe(true);
  });

  it('leaves a React app on the page working: it keeps rendering, and what it renders is highlighted', async () => {
    const react = `<div id="react-news"></div><script>${(await reactNewsScript()).replace(/<\/script/gi, '<\\/script')}</script>`;
    await s.context.route(REACT_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: reportPageHtml({ bodyStart: react }) }));
    const page = await s.context.newPage();
    await page.goto(REACT_URL);
    await firstPassEnded(page, 15_000);
    const reactState = () =>
      page.evaluate(() => {
        const marked = (el: Element | null) =>
          !!el && [...CSS.highlights.values()].some((h) => [...(h as unknown as Set<AbstractRange>)].some((r) => !r.collapsed && el.contains(r.startContainer)));
        return {
          tick: Number(document.getElementById('react-tick')!.textContent!.match(/\d+/)![0]),
          errors: (window as unknown as { __reactErrors: string[] }).__reactErrors,
          tickMarked: marked(document.getElementById('react-tick')),
          // React reorders these by moving their elements: each must be marked again where it lands.
          itemsMarked: [...document.querySelectorAll('#react-list li')].map((li) => marked(li)),
        };
      });
    const first = await reactState();
    await page.waitForTimeout(500);
    const later = await reactState();
    expect(later.tick).toBeGreaterThan(first.tick + 3);
    expect(later.errors).toEqual([]);
    await expect.poll(async () => { const r = await reactState(); return r.tickMarked && r.itemsMarked.every(Boolean) && r.itemsMarked.length === 3; }).toBe(true);
    // The line React adds and removes is marked when it is there.
    await expect
      .poll(() => page.evaluate(() => [...CSS.highlights.values()].some((h) => [...(h as unknown as Set<AbstractRange>)].some((r) => !r.collapsed && (r as Range).toString() === 'torture' && !!r.startContainer.parentElement?.closest('#react-flash')))))
      .toBe(true);
    expect((await reactState()).errors).toEqual([]);
    await page.close();
  });

  it('covers open shadow roots and same-origin iframes', async () => {
    const inShadow = await page.evaluate(() =>
      [...CSS.highlights.values()].some((h) => [...(h as unknown as Set<AbstractRange>)].some((r) => r.startContainer.getRootNode() === document.getElementById('widget')!.shadowRoot)),
    );
    expect(inShadow).toBe(true);
    const inFrame = await page.evaluate(() => {
      const w = (document.getElementById('frame') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
      return [...((w.CSS.highlights.get('r2p-crime') as unknown as Set<Range>) ?? [])].map((r) => r.toString());
    });
    expect(inFrame).toEqual(['war crimes']);
  });

  it('paints in the category colours without adding a stylesheet to the page, and in the colours the user picks', async () => {
    /** The background the browser resolves for a marked term's category, in the page, its shadow root and its frame. */
    const colours = () =>
      page.evaluate(() => {
        const colourOf = (el: Element) => getComputedStyle(el, '::highlight(r2p-crime)').backgroundColor;
        const frame = (document.getElementById('frame') as HTMLIFrameElement).contentDocument!;
        const widget = document.getElementById('widget')!.shadowRoot!;
        return {
          page: colourOf(document.querySelector('main p')!),
          shadow: colourOf(widget.querySelector('p')!),
          frame: colourOf(frame.querySelector('p')!),
          pageSheets: document.adoptedStyleSheets.length,
        };
      });
    // The default colours come with the content script, injected before the page was styled:
    // nothing is added to the page (a sheet added now would restyle the whole page). The shadow
    // root and the frame, which styles do not reach, get their own.
    expect(await colours()).toEqual({ page: 'rgb(253, 211, 192)', shadow: 'rgb(253, 211, 192)', frame: 'rgb(253, 211, 192)', pageSheets: 0 });
    const setCrimeColour = (color: string) =>
      s.worker.evaluate((c) => chrome.storage.local.set({ 'highlight:settings': { categories: { crime: { on: true, color: c } } } }), color);
    try {
      await setCrimeColour('#112233');
      await expect.poll(colours).toEqual({ page: 'rgb(17, 34, 51)', shadow: 'rgb(17, 34, 51)', frame: 'rgb(17, 34, 51)', pageSheets: 1 });
    } finally {
      await s.worker.evaluate(() => chrome.storage.local.remove('highlight:settings'));
    }
    await expect.poll(async () => (await colours()).page).toBe('rgb(253, 211, 192)');
  });

  it('highlights text added later', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'A late paragraph on ethnic cleansing.';
      document.querySelector('main')!.append(p);
    });
    await expect
      .poll(async () => page.evaluate(() => [...CSS.highlights.values()].some((h) => [...(h as unknown as Set<AbstractRange>)].some((r) => (r as Range).toString() === 'ethnic cleansing' && !!r.startContainer.parentElement?.closest('#late')))))
      .toBe(true);
  });

  it('opens the card on hover, with definition and recommendations', async () => {
    const box = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('r2p-crime') as unknown as Set<Range>)].find((x) => x.toString().toLowerCase() === 'genocide')!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(box.x - 40, box.y - 40);
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toMatch(/Genocide.*intent to destroy.*Recommendations|Genocide.*intent to destroy/);
    const text = await cardText(page);
    expect(text).toMatch(/Secretary-General’s recommendations/);
    expect(text).toMatch(/Open in side panel/);
    expect(text).toMatch(/Add to evidence/);
    await page.mouse.move(5, 5);
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toBe('');
  });

  it('jumps to the next hit by keyboard command, opens its card with focus, and Escape closes it', async () => {
    await page.bringToFront();
    const reply = await s.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, { r2p: 1, type: 'highlight/jump', payload: { direction: 'next' } });
    });
    expect(reply).toMatchObject({ index: 0 });
    expect((reply as { total: number }).total).toBeGreaterThan(50);
    await expect.poll(() => cardText(page)).toMatch(/Open in side panel/);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('r2p-lens-ui');
    const current = await page.evaluate(() => [...(CSS.highlights.get('r2p-current') as unknown as Set<Range>)].map((r) => r.toString()));
    expect(current).toHaveLength(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBe('');
  });

  it('lists the page’s concepts in the side panel with the counts the page shows, and the badge', async () => {
    const painted = await paintedTexts(page);
    const total = Object.entries(painted).filter(([n]) => n !== 'r2p-current').reduce((n, [, t]) => n + t.length, 0);
    const panel = await s.context.newPage();
    page.on('console', (m) => console.log('DEBUG PAGE', m.text()));
    panel.on('console', (m) => console.log('DEBUG PANEL', m.text()));
    s.worker.on('console', (m) => console.log('DEBUG SW', m.text()));
    await panel.goto(extensionPage(s, 'sidepanel.html#page'));
    const buttons = panel.locator('.page-concepts button');
    await expect.poll(() => buttons.count(), { timeout: 10_000 }).toBeGreaterThan(5);
    const counts = await panel.locator('.page-concepts .count').allTextContents();
    // The page keeps re-rendering its "war crimes" tick: allow that one to differ by its own hit.
    expect(Math.abs(counts.reduce((n, c) => n + Number(c), 0) - total)).toBeLessThanOrEqual(1);
    const genocide = panel.locator('button[data-concept-id="genocide"]');
    const n = Number(await genocide.locator('.count').textContent());
    await genocide.click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toMatch(new RegExp(`Genocide: occurrence 1 of ${n}`));
    await genocide.click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toMatch(new RegExp(`occurrence 2 of ${n}`));
    expect(await page.evaluate(() => [...(CSS.highlights.get('r2p-current') as unknown as Set<Range>)].map((r) => r.toString().toLowerCase()))).toEqual(['genocide']);
    const badge = await s.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id! })));
    });
    // The badge shows up to 999, then "999+".
    const expected = (n: number) => (n > 999 ? '999+' : String(n));
    expect([expected(total - 1), expected(total), expected(total + 1)]).toContain(badge.find((b) => b !== ''));
    await panel.close();
  });

  it('marks what is on screen first, before reading the rest of the page', async () => {
    await s.context.route(DEEP_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: reportPageHtml({ bodyEnd: HALFWAY }) }));
    const deep = await s.context.newPage();
    await deep.setViewportSize({ width: 1100, height: 800 });
    await deep.goto(DEEP_URL);
    await deep.waitForFunction(() => (window as unknown as { __firstPaint: unknown }).__firstPaint !== null, undefined, { timeout: 15_000 });
    type Box = { text: string; top: number; bottom: number };
    const first = await deep.evaluate(() => (window as unknown as { __firstPaint: { passEnded: boolean; ranges: Box[] } }).__firstPaint);
    await firstPassEnded(deep);
    const view = 800;
    const visibleAtEnd = await deep.evaluate(
      (h) =>
        [...CSS.highlights]
          .filter(([name]) => name !== 'r2p-current')
          .flatMap(([, hl]) => [...(hl as unknown as Set<Range>)])
          .map((r) => ({ text: r.toString(), ...r.getBoundingClientRect().toJSON() }))
          .filter((b) => b.top >= 0 && b.bottom <= h),
      view,
    );
    await deep.close();

    expect(first.passEnded).toBe(false);
    expect(visibleAtEnd.length).toBeGreaterThan(3);
    // Everything the reader sees marked was there at the first turn, and nothing from the top of
    // the page, tens of screens up (a long paragraph reaching into view is taken whole).
    const key = (b: Box) => `${b.text}@${Math.round(b.top)}`;
    expect(first.ranges.map(key)).toEqual(expect.arrayContaining(visibleAtEnd.map(key)));
    expect(first.ranges.filter((b) => b.bottom < -5 * view || b.top > 5 * view)).toEqual([]);
  });

  it('on a page with thousands of hits, paints those the reader scrolls to, and counts them all', async () => {
    await s.context.route(LONG_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: reportPageHtml({ copies: 4 }) }));
    const long = await s.context.newPage();
    await long.setViewportSize({ width: 1100, height: 800 });
    await long.goto(LONG_URL);
    await long.waitForFunction(() => performance.getEntriesByName('r2p:pass').length > 0, undefined, { timeout: 20_000 });
    const registered = () => long.evaluate(() => [...CSS.highlights].reduce((n, [name, h]) => n + (name === 'r2p-current' ? 0 : (h as unknown as Set<Range>).size), 0));
    /** How many painted ranges are inside the viewport. */
    const inView = () =>
      long.evaluate(() => {
        const painted = new Set<string>();
        for (const [name, h] of CSS.highlights)
          if (name !== 'r2p-current')
            for (const r of h as unknown as Set<Range>) {
              const b = r.getBoundingClientRect();
              if (b.bottom > 0 && b.top < innerHeight) painted.add(`${r.toString()}@${Math.round(b.top)}`);
            }
        return painted.size;
      });
    await expect.poll(registered).toBeGreaterThan(0);
    expect(await registered()).toBeLessThan(2_000);
    const atTop = await inView();
    // (The report's first screen is mostly the UPR's own words, unmarked by default.)
    expect(atTop).toBeGreaterThan(2);
    // Far down the page: what comes into view gets painted.
    await long.evaluate(() => scrollTo(0, document.documentElement.scrollHeight * 0.7));
    await expect.poll(inView).toBeGreaterThan(2);
    expect(await registered()).toBeLessThan(2_000);
    // Jumping between hits (and the counts) covers the whole page, painted or not.
    await long.bringToFront();
    const total = await s.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return ((await chrome.tabs.sendMessage(tab!.id!, { r2p: 1, type: 'highlight/jump', payload: { direction: 'next' } })) as { total: number }).total;
    });
    // Every marked hit the matcher finds in the page's paragraphs, four copies of them (the UPR
    // process and UN bodies, unmarked by default, are not gone to).
    const categoryOf = new Map(knowledgeBase().concepts.map((c) => [c.id, c.category]));
    const marked = reportParagraphs().flatMap((p) => matchBundledConcepts(p)).filter((m) => !(OFF_BY_DEFAULT as readonly string[]).includes(categoryOf.get(m.conceptId)!));
    expect(total).toBe(4 * marked.length);
    await long.close();
  });

  it('does not highlight other sites by itself', async () => {
    const other = await s.context.newPage();
    await other.goto(OTHER_URL);
    await other.waitForTimeout(1500);
    expect(await other.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    await other.close();
  });
});
