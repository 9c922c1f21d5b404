/**
 * The concept card beside its term, at a delegate's real window size (1280 × 800) on a real UPR
 * report: wherever the term sits (mid-screen, by the bottom, top or right edge), however the card
 * was opened (hover, the keyboard's next/previous, a jump from the side panel's "On this page"),
 * and after the page scrolls or the window is resized, the card never covers the term, stays in
 * the window, and shows its actions without scrolling inside it. Boxes are read through the
 * DevTools protocol (the card lives in a closed shadow root).
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';
import { inside, overlaps, readCard, type Box, type CardView } from './card-reader';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, m: unknown): Promise<unknown> };
};

const REPORT_URL = 'https://www.ohchr.org/en/hr-bodies/upr/card-placement';
const DARK_URL = 'https://www.ohchr.org/en/hr-bodies/upr/card-placement-dark';
const VIEW = { width: 1280, height: 800 };
const ACTIONS = ['Open in side panel', 'Add to evidence'];

/** A paragraph set flush right, so a term sits against the window's right edge. */
const RIGHT = '<p id="right" style="text-align:right">The commission documented war crimes</p>';
const DARK = '<style>html,body{background:#15181c;color:#dfe3e8}</style><meta name="color-scheme" content="dark">';

/** The boxes of one marked occurrence, found by its text (the `nth` one in reading order of the page). */
function termBoxes(page: Page, text: string, nth = 0, highlight?: string) {
  return page.evaluate(
    ({ text, nth, highlight }) => {
      const ranges: Range[] = [];
      for (const [name, h] of CSS.highlights) {
        if (highlight ? name !== highlight : name === 'r2p-current') continue;
        for (const r of h as unknown as Set<Range>) if (r.toString().toLowerCase() === text && r.startContainer.isConnected) ranges.push(r);
      }
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const r = ranges[nth];
      if (!r) return null;
      const box = (b: DOMRect) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom });
      return { all: box(r.getBoundingClientRect()), lines: [...r.getClientRects()].map(box) };
    },
    { text, nth, highlight },
  );
}

/** Scrolls the page so the occurrence's top sits at `y` (clamped by the page's own length). */
async function placeTermAt(page: Page, text: string, nth: number, y: number): Promise<void> {
  const t = await termBoxes(page, text, nth);
  if (!t) throw new Error(`no marked "${text}" #${nth}`);
  await page.evaluate((dy) => scrollBy(0, dy), t.all.top - y);
  await page.waitForTimeout(100);
}

async function hover(page: Page, text: string, nth = 0): Promise<{ all: Box; lines: Box[] }> {
  const t = await termBoxes(page, text, nth);
  if (!t) throw new Error(`no marked "${text}" #${nth}`);
  const x = (t.all.left + Math.min(t.all.right, t.all.left + 30)) / 2;
  const y = (t.lines[0]!.top + t.lines[0]!.bottom) / 2;
  await page.mouse.move(x - 60, y - 60);
  await page.mouse.move(x, y, { steps: 4 });
  return t;
}

const shown = async (page: Page): Promise<CardView> => {
  let card: CardView | undefined;
  await expect
    .poll(async () => {
      card = await readCard(page);
      return card ? ACTIONS.every((a) => card!.buttons.some((b) => b.name === a)) : false;
    }, { timeout: 10_000 })
    .toBe(true);
  // Let the placement settle (it is measured once the details have arrived).
  await page.waitForTimeout(150);
  return (await readCard(page))!;
};

/** What a delegate needs of the card beside a term: not over it, inside the window, actions in sight. */
function expectBeside(card: CardView, term: { all: Box; lines: Box[] }) {
  for (const line of term.lines) expect(overlaps(card.box, line), `card ${JSON.stringify(card.box)} over term ${JSON.stringify(line)}`).toBe(false);
  expect(inside(card.box, { left: 0, top: 0, right: VIEW.width, bottom: VIEW.height })).toBe(true);
  for (const name of ACTIONS) {
    const button = card.buttons.find((b) => b.name === name);
    expect(button, name).toBeDefined();
    // Visible without scrolling inside the card: the button lies within the card's box.
    expect(inside(button!.box, card.box), `${name} ${JSON.stringify(button!.box)} outside card ${JSON.stringify(card.box)}`).toBe(true);
  }
}

async function closeCard(page: Page) {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await readCard(page)) === undefined, { timeout: 5_000 }).toBe(true);
}

const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, name) });
};

describe.skipIf(noBrowser)('the concept card beside its term (Chromium, 1280 × 800)', () => {
  let s: ExtensionSession;
  let page: Page;

  const jump = async (direction: 'next' | 'previous') => {
    await page.bringToFront();
    return s.worker.evaluate(async (direction) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, { r2p: 1, type: 'highlight/jump', payload: { direction } });
    }, direction) as Promise<{ index: number; total: number }>;
  };

  beforeAll(async () => {
    s = await launchWithExtension();
    await s.context.route(REPORT_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: reportPageHtml({ bodyStart: RIGHT }) }));
    await s.context.route(DARK_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: reportPageHtml({ head: DARK }) }));
    page = await s.context.newPage();
    await page.setViewportSize(VIEW);
    await page.goto(REPORT_URL);
    await page.waitForFunction(() => performance.getEntriesByName('r2p:pass:end', 'mark').length > 0, undefined, { timeout: 20_000 });
  });
  afterAll(async () => s?.close());

  it('opened by hover on a term mid-screen: beside it, compact, actions in sight', async () => {
    await placeTermAt(page, 'genocide', 0, 390);
    const term = await hover(page, 'genocide', 0);
    const card = await shown(page);
    await shot(page, 'card-mid-screen-1280.png');
    expectBeside(card, term);
    // Definition first; the rest folded away, so the card takes less than half the window.
    expect(card.text).toMatch(/Genocide/);
    expect(card.box.bottom - card.box.top).toBeLessThan(VIEW.height / 2);
    await closeCard(page);
  });

  it('by the bottom, the top and the right edge of the window', async () => {
    for (const [y, name] of [
      [VIEW.height - 28, 'card-near-bottom-1280.png'],
      [6, 'card-near-top-1280.png'],
    ] as const) {
      await placeTermAt(page, 'genocide', 1, y);
      const term = await hover(page, 'genocide', 1);
      const card = await shown(page);
      await shot(page, name);
      expectBeside(card, term);
      await closeCard(page);
    }
    await page.evaluate(() => document.getElementById('right')!.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(100);
    const term = await hover(page, 'war crimes', 0);
    expect(term.all.right).toBeGreaterThan(VIEW.width - 60);
    const card = await shown(page);
    expectBeside(card, term);
    await closeCard(page);
  });

  it('opened by the keyboard’s next / previous concept: beside the term it went to', async () => {
    for (const direction of ['next', 'next', 'previous', 'next'] as const) {
      await jump(direction);
      const card = await shown(page);
      const term = await page.evaluate(() => {
        const r = [...(CSS.highlights.get('r2p-current') as unknown as Set<Range>)][0]!;
        const box = (b: DOMRect) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom });
        return { all: box(r.getBoundingClientRect()), lines: [...r.getClientRects()].map(box) };
      });
      expectBeside(card, term);
    }
    await page.keyboard.press('Escape');
  });

  it('follows its term when the page scrolls and the window is resized, never over it', async () => {
    const current = () =>
      page.evaluate(() => {
        const r = [...(CSS.highlights.get('r2p-current') as unknown as Set<Range>)][0]!;
        const box = (b: DOMRect) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom });
        return { all: box(r.getBoundingClientRect()), lines: [...r.getClientRects()].map(box) };
      });
    // A term the jump could bring to the middle of the window (the first few sit at the page's top).
    for (let i = 0; i < 12; i++) {
      await jump('next');
      await shown(page);
      const t = await current();
      if (t.all.top > 300) break;
    }
    const before = { card: (await readCard(page))!, term: await current() };
    expect(before.term.all.top).toBeGreaterThan(300);
    await page.mouse.move(4, 400);
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(300);
    const after = { card: await readCard(page), term: await current() };
    expect(after.term.all.top).toBeLessThan(before.term.all.top - 60);
    // Still open (it has the focus) and moved with its term.
    expect(after.card).toBeDefined();
    expect(Math.abs(after.card!.box.top - after.term.all.top - (before.card.box.top - before.term.all.top))).toBeLessThan(3);
    expectBeside(after.card!, after.term);

    await page.setViewportSize({ width: 900, height: 640 });
    await page.waitForTimeout(300);
    const resized = await readCard(page);
    const term = await current();
    if (resized) {
      for (const line of term.lines) expect(overlaps(resized.box, line)).toBe(false);
      expect(inside(resized.box, { left: 0, top: 0, right: 900, bottom: 640 })).toBe(true);
    }
    await page.setViewportSize(VIEW);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)) === undefined).toBe(true);
  });

  it('a hover card either follows its term on scroll or closes; it never ends up over it', async () => {
    await placeTermAt(page, 'genocide', 0, 300);
    await hover(page, 'genocide', 0);
    await shown(page);
    await page.mouse.wheel(0, 90);
    for (let i = 0; i < 6; i++) {
      await page.waitForTimeout(120);
      const card = await readCard(page);
      const term = (await termBoxes(page, 'genocide', 0))!;
      if (card) for (const line of term.lines) expect(overlaps(card.box, line)).toBe(false);
    }
    await closeCard(page).catch(() => {});
  });

  it('opened by a jump from the side panel’s "On this page": beside the occurrence it went to', async () => {
    const panel = await s.context.newPage();
    await panel.goto(extensionPage(s, 'sidepanel.html#page'));
    const genocide = panel.locator('button[data-concept-id="genocide"]');
    await genocide.waitFor({ timeout: 10_000 });
    await page.bringToFront();
    for (let i = 0; i < 2; i++) {
      await genocide.click();
      await expect.poll(() => panel.getByRole('status').first().textContent()).toMatch(new RegExp(`occurrence ${i + 1} of`));
      await page.bringToFront();
      const card = await shown(page);
      const term = await page.evaluate(() => {
        const r = [...(CSS.highlights.get('r2p-current') as unknown as Set<Range>)][0]!;
        const box = (b: DOMRect) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom });
        return { all: box(r.getBoundingClientRect()), lines: [...r.getClientRects()].map(box) };
      });
      expect((await page.evaluate(() => [...(CSS.highlights.get('r2p-current') as unknown as Set<Range>)][0]!.toString())).toLowerCase()).toBe('genocide');
      expectBeside(card, term);
      if (i === 0) await shot(page, 'card-jump-from-panel-1280.png');
    }
    await panel.close();
    await page.keyboard.press('Escape');
  });

  it('on a dark page', async () => {
    const dark = await s.context.newPage();
    await dark.setViewportSize(VIEW);
    await dark.goto(DARK_URL);
    await dark.waitForFunction(() => performance.getEntriesByName('r2p:pass:end', 'mark').length > 0, undefined, { timeout: 20_000 });
    await placeTermAt(dark, 'genocide', 0, 420);
    const term = await hover(dark, 'genocide', 0);
    const card = await shown(dark);
    await shot(dark, 'card-dark-page-1280.png');
    expectBeside(card, term);
    await dark.close();
  });
});
