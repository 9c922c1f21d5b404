/**
 * Paints hits with the CSS Custom Highlight API: one `Highlight` per concept category, registered
 * as `r2p-<category>`, plus `r2p-current` for the hit the user jumped to.
 *
 * The colours: the browser injects the rules for the default colours with the content script
 * (highlight-colours.css), before the page is first styled, so they cost the page nothing. A
 * stylesheet added later restyles the whole page: 60 ms in one frame on a page of 200,000 text
 * nodes. So a constructed sheet is adopted, at the first paint, only where it is needed: custom
 * colours, a document without the injected rules (a same-origin frame, a page highlighted on
 * demand), and each shadow root that holds hits (styles do not cross into them). None of this
 * touches the page's DOM, and `destroy()` takes the sheets and highlights away again.
 */
import { DEFAULT_SETTINGS, type HighlightSettings } from '../settings/highlight-settings';

export interface Painter {
  /**
   * `ahead`: read ahead of the reader (the rest of a first pass), not changed by the page: a
   * painter that draws only what is near the viewport can wait to be told it is near.
   */
  add(category: string, range: Range, ahead?: boolean): void;
  remove(category: string, range: Range): void;
  /** The hit the user jumped to, painted above the rest (null: none). */
  setCurrent(range: Range | null): void;
  /** Shadow roots need the colours too: styles do not cross into them. */
  adoptInto(root: ShadowRoot): void;
  applySettings(settings: HighlightSettings): void;
  clear(): void;
  destroy(): void;
}

export const HIGHLIGHT_PREFIX = 'r2p-';
/** In forced colours, each category's line, in the order of the settings' categories. */
export const FORCED_LINES = [
  'underline solid',
  'underline double',
  'underline dotted',
  'underline dashed',
  'underline wavy',
  'overline solid',
  'underline overline dashed',
  'overline dotted',
] as const;
export const CURRENT_HIGHLIGHT = 'r2p-current';
/** The hit the user jumped to; also how a document's injected rules are recognised. */
const CURRENT_RGB = [255, 210, 63] as const;
const CURRENT_COLOR = `#${CURRENT_RGB.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

interface HighlightWindow {
  CSS: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => Set<Range> & { priority: number };
  CSSStyleSheet: typeof CSSStyleSheet;
}

export function supportsCustomHighlights(win: Window): boolean {
  const w = win as unknown as HighlightWindow;
  return typeof w.Highlight === 'function' && !!w.CSS?.highlights;
}

/** The ::highlight() rules for the given settings (hidden categories are simply not registered). */
export function highlightCss(settings: HighlightSettings): string {
  const rules = Object.entries(settings.categories).map(
    ([cat, s]) => `::highlight(${HIGHLIGHT_PREFIX}${cat}){background-color:${s.color};color:#1b1b1b}`,
  );
  rules.push(`::highlight(${CURRENT_HIGHLIGHT}){background-color:${CURRENT_COLOR};color:#000;text-decoration:underline 2px}`);
  // Forced colours (Windows High Contrast) repaint backgrounds with a few system colours: mark
  // concepts with the system's own "marked text" colours, and tell categories apart by a line of
  // their own (underlined solid, double, dotted… or overlined).
  const forced = Object.keys(settings.categories).map(
    (cat, i) => `::highlight(${HIGHLIGHT_PREFIX}${cat}){background-color:Mark;color:MarkText;text-decoration:${FORCED_LINES[i % FORCED_LINES.length]}}`,
  );
  rules.push(`@media (forced-colors: active){${forced.join('')}::highlight(${CURRENT_HIGHLIGHT}){background-color:Highlight;color:HighlightText}}`);
  return rules.join('\n');
}

/** highlight-colours.css as scripts/write-highlight-css.ts writes it (a unit test keeps the two equal). */
export function shippedHighlightCss(): string {
  return `/* The default colours, injected with the content script. Written by scripts/write-highlight-css.ts: do not edit. */\n${highlightCss(DEFAULT_SETTINGS)}\n`;
}

/** Whether the injected default rules apply in this document (our current-hit colour is in effect). */
function hasInjectedRules(doc: Document): boolean {
  try {
    const style = doc.defaultView?.getComputedStyle(doc.documentElement, `::highlight(${CURRENT_HIGHLIGHT})`);
    return style?.backgroundColor === `rgb(${CURRENT_RGB.join(', ')})`;
  } catch {
    return false;
  }
}

export function createHighlightPainter(doc: Document): Painter {
  const win = doc.defaultView as unknown as HighlightWindow;
  const registry = win.CSS.highlights!;
  const Highlight = win.Highlight!;
  const byCategory = new Map<string, Set<Range> & { priority: number }>();
  const current = new Highlight();
  current.priority = 1;
  let hidden = new Set<string>();

  const sheet = new win.CSSStyleSheet();
  const defaults = highlightCss(DEFAULT_SETTINGS);
  let css = defaults;
  const adopters: (Document | ShadowRoot)[] = [];
  const adopt = (target: Document | ShadowRoot) => {
    if (adopters.includes(target)) return;
    try {
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
      adopters.push(target);
    } catch {
      // A sheet from another document, or a browser that refuses: that root shows no colours.
    }
  };
  // Created when the settings are read, the painter touches the page only when it first paints:
  // a sheet it has to adopt restyles the whole page, which should happen once, with something to show.
  let attached = false;
  const attach = () => {
    if (attached) return;
    attached = true;
    registry.set(CURRENT_HIGHLIGHT, current);
    if (css !== defaults || !hasInjectedRules(doc)) adopt(doc);
  };

  const highlightOf = (category: string) => {
    attach();
    let h = byCategory.get(category);
    if (!h) {
      h = new Highlight();
      byCategory.set(category, h);
      if (!hidden.has(category)) registry.set(HIGHLIGHT_PREFIX + category, h);
    }
    return h;
  };

  return {
    add: (category, range) => void highlightOf(category).add(range),
    remove: (category, range) => void byCategory.get(category)?.delete(range),
    setCurrent(range) {
      attach();
      current.clear();
      if (range) current.add(range);
    },
    adoptInto(root) {
      attach();
      adopt(root);
    },
    applySettings(settings) {
      css = highlightCss(settings);
      sheet.replaceSync(css);
      // Custom colours go on top of the injected defaults (adopted sheets come later in the cascade).
      if (attached && css !== defaults) adopt(doc);
      hidden = new Set(Object.entries(settings.categories).filter(([, s]) => !s.on).map(([c]) => c));
      for (const [cat, h] of byCategory) {
        if (hidden.has(cat)) registry.delete(HIGHLIGHT_PREFIX + cat);
        else registry.set(HIGHLIGHT_PREFIX + cat, h);
      }
    },
    clear() {
      for (const h of byCategory.values()) h.clear();
      current.clear();
    },
    destroy() {
      // Only our own: a newer copy of the script may have registered these names since.
      const drop = (name: string, h: unknown) => registry.get(name) === h && registry.delete(name);
      for (const [cat, h] of byCategory) drop(HIGHLIGHT_PREFIX + cat, h);
      if (attached) drop(CURRENT_HIGHLIGHT, current);
      attached = false;
      byCategory.clear();
      for (const target of adopters) {
        try {
          target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // The root is gone with its page.
        }
      }
      adopters.length = 0;
    },
  };
}
