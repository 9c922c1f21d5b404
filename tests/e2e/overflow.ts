/**
 * Sideways overflow as a reader meets it: the document scrolling sideways, a box inside it
 * scrolling sideways (scrollWidth past clientWidth on every element whose overflow is not
 * visible), or an element sticking out past the viewport's left or right edge. An element inside a
 * box that clips or scrolls its own overflow is that box's business: the box is measured instead.
 * A box that cuts its text short on purpose (text-overflow: ellipsis, a line clamp) is not
 * sideways scroll, nor is a one-line text field holding more than it shows (it scrolls to the
 * caret as any text field does), nor what only screen readers get (the 1 px visually-hidden box).
 */
import type { Page } from 'playwright-core';

export interface Overflow {
  /** How far the document scrolls sideways (0 when it does not). */
  scroll: number;
  /** The elements past the viewport's edges, as `tag.class "text" left–right`. */
  sticking: string[];
  /** The boxes that scroll (or cut off) sideways inside the page, as `tag.class "text" client<scroll`. */
  boxes: string[];
  /** Buttons squeezed below their longest word, its letters broken across lines ("Se" over "t"). */
  broken: string[];
}

/** What a screen of the extension must measure: nothing past the edges, nothing scrolling sideways. */
export const FITS = { scroll: 0, sticking: [], boxes: [], broken: [] } satisfies Overflow;

export function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    // Read from the left edge: a page scrolled sideways would shift every box.
    window.scrollTo(0, window.scrollY);
    // clientWidth leaves out a vertical scrollbar: what is under it cannot be read either.
    const vw = root.clientWidth;
    const clipsOwnBox = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${cls} "${text}"`;
    };
    const sticking: string[] = [];
    const boxes: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (
        style.overflowX !== 'visible' &&
        el.tagName !== 'INPUT' &&
        el.scrollWidth > el.clientWidth + 1 &&
        el.clientWidth > 1 &&
        style.textOverflow !== 'ellipsis' &&
        style.webkitLineClamp === 'none' &&
        style.visibility !== 'hidden'
      ) {
        boxes.push(`${name(el)} ${el.clientWidth}<${el.scrollWidth}`);
      }
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right <= vw + 0.5 && r.left >= -0.5) continue;
      if (style.visibility === 'hidden') continue;
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (clipsOwnBox(a)) {
          clipped = true;
          break;
        }
      }
      if (clipped) continue;
      sticking.push(`${name(el)} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    const broken: string[] = [];
    for (const button of document.body.querySelectorAll('button, [role=button], summary')) {
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        for (const m of (t.textContent ?? '').matchAll(/\S{2,}/g)) {
          const range = document.createRange();
          range.setStart(t, m.index);
          range.setEnd(t, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(`${name(button)}: "${m[0]}"`);
        }
      }
    }
    // The outermost offenders say where to look; their children stick out with them.
    return { scroll: Math.max(0, root.scrollWidth - vw), sticking: sticking.slice(0, 8), boxes: boxes.slice(0, 8), broken: broken.slice(0, 8) };
  });
}

/** The page measured at each width (its height kept), then set back to the width it had. */
export async function overflowAtWidths(page: Page, widths: readonly number[]): Promise<({ width: number } & Overflow)[]> {
  const size = page.viewportSize()!;
  const found: ({ width: number } & Overflow)[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: size.height });
    // A frame for the new width's layout (and what it resizes) before the measure.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    found.push({ width, ...(await measureOverflow(page)) });
  }
  await page.setViewportSize(size);
  return found;
}
