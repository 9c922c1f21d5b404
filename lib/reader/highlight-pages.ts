/**
 * The concept highlighter on the reader's text layers: the same orchestrator, painter
 * (`r2p-<category>` CSS highlights) and concept card as on web pages (lib/highlight), run on
 * each page's text layer as pdf.js draws it, and dropped with the layer when the page is
 * released. Hovering a marked term opens the card; its "Add to evidence" keeps the page number.
 */
import type { CardDetails } from '../messages/highlight';
import type { HighlightSettings } from '../settings/highlight-settings';
import { ConceptCard } from '../highlight/card';
import { hitAtPoint } from '../highlight/hit-at-point';
import { followHover } from '../highlight/hover';
import type { Hit } from '../highlight/hits';
import { createHighlighter, type Highlighter, type Match } from '../highlight/orchestrator';
import { createOverlayPainter } from '../highlight/overlay-painter';
import { createHighlightPainter, supportsCustomHighlights, type Painter } from '../highlight/painter';

export interface PageHighlightServices {
  match: (text: string) => Match[];
  categoryOf: (conceptId: string) => string | undefined;
  details(conceptId: string): Promise<CardDetails | null>;
  openInPanel(conceptId: string): Promise<void>;
  addToEvidence(clip: { quote: string; page: number | undefined }): Promise<void>;
}

export interface PageHighlighting {
  /** Marks the concepts in one page's freshly drawn text layer. */
  highlightTextLayer(root: HTMLElement, pageNumber: number): void;
  /** The page's layer was taken away: its marks go with it. */
  releasePage(pageNumber: number): void;
  applySettings(settings: HighlightSettings): void;
  /** Hits drawn now, per concept (pages not drawn are counted from their extracted text instead). */
  drawnCounts(): Record<string, number>;
  destroy(): void;
}

const QUOTE_MAX = 1_200;

/** The page a node sits on (its `.pdf-page` ancestor), if any. */
export function pageOfNode(node: Node | null): number | undefined {
  const el = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
  const page = el?.closest<HTMLElement>('[data-page-number]');
  const n = Number(page?.dataset.pageNumber);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function createPageHighlighting(doc: Document, scroller: HTMLElement, services: PageHighlightServices, settings: HighlightSettings): PageHighlighting {
  let current = settings;
  const painter: Painter = supportsCustomHighlights(doc.defaultView!) ? createHighlightPainter(doc) : createOverlayPainter(doc);
  painter.applySettings(settings);
  const layers = new Map<number, HTMLElement>();
  const highlighter: Highlighter = createHighlighter({
    document: doc,
    match: services.match,
    categoryOf: services.categoryOf,
    painterFor: () => painter,
  });
  const card = new ConceptCard(doc, {
    details: services.details,
    openInPanel: services.openInPanel,
    addToEvidence: (quote) => services.addToEvidence({ quote, page: cardPage }),
  });
  let cardPage: number | undefined;

  const visible = (h: Hit) => current.categories[h.category as keyof HighlightSettings['categories']]?.on !== false;
  const target = (hit: Hit) => {
    // A text layer line is one span; the passage is the page's text around the term.
    const layer = hit.nodes[0]!.parentElement?.closest('.textLayer');
    const all = (layer?.textContent ?? '').replace(/\s+/g, ' ');
    const surface = hit.range.toString();
    const at = all.indexOf(surface);
    const from = Math.max(0, (at === -1 ? 0 : at) - QUOTE_MAX / 2);
    return { conceptId: hit.conceptId, surface, quote: all.slice(from, from + QUOTE_MAX).trim(), anchor: hit.range };
  };

  const abort = new AbortController();
  followHover({
    win: doc.defaultView!,
    card,
    surface: scroller,
    hitAt: (x, y) => {
      const hit = hitAtPoint(doc, highlighter.store, x, y);
      return hit && visible(hit) ? hit : undefined;
    },
    show: (hit) => {
      cardPage = pageOfNode(hit.nodes[0]!);
      void card.show(target(hit), false);
    },
    signal: abort.signal,
  });

  return {
    highlightTextLayer(root, pageNumber) {
      layers.set(pageNumber, root);
      // sweep: drops the marks of layers released since (their text left the document).
      highlighter.update([root], true);
    },
    releasePage(pageNumber) {
      layers.delete(pageNumber);
      if (card.openFor && cardPage === pageNumber) card.hide();
      highlighter.update([], true);
    },
    applySettings(s) {
      current = s;
      painter.applySettings(s);
    },
    drawnCounts: () => highlighter.store.counts(),
    destroy() {
      abort.abort(); // also stops the hover timers
      card.hide();
      highlighter.clear();
      painter.destroy();
    },
  };
}
