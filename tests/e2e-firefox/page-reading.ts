/**
 * Reading a highlighted page in Firefox as the reader sees it: the painted marks (CSS Custom
 * Highlights, visible to the page's own world), and the hover card's text.
 */
import type { Page } from 'puppeteer-core';

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
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  }, text.toLowerCase(), where);
}

/**
 * The card's text, as the reader sees it, or '' when no card is shown. The card sits in a closed
 * shadow root that WebDriver BiDi cannot pierce; Firefox's find in page (`window.find`) finds
 * rendered text there as Ctrl+F does, and its selection leads to the card. Every loaded card says
 * "Add to evidence". The page's selection is put back as it was.
 */
export function cardText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const sel = getSelection()!;
    const saved = sel.rangeCount ? sel.getRangeAt(0) : null;
    sel.removeAllRanges();
    const find = (window as unknown as { find(s: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean }).find;
    let text = '';
    if (find.call(window, 'Add to evidence', true, false, true) && sel.rangeCount) {
      const root = sel.getRangeAt(0).startContainer.getRootNode();
      if (root instanceof ShadowRoot && root.host.localName === 'r2p-lens-ui') {
        const section = root.querySelector('section');
        text = (section?.textContent ?? '').replace(/\s+/g, ' ').trim();
      }
    }
    sel.removeAllRanges();
    if (saved) sel.addRange(saved);
    return text;
  });
}

/** Resolves once the page's first highlighting pass has ended. */
export const firstPassEnded = (page: Page, timeout = 20_000) =>
  page.waitForFunction(() => performance.getEntriesByName('r2p:pass:end', 'mark').length > 0, { timeout });

/**
 * Where a piece of the card's text is on screen, found as `cardText` finds it (Firefox's find in
 * page); null when the card does not show it.
 */
export function cardTextBox(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    const sel = getSelection()!;
    sel.removeAllRanges();
    const find = (window as unknown as { find(s: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean }).find;
    if (!find.call(window, wanted, true, false, true) || !sel.rangeCount) return null;
    const b = sel.getRangeAt(0).getBoundingClientRect();
    sel.removeAllRanges();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, text);
}
