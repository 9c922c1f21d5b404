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
 */
import type { HighlightSettings } from '../settings/highlight-settings';
import type { Painter } from './painter';
import { nearestBlock } from './observer';

export interface NearViewportOptions {
  /** The document's IntersectionObserver (absent: everything is painted). */
  IntersectionObserver?: typeof IntersectionObserver;
  /** Hits painted all at once before only the near ones are. */
  threshold?: number;
}

export const NEAR_VIEWPORT_THRESHOLD = 2_000;
/** Blocks at most awaiting the observer's first answer for a new block to be painted at once. */
const OPTIMISTIC = 50;
/** One screen above and one below: hits are registered a scroll ahead of being seen. */
const MARGIN = '100% 0px 100% 0px';

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

export function paintNearViewport(inner: Painter, { IntersectionObserver: IO, threshold = NEAR_VIEWPORT_THRESHOLD }: NearViewportOptions = {}): Painter {
  /** Every hit handed to this painter, by block. */
  const byBlock = new Map<Element, Map<Range, string>>();
  const blocks = new Map<Range, Element>();
  /** Blocks observed after the limit, the observer's first answer still to come. */
  const unanswered = new Set<Element>();
  /** Blocks whose ranges are registered with `inner` (all of them until the threshold is passed). */
  const near = new Set<Element>();
  let observer: IntersectionObserver | undefined;
  let total = 0;

  const paintBlock = (el: Element, on: boolean) => {
    const ranges = byBlock.get(el);
    if (!ranges || near.has(el) === on) return;
    if (on) near.add(el);
    else near.delete(el);
    for (const [range, category] of ranges) on ? inner.add(category, range) : inner.remove(category, range);
  };

  /** From now on only the near blocks: all are observed, and the far ones unregistered once the observer says so. */
  const limit = () => {
    observer = new IO!(
      (entries) => {
        for (const e of entries) {
          unanswered.delete(e.target);
          paintBlock(e.target, e.isIntersecting);
        }
      },
      { rootMargin: MARGIN },
    );
    for (const el of byBlock.keys()) observer.observe(el);
  };

  const release = () => {
    observer?.disconnect();
    observer = undefined;
    byBlock.clear();
    blocks.clear();
    near.clear();
    unanswered.clear();
    total = 0;
  };

  return {
    add(category, range, ahead) {
      const el = blockOf(range);
      if (!el) return inner.add(category, range);
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
      total++;
      if (near.has(el)) inner.add(category, range);
      if (!observer && IO && total > threshold) limit();
    },
    remove(category, range) {
      const el = blocks.get(range);
      if (el === undefined) return inner.remove(category, range);
      blocks.delete(range);
      total--;
      const ranges = byBlock.get(el);
      ranges?.delete(range);
      if (near.has(el)) inner.remove(category, range);
      if (ranges && !ranges.size) {
        byBlock.delete(el);
        near.delete(el);
        unanswered.delete(el);
        observer?.unobserve(el);
      }
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
