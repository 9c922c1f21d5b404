/**
 * Sideways overflow as a reader meets it: the document scrolling sideways, or an element sticking
 * out past the viewport's left or right edge. An element inside a box that clips or scrolls its
 * own overflow (a table in its scroll box, the reader's pages) is that box's business: the box is
 * measured instead.
 */
import type { Page } from 'playwright-core';

export interface Overflow {
  /** How far the document scrolls sideways (0 when it does not). */
  scroll: number;
  /** The elements past the viewport's edges, as `tag.class "text" left–right`. */
  sticking: string[];
}

export function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    // Read from the left edge: a page scrolled sideways would shift every box.
    window.scrollTo(0, window.scrollY);
    // clientWidth leaves out a vertical scrollbar: what is under it cannot be read either.
    const vw = root.clientWidth;
    const clipsOwnBox = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
    const sticking: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right <= vw + 0.5 && r.left >= -0.5) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (clipsOwnBox(a)) {
          clipped = true;
          break;
        }
      }
      if (clipped) continue;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      sticking.push(`${el.tagName.toLowerCase()}${cls} "${text}" ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    // The outermost offenders say where to look; their children stick out with them.
    return { scroll: Math.max(0, root.scrollWidth - vw), sticking: sticking.slice(0, 8) };
  });
}
