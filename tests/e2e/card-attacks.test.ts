/**
 * Only the user acts on the card. Pages at a UN address (where the highlighter starts by itself)
 * try what a hostile page can: synthetic mouse moves to open the card, synthetic keys and clicks
 * to act, their own CSS (stylesheet rules, inline styles on our host, effects on the whole page)
 * to hide, shrink or move it while it still takes clicks, a decoy laid over it that lets clicks
 * through, and `window.find` to learn what the card says. Everything is read from outside the
 * page's world (DevTools protocol) and every click is a real one (Input events).
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, noBrowser, type ExtensionSession } from './harness';
import { readCard, type CardView } from './card-reader';
import { countClips } from './evidence-count';

const BASE = 'https://www.un.org/en/card-attacks/';
const TEXT = `<main><h1>Report</h1>
  <p style="margin-top:320px">The commission found that acts of genocide were committed against the community in 1994.</p>
  <p style="height:1400px">Further text.</p></main>`;

const page = (head: string, bodyEnd = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card attacks</title>${head}</head><body>${TEXT}${bodyEnd}</body></html>`;

/** The term's centre, found by the page's own text (the page knows where its words are). */
const FIND_TERM = `function termCentre() {
  const p = document.querySelector('main p');
  const t = p.firstChild, at = t.data.indexOf('genocide');
  const r = document.createRange(); r.setStart(t, at); r.setEnd(t, at + 8);
  const b = r.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
}`;

const PAGES: Record<string, string> = {
  // Synthetic mouse moves over the term, and synthetic keys and clicks at our host.
  synthetic: page(
    '',
    `<script>${FIND_TERM}
    setInterval(() => {
      const { x, y } = termCentre();
      for (const type of ['pointermove', 'mousemove', 'mouseover']) {
        document.elementFromPoint(x, y)?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y, view: window }));
      }
      const host = document.querySelector('r2p-lens-ui');
      if (host) {
        window.__sawHost = true;
        host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
    }, 50);
    </script>`,
  ),
  // The page's CSS against our host: rules with !important, inline styles put on it as soon as
  // it appears, and effects on the whole page that would reach anything inside it.
  css: page(
    `<style>
      r2p-lens-ui, r2p-lens-ui:popover-open, :root r2p-lens-ui { opacity: 0 !important; visibility: hidden !important; transform: scale(.01) translate(-9999px) !important;
        filter: opacity(0) !important; clip-path: inset(50%) !important; width: 1px !important; height: 1px !important; position: absolute !important; top: -9999px !important; zoom: .01 !important; }
      @layer attack { r2p-lens-ui { display: none !important; content-visibility: hidden !important; } }
      html { opacity: .03 !important; filter: blur(6px) !important; }
    </style>`,
    `<script>
      new MutationObserver(() => {
        const host = document.querySelector('r2p-lens-ui');
        if (host && !host.dataset.seen) {
          host.dataset.seen = '1';
          host.style.cssText = 'opacity:0 !important;display:none !important;transform:scale(0) !important;visibility:hidden !important';
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
    </script>`,
  ),
  // A decoy in the top layer, over the whole window, that lets clicks through to what is below.
  decoy: page(
    '',
    `<div id="decoy" popover="manual" style="pointer-events:none;position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;border:0;background:#fff;display:grid;place-items:center;font:24px sans-serif">Click anywhere to continue reading</div>
    <script>window.cover = (on) => { const d = document.getElementById('decoy'); on ? d.showPopover() : d.hidePopover(); };</script>`,
  ),
  plain: page(''),
};

/** A plain value from the page's own world (the test's code runs in it only as this expression). */
async function pageValue<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
    result: { value: T };
    exceptionDetails?: { text: string };
  };
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

describe.skipIf(noBrowser)('only the user acts on the card (Chromium, built extension)', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
    for (const [name, html] of Object.entries(PAGES)) await s.context.route(BASE + name, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  });
  afterAll(async () => s?.close());

  async function open(name: string): Promise<{ p: Page; cdp: CDPSession }> {
    const p = await s.context.newPage();
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.goto(BASE + name);
    await p.waitForFunction(() => performance.getEntriesByName('r2p:pass:end', 'mark').length > 0, undefined, { timeout: 20_000 });
    return { p, cdp: await p.context().newCDPSession(p) };
  }

  /** A real pointer resting on the term. */
  async function hoverTerm(p: Page, cdp: CDPSession): Promise<CardView> {
    const { x, y } = await pageValue<{ x: number; y: number }>(cdp, `(${FIND_TERM})()`);
    await p.mouse.move(x - 50, y - 50);
    await p.mouse.move(x, y, { steps: 4 });
    let card: CardView | undefined;
    await expect.poll(async () => (card = await readCard(p))?.buttons.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(1);
    // Past the moment when a card that has just appeared takes no click.
    await p.waitForTimeout(700);
    return (await readCard(p))!;
  }

  /** Where a user clicks a card button: scrolled into the card's view first, should the card scroll inside. */
  async function reach(p: Page, name: string): Promise<{ x: number; y: number }> {
    let card = (await readCard(p))!;
    const box = () => card.buttons.find((x) => x.name === name)!.box;
    if (box().bottom > card.box.bottom) {
      await p.mouse.move((card.box.left + card.box.right) / 2, (card.box.top + card.box.bottom) / 2);
      await p.mouse.wheel(0, 600);
      await p.waitForTimeout(700);
      card = (await readCard(p))!;
    }
    return centre(card, name);
  }

  const centre = (card: CardView, name: string) => {
    const b = card.buttons.find((x) => x.name === name)!.box;
    return { x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 };
  };

  it('a page’s synthetic mouse moves, keys and clicks open nothing and do nothing', async () => {
    const { p, cdp } = await open('synthetic');
    await p.mouse.move(5, 700);
    await p.waitForTimeout(1_500);
    expect(await readCard(p)).toBeUndefined();
    // The real pointer does open it; the page's synthetic events keep firing at its host meanwhile.
    const clips = await countClips(s);
    await p.bringToFront();
    const card = await hoverTerm(p, cdp);
    expect(card.text).toMatch(/Genocide/);
    await p.waitForTimeout(800);
    expect(await pageValue<boolean>(cdp, 'window.__sawHost === true')).toBe(true);
    expect(await countClips(s)).toBe(clips);
    await p.close();
  });

  it('the page’s CSS cannot hide, shrink or move the card; it stays on top and works', async () => {
    const { p, cdp } = await open('css');
    const card = await hoverTerm(p, cdp);
    expect(card.box.right - card.box.left).toBeGreaterThan(250);
    expect(card.box.bottom - card.box.top).toBeGreaterThan(100);
    expect(card.box.top).toBeGreaterThanOrEqual(0);
    expect(card.box.bottom).toBeLessThanOrEqual(800);
    const { x, y } = centre(card, 'Add to evidence');
    // What is at the button's centre is the button, not the page (hit test through the DevTools protocol)…
    const { backendNodeId } = (await cdp.send('DOM.getNodeForLocation', { x: Math.round(x), y: Math.round(y), includeUserAgentShadowDOM: false })) as { backendNodeId: number };
    const { node } = (await cdp.send('DOM.describeNode', { backendNodeId })) as { node: { nodeName: string } };
    // The button, or the generated content that draws its words.
    expect(['BUTTON', '::before']).toContain(node.nodeName);
    // …and it is drawn: the screenshot there is the card's, not the blurred, faded page.
    const shot = await p.screenshot({ clip: { x: card.box.left, y: card.box.top, width: card.box.right - card.box.left, height: card.box.bottom - card.box.top } });
    expect(shot.length).toBeGreaterThan(3_000);
    const host = await pageValue<Record<string, string>>(
      cdp,
      `(() => { const s = getComputedStyle(document.querySelector('r2p-lens-ui')); return { opacity: s.opacity, visibility: s.visibility, display: s.display, transform: s.transform, filter: s.filter, clipPath: s.clipPath, zoom: s.zoom }; })()`,
    );
    expect(host).toEqual({ opacity: '1', visibility: 'visible', display: 'block', transform: 'none', filter: 'none', clipPath: 'none', zoom: '1' });
    const clips = await countClips(s);
    await p.bringToFront();
    await p.mouse.click(x, y);
    await expect.poll(async () => (await readCard(p))?.text ?? '', { timeout: 5_000 }).toMatch(/Added to your evidence/);
    expect(await countClips(s)).toBe(clips + 1);
    await p.close();
  });

  it('a decoy laid over the card that lets clicks through: the click is refused', async () => {
    const { p, cdp } = await open('decoy');
    await hoverTerm(p, cdp);
    const { x, y } = await reach(p, 'Add to evidence');
    const clips = await countClips(s);
    await p.bringToFront();
    await pageValue(cdp, 'window.cover(true)');
    await p.waitForTimeout(400);
    await p.mouse.click(x, y);
    await p.waitForTimeout(800);
    expect(await countClips(s)).toBe(clips);
    // And the card says why.
    expect((await readCard(p))?.text).toMatch(/Nothing was done: something on the page is over this card/);
    await p.bringToFront();
    // Uncovered, the same click works (so the refusal above was the decoy's doing).
    await pageValue(cdp, 'window.cover(false)');
    await p.mouse.move(x, y);
    await p.waitForTimeout(700);
    expect(await readCard(p)).toBeDefined();
    const again = await reach(p, 'Add to evidence');
    await p.mouse.click(again.x, again.y);
    await expect.poll(() => countClips(s), { timeout: 5_000 }).toBe(clips + 1);
    await p.close();
  });

  it('window.find does not find the card’s text', async () => {
    const { p, cdp } = await open('plain');
    const card = await hoverTerm(p, cdp);
    const definition = card.text.match(/Acts such as killing[^.,]*/)?.[0] ?? 'Acts such as killing';
    const found = await pageValue<Record<string, boolean>>(
      cdp,
      `(() => { const out = {}; for (const q of ${JSON.stringify(['Open in side panel', 'Add to evidence', definition, 'Related risk factors'])}) { getSelection().removeAllRanges(); out[q] = window.find(q); } return out; })()`,
    );
    expect(Object.values(found)).toEqual([false, false, false, false]);
    // The page's own words are still found (the test can tell).
    expect(await pageValue<boolean>(cdp, `(getSelection().removeAllRanges(), window.find('Further text'))`)).toBe(true);
    await p.close();
  });
});
