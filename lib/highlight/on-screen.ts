/**
 * The blocks the reader has on screen, found without reading the rest of the page: the first
 * pass marks them before anything else, so the terms in view are highlighted within a few
 * milliseconds whatever the page's length, and the rest follows in slices.
 *
 * From <body> down, each level's children are searched by their boxes (binary search for the
 * first one reaching the screen, then on until one starts below it), and a block small enough
 * is taken whole, and so is a paragraph of any height, as long as it holds a bounded number of
 * nodes. Only blocks are taken: the text walker passes over them as the blocks they are, so
 * matching them apart finds exactly what the whole-page walk would. What this misses (inline text
 * between blocks, boxes out of document order, shadow trees and frames, a screen-sized box that
 * scrolls a whole document inside) is not lost: the rest of the first pass reads it a moment later.
 */
import { isBlock, isHidden, isInsideSkipped, isSkippedElement } from './text-index';

export interface Band {
  top: number;
  bottom: number;
}

/** An element's box, top and bottom in the band's coordinates (getBoundingClientRect by default). */
export type BoxOf = (el: Element) => { top: number; bottom: number };

export interface OnScreenOptions {
  band: Band;
  boxOf?: BoxOf;
  /** Most boxes measured, and most nodes walked to size blocks up: a page nested 10,000 levels
   * deep gets nothing taken, not a stall. */
  maxBoxes?: number;
  maxNodes?: number;
}

/** The viewport: what lies beyond it follows a few slices later, before the reader scrolls there. */
export function screenBand(win: Window): Band {
  return { top: 0, bottom: win.innerHeight || 800 };
}

const MAX_BOXES = 300;
const MAX_NODES = 20_000;
/** Children searched one by one below this count; binary search above it. */
const LINEAR = 12;

export function blocksOnScreen(
  doc: Document,
  { band, boxOf = (el) => el.getBoundingClientRect(), maxBoxes = MAX_BOXES, maxNodes = MAX_NODES }: OnScreenOptions,
): Element[] {
  const body = doc.body;
  // An editable or hidden page is not read at all (as the text walker does not read it).
  if (!body || isInsideSkipped(body) || isHidden(body)) return [];
  const taken: Element[] = [];
  const walked = { nodes: 0, max: maxNodes };
  const tallest = band.bottom - band.top;
  let boxes = 0;
  const box = (el: Element) => {
    boxes++;
    return boxOf(el);
  };

  /** The first child whose box reaches down into the band, assuming children stack downwards. */
  const firstReaching = (kids: HTMLCollection): number => {
    if (kids.length <= LINEAR) return 0;
    let lo = 0;
    let hi = kids.length;
    while (lo < hi && boxes < maxBoxes) {
      const mid = (lo + hi) >>> 1;
      // An empty box (hidden, display: contents) says nothing of where it sits: ask the next ones.
      let m = mid;
      let b = box(kids[m]!);
      while (b.bottom === b.top && m + 1 < hi && boxes < maxBoxes) b = box(kids[++m]!);
      if (b.bottom !== b.top && b.bottom < band.top) lo = m + 1;
      else hi = mid;
    }
    return lo;
  };

  // Depth first, children in document order, so the blocks come out in reading order.
  const stack: Element[] = [body];
  while (stack.length && boxes < maxBoxes) {
    const el = stack.pop()!;
    const kids = el.children;
    const inBand: Element[] = [];
    for (let k = firstReaching(kids); k < kids.length && boxes < maxBoxes; k++) {
      const kid = kids[k]!;
      if (isSkippedElement(kid)) continue;
      const b = box(kid);
      if (b.top > band.bottom) break;
      if (b.bottom < band.top) continue;
      const height = b.bottom - b.top;
      // A box with height is shown; only an empty one needs the (costlier) visibility check:
      // hidden, or display: contents (whose children tell).
      if (!height && isHidden(kid)) continue;
      // Shadow trees and frames are left to the rest of the pass: their size cannot be told cheaply.
      if (kid.shadowRoot || kid.localName === 'iframe') continue;
      if (isBlock(kid) && height > 0 && fits(kid, height > tallest, walked)) taken.push(kid);
      else inBand.push(kid);
      if (walked.nodes > walked.max) return inDocumentOrder(taken);
    }
    for (let k = inBand.length - 1; k >= 0; k--) stack.push(inBand[k]!);
  }
  return inDocumentOrder(taken);
}

/** Most nodes in a block taken whole: a paragraph, a list, a small table; not an app's whole page. */
const BLOCK_NODES = 2_000;

/**
 * Whether a block can be read at once, found out in a walk of at most BLOCK_NODES nodes: it holds
 * no more than that (a block the size of the screen may scroll inside, or clip, a whole document),
 * and, when taller than the screen, no block to descend to instead (a long paragraph).
 */
function fits(el: Element, tall: boolean, walked: { nodes: number }): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 1 | 4);
  for (let n = walker.nextNode(), count = 0; n; n = walker.nextNode()) {
    walked.nodes++;
    if (++count > BLOCK_NODES) return false;
    if (tall && n.nodeType === 1 && isBlock(n as Element)) return false;
  }
  return true;
}

/** Taken level by level, a deeper block can come out ahead of a shallower one above it. */
function inDocumentOrder(els: Element[]): Element[] {
  return els.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}
