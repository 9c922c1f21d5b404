/**
 * Keeps the browser's highlight registry small on pages with many hits. Chromium rebuilds the
 * marks of every registered range in each frame where any highlight changed: at 6,000 ranges a
 * frame takes about 38 ms, at 40,000 about 77 ms (bench: "frames on a page that changes"), so a
 * page that updates itself (a ticker, a live app) stutters as long as it is highlighted.
 *
 * Past `threshold` hits, only the blocks near the viewport (an IntersectionObserver with a
 * screen of margin above and below) have their ranges registered; the others are kept here and
 * registered as they come near. Every hit stays in the hit store: counts, the side panel, the
 * hover card and jumping between hits are unchanged. Below the threshold everything is painted,
 * as a rebuild of that many ranges costs little.
 *
 * However the hits are laid out, at most `limit` ranges are registered at once: a block holding
 * more than WHOLE_BLOCK hits (one paragraph of thousands, one text node of a million) registers
 * only the hits whose own boxes are near the viewport, found by a binary search over their
 * positions and followed as the page scrolls; and when the near blocks together hold more than
 * the limit (thousands of tiny paragraphs in one screen), the rest wait until room is made.
 */
import type { HighlightSettings } from '../settings/highlight-settings';
import type { Painter } from './painter';
import { caretAt } from './hit-at-point';
import { nearestBlock } from './observer';

export interface NearViewportOptions {
  /** The document's IntersectionObserver (absent: everything is painted). */
  IntersectionObserver?: typeof IntersectionObserver;
  /** Hits painted all at once before only the near ones are. */
  threshold?: number;
  /** Ranges registered at most, whatever the page. */
  limit?: number;
  /** Where a range is on screen, and the band counted as near (tests give their own layout). */
  layout?: Layout;
}

export interface Layout {
  /** The range's top and bottom in viewport coordinates. */
  box(range: Range): { top: number; bottom: number };
  /** The band counted as near: a screen above the viewport to a screen below it. */
  band(win: Window): { top: number; bottom: number };
  /**
   * The text position at a point of the viewport (caretPositionFromPoint). Asking where the
   * viewport's top and bottom fall in the text costs two layout queries, where reading the boxes
   * of the hits costs one each, each the dearer the longer the text node (a text node of a
   * million words: about half a millisecond a box).
   */
  caret?(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined;
}

export const NEAR_VIEWPORT_THRESHOLD = 2_000;
/** The most ranges registered with the browser at once (the threshold: below it everything is). */
export const MAX_REGISTERED = NEAR_VIEWPORT_THRESHOLD;
/** Blocks with more hits than this register only the hits near the viewport, not the whole block. */
export const WHOLE_BLOCK = 200;
/** Blocks at most awaiting the observer's first answer for a new block to be painted at once. */
const OPTIMISTIC = 50;
/** One screen above and one below: hits are registered a scroll ahead of being seen. */
const MARGIN = '100% 0px 100% 0px';

const NONE: ReadonlySet<Range> = new Set();

const browserLayout: Layout = {
  box: (range) => range.getBoundingClientRect(),
  band: (win) => ({ top: -win.innerHeight, bottom: 2 * win.innerHeight }),
  caret: caretAt,
};

/**
 * The block a hit's words sit in (its paragraph, cell, list item), the unit observed: the
 * observer's nearest block, or the text's own element in a shadow tree without a block.
 */
function blockOf(range: Range): Element | null {
  const start = range.startContainer;
  const block = nearestBlock(start);
  if (block.nodeType === 1) return block as Element;
  return start.nodeType === 1 ? (start as Element) : start.parentElement;
}

/** The first range (in reading order) that ends at or after the point. */
function firstEndingAfter(ranges: readonly Range[], point: { node: Node; offset: number }): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid]!.comparePoint(point.node, point.offset) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The hits of a long block on screen and a screen's worth either side, at most `max`, from where
 * the viewport's top and bottom fall in the block's text (two layout queries, then binary
 * searches in the DOM); off screen, the hits at the end facing it. Undefined when the block's
 * text is not what is at those points (an element laid over it): then the boxes are read instead.
 */
function hitsAroundScreen(el: Element, ranges: readonly Range[], layout: Layout, win: Window, max: number): Set<Range> | undefined {
  const box = el.getBoundingClientRect();
  const top = Math.max(0, box.top) + 1;
  const bottom = Math.min(win.innerHeight, box.bottom) - 1;
  const x = Math.min(Math.max(box.left + 2, 0), win.innerWidth - 1);
  if (bottom <= top) {
    // Near but not on screen: the end that faces the viewport.
    const n = Math.min(max, WHOLE_BLOCK);
    return new Set(box.top >= win.innerHeight ? ranges.slice(0, n) : ranges.slice(-n));
  }
  const first = layout.caret!(el.ownerDocument, x, top);
  const last = layout.caret!(el.ownerDocument, Math.min(box.right - 2, win.innerWidth - 1), bottom);
  if (!first || !last || !el.contains(first.node) || !el.contains(last.node)) return undefined;
  const from = firstEndingAfter(ranges, first);
  const to = firstEndingAfter(ranges, last);
  const onScreen = Math.max(1, to - from);
  const out = new Set<Range>();
  for (let i = Math.max(0, from - onScreen); i < Math.min(ranges.length, to + onScreen) && out.size < max; i++) out.add(ranges[i]!);
  return out;
}

/**
 * The hits of a long block near the viewport, at most `max`. The block's hits are in reading
 * order, which is their order down the screen: a binary search finds the first one that reaches
 * the band (a handful of box reads), then they are taken until one starts below it.
 */
function nearHits(ranges: readonly Range[], layout: Layout, band: { top: number; bottom: number }, max: number): Set<Range> {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (layout.box(ranges[mid]!).bottom < band.top) lo = mid + 1;
    else hi = mid;
  }
  const out = new Set<Range>();
  for (let i = lo; i < ranges.length && out.size < max; i++) {
    const box = layout.box(ranges[i]!);
    if (box.top > band.bottom) break;
    if (box.bottom >= band.top) out.add(ranges[i]!);
  }
  return out;
}

export function paintNearViewport(
  inner: Painter,
  { IntersectionObserver: IO, threshold = NEAR_VIEWPORT_THRESHOLD, limit = MAX_REGISTERED, layout = browserLayout }: NearViewportOptions = {},
): Painter {
  /** Every hit handed to this painter, by block, in the order they came (reading order). */
  const byBlock = new Map<Element, Map<Range, string>>();
  const blocks = new Map<Range, Element>();
  /** A long block's hits as an array, for the binary search (dropped when the block changes). */
  const ordered = new Map<Element, Range[]>();
  /** Blocks observed after the limit, the observer's first answer still to come. */
  const unanswered = new Set<Element>();
  /** Blocks counted as near: all of them until the threshold is passed, then as the observer says. */
  const near = new Set<Element>();
  /** What is registered with `inner`, by block; and hits without a block (registered as they come). */
  const shown = new Map<Element, Set<Range>>();
  const loose = new Map<Range, string>();
  let registered = 0;
  /** Near blocks not (fully) registered for want of room, and long near blocks, which follow the scroll. */
  const starved = new Set<Element>();
  const long = new Set<Element>();
  const dirty = new Set<Element>();
  let observer: IntersectionObserver | undefined;
  let stopFollowing: (() => void) | undefined;
  let total = 0;

  const show = (el: Element, range: Range, set: Set<Range>) => {
    inner.add(byBlock.get(el)!.get(range)!, range);
    set.add(range);
    registered++;
  };

  /** Registers what the block should show now (nothing if far), within the limit; unregisters the rest. */
  const refresh = (el: Element) => {
    const ranges = byBlock.get(el);
    const have = shown.get(el) ?? new Set<Range>();
    let want: Pick<Set<Range>, 'has' | 'keys'> = NONE;
    if (ranges && near.has(el)) {
      if (ranges.size <= WHOLE_BLOCK || !observer) want = ranges;
      else {
        let list = ordered.get(el);
        if (!list) ordered.set(el, (list = [...ranges.keys()]));
        const win = el.ownerDocument.defaultView;
        want = !win ? NONE : ((layout.caret && hitsAroundScreen(el, list, layout, win, limit)) ?? nearHits(list, layout, layout.band(win), limit));
      }
    }
    for (const r of have) {
      if (want.has(r)) continue;
      inner.remove(ranges?.get(r) ?? '', r);
      have.delete(r);
      registered--;
    }
    let complete = true;
    for (const r of want.keys()) {
      if (have.has(r)) continue;
      if (registered >= limit) {
        complete = false;
        break;
      }
      show(el, r, have);
    }
    if (complete) starved.delete(el);
    else starved.add(el);
    if (have.size) shown.set(el, have);
    else shown.delete(el);
  };

  /** Room was made: the blocks left waiting get it, in the order they came. */
  const feedStarved = () => {
    for (const el of starved) {
      if (registered >= limit) return;
      refresh(el);
    }
  };

  let feeding = false;
  const flush = () => {
    feeding = false;
    for (const el of dirty) refresh(el);
    dirty.clear();
    feedStarved();
  };
  const feedSoon = () => {
    if (!feeding) queueMicrotask(flush);
    feeding = true;
  };
  const later = (el: Element) => {
    dirty.add(el);
    feedSoon();
  };

  /** Long blocks and waiting ones are redone as the page scrolls or the window changes size, once a frame. */
  const follow = (win: Window) => {
    let frame = 0;
    const onMove = () => {
      if (frame || (!long.size && !starved.size)) return;
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        for (const el of long) if (near.has(el)) refresh(el);
        feedStarved();
      });
    };
    win.addEventListener('scroll', onMove, { capture: true, passive: true });
    win.addEventListener('resize', onMove, { passive: true });
    return () => {
      win.removeEventListener('scroll', onMove, { capture: true });
      win.removeEventListener('resize', onMove);
      if (frame) win.cancelAnimationFrame(frame);
    };
  };

  /** From now on only the near blocks: all are observed, and the far ones unregistered once the observer says so. */
  const limitToNear = (win: Window | null) => {
    observer = new IO!(
      (entries) => {
        for (const e of entries) {
          unanswered.delete(e.target);
          if (e.isIntersecting) near.add(e.target);
          else near.delete(e.target);
          refresh(e.target);
        }
        feedStarved();
      },
      { rootMargin: MARGIN },
    );
    for (const el of byBlock.keys()) observer.observe(el);
    // A long block already registered whole is cut to its near hits now.
    for (const el of long) later(el);
    if (win) stopFollowing = follow(win);
  };

  const release = () => {
    observer?.disconnect();
    observer = undefined;
    stopFollowing?.();
    stopFollowing = undefined;
    for (const m of [byBlock, blocks, ordered, shown, loose]) m.clear();
    for (const s of [unanswered, near, starved, long, dirty]) s.clear();
    registered = 0;
    total = 0;
  };

  return {
    add(category, range, ahead) {
      const el = blockOf(range);
      total++;
      if (!el) {
        loose.set(range, category);
        if (registered < limit) {
          inner.add(category, range);
          registered++;
        }
      } else {
        let ranges = byBlock.get(el);
        if (!ranges) {
          byBlock.set(el, (ranges = new Map()));
          // Until limited, every block counts as near. After, a block the page has just changed or
          // added (a few at a time) is painted at once and taken away if the observer finds it far;
          // blocks read ahead of the reader (the rest of the first pass) and blocks arriving by the
          // hundred wait for its answer: painting them and taking most away again would cost two
          // frames that redraw every registered range.
          if (!observer || (!ahead && unanswered.size < OPTIMISTIC)) near.add(el);
          if (observer) {
            unanswered.add(el);
            observer.observe(el);
          }
        }
        ranges.set(range, category);
        blocks.set(range, el);
        ordered.delete(el);
        if (ranges.size > WHOLE_BLOCK) long.add(el);
        if (near.has(el)) {
          const have = shown.get(el) ?? new Set<Range>();
          if ((!observer || ranges.size <= WHOLE_BLOCK) && registered < limit) {
            show(el, range, have);
            shown.set(el, have);
          } else later(el);
        }
      }
      if (!observer && IO && total > threshold) limitToNear(range.startContainer.ownerDocument?.defaultView ?? null);
    },
    remove(category, range) {
      const el = blocks.get(range);
      if (el === undefined) {
        if (loose.delete(range)) {
          inner.remove(category, range);
          registered--;
        }
        return;
      }
      blocks.delete(range);
      total--;
      const ranges = byBlock.get(el);
      ranges?.delete(range);
      ordered.delete(el);
      const have = shown.get(el);
      if (have?.delete(range)) {
        inner.remove(category, range);
        registered--;
      }
      if (ranges && ranges.size <= WHOLE_BLOCK) long.delete(el);
      if (ranges && !ranges.size) {
        byBlock.delete(el);
        shown.delete(el);
        near.delete(el);
        unanswered.delete(el);
        starved.delete(el);
        observer?.unobserve(el);
      } else if (near.has(el) && long.has(el)) later(el);
      if (starved.size && registered < limit) feedSoon();
    },
    setCurrent: (range) => inner.setCurrent(range),
    adoptInto: (root) => inner.adoptInto(root),
    applySettings: (settings: HighlightSettings) => inner.applySettings(settings),
    clear() {
      release();
      inner.clear();
    },
    destroy() {
      release();
      inner.destroy();
    },
  };
}
