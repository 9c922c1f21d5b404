/**
 * Reading a highlighted page in Firefox as the reader sees it: the painted marks (CSS Custom
 * Highlights, visible to the page's own world). The card: card-reader.ts.
 */
import type { Page } from 'puppeteer-core';
import { UI_TIMEOUT_MS } from './harness';

/** Text of every painted range, by highlight name (collapsed ranges paint nothing and are left out). */
export function paintedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights) {
      const ranges = [...(h as unknown as Set<Range>)].filter((r) => !r.collapsed);
      (out[name] ??= []).push(...ranges.map((r) => r.toString()));
    }
    return out;
  });
}

/** Every mark except the current-occurrence outline, flattened. */
export const marks = async (page: Page) =>
  Object.entries(await paintedTexts(page))
    .filter(([n]) => n !== 'r2p-current')
    .flatMap(([, t]) => t);

/** The middle of the first mark whose text is `text` (case-insensitive), scrolled to the middle of the view (or near its top). */
export function markCentre(page: Page, text: string, where: 'middle' | 'top' = 'middle'): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted, where) => {
    for (const [name, h] of CSS.highlights) {
      if (name === 'r2p-current') continue;
      for (const r of h as unknown as Set<Range>) {
        if (r.toString().toLowerCase() !== wanted) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        if (where === 'top') scrollBy(0, r.getBoundingClientRect().top - 100);
        // Its first line: a mark over two lines has the space between them in its middle.
        const b = r.getClientRects()[0]!;
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  }, text.toLowerCase(), where);
}

/** Resolves once the page's first highlighting pass has ended. */
export const firstPassEnded = (page: Page, timeout = UI_TIMEOUT_MS) =>
  page.waitForFunction(() => performance.getEntriesByName('r2p:pass:end', 'mark').length > 0, { timeout });

