/**
 * One highlighting pass: text index → matcher → ranges → painter. The first pass covers the
 * whole document; later passes only the parts that changed (observer.ts says which). Every pass
 * is recorded as User Timing marks `r2p:pass:start` / `r2p:pass:end` and a measure `r2p:pass`,
 * so its cost shows in any browser's performance tools.
 *
 * The first pass starts with the blocks on screen (on-screen.ts), painted at once, then reads
 * the rest of the page from the top, passing over them. It is cut into slices of about SLICE_MS,
 * each painted as soon as it is matched, with the page's own work (timers, input, rendering) let
 * through between them: on a page of
 * 200,000 text nodes one block of several seconds would freeze the page. Changes the observer
 * reports meanwhile are kept for one incremental pass right after, except those inside parts not
 * read yet, which the first pass reads as they are by then.
 */
import { HitStore, type Hit } from './hits';
import { outermost } from './observer';
import type { Painter } from './painter';
import { spansToRanges } from './ranges';
import { indexText, walkText, type TextIndex, type TextWalker } from './text-index';
import { browserSlicing, type Slicing } from './slicing';

export interface Match {
  conceptId: string;
  start: number;
  end: number;
}

export interface HighlighterOptions {
  document: Document;
  match: (text: string) => Match[];
  categoryOf: (conceptId: string) => string | undefined;
  /** The painter of a document (the page's, or a same-origin iframe's). */
  painterFor: (doc: Document) => Painter;
  /** Shadow roots and iframe documents found, for the observer to watch. */
  onRoots?: (roots: (ShadowRoot | Document)[]) => void;
  /** After each pass that changed the hits. */
  onChange?: (store: HitStore) => void;
  /**
   * The blocks on screen (on-screen.ts), which the first pass reads and paints before the rest
   * of the page. Without it the first pass goes from the top.
   */
  onScreen?: (doc: Document) => Element[];
}

export interface PassInfo {
  kind: 'full' | 'incremental';
  added: number;
  removed: number;
  /** Wall time, from the first slice's start to the last one's end. */
  ms: number;
  /** First pass only: the part on screen, done first (its hits, and the time from the pass's start). */
  screen?: { blocks: number; added: number; ms: number };
  /** First pass only: how it was cut, and the time spent working (without the pauses between slices). */
  slices?: number;
  longestSliceMs?: number;
  busyMs?: number;
  aborted?: boolean;
}

export interface FullPassOptions {
  /** Stops the pass between two slices. */
  signal?: AbortSignal;
  /** The clock and the way to yield (tests inject their own); the browser's by default. */
  slicing?: Slicing;
}

export interface Highlighter {
  readonly store: HitStore;
  /** The whole document, in slices; resolves when done (or stopped). */
  fullPass(options?: FullPassOptions): Promise<PassInfo>;
  /** Re-matches the given subtrees; `sweep` also drops hits whose text left the page. */
  update(units: readonly Node[], sweep: boolean): PassInfo;
  clear(): void;
}

/**
 * Marks at most this many mentions in one block (paragraph, cell): a report published as one
 * block holds a few thousand; a page that repeats a term a million times in one paragraph gets
 * this many, not a million ranges to build, count and hold.
 */
export const MAX_HITS_PER_BLOCK = 10_000;

/** Work per slice of the first pass before the page gets the main thread back. */
export const SLICE_MS = 8;
/** Matching, mapping and painting, in ms per character of text, before a slice has measured it. */
const COLD_MS_PER_CHAR = 0.0003;
/** A part this long (in characters) or more measures the cost well enough to go by, up or down. */
const MEASURED_CHARS = 2_000;
/** Never taken as cheaper than this: one fast slice must not make the next one read the whole page. */
const MIN_MS_PER_CHAR = 0.00003;
/** Hits painted at once at the start of the first pass; later batches double. */
const FIRST_BATCH = 500;

const parentAcross = (n: Node): Node | null => n.parentNode ?? (n as ShadowRoot).host ?? null;
const insideAny = (node: Node, set: Set<Node>) => {
  for (let n: Node | null = node; n; n = parentAcross(n)) if (set.has(n)) return true;
  return false;
};

export function createHighlighter(o: HighlighterOptions): Highlighter {
  const store = new HitStore();
  const perf = o.document.defaultView?.performance ?? performance;

  const unpaint = (hits: Hit[]) => {
    for (const h of hits) o.painterFor(h.nodes[0]!.ownerDocument).remove(h.category, h.range);
  };

  /**
   * Paints one index's hits. `fresh`: its text nodes may already carry hits (a node the first
   * pass read, moved by the page into a part it has not read yet), which are replaced, not doubled.
   */
  const paintIndex = (index: TextIndex, fresh: boolean, held?: Hit[]): { added: number; removed: number } => {
    let removed = 0;
    if (fresh) {
      const old: Hit[] = [];
      for (const n of index.nodes) if (store.at(n).length) for (const h of store.takeUnder(n)) old.push(h);
      unpaint(old);
      removed = old.length;
    }
    for (const root of index.roots) {
      if (root.nodeType === 11) o.painterFor(root.ownerDocument!).adoptInto(root as ShadowRoot);
    }
    if (index.roots.length) o.onRoots?.(index.roots);
    let added = 0;
    for (const { span, range, nodes } of spansToRanges(index, o.match(index.text))) {
      const category = o.categoryOf(span.conceptId);
      if (!category) continue;
      const hit = { conceptId: span.conceptId, category, range, nodes };
      store.add(hit);
      if (held) held.push(hit);
      else o.painterFor(nodes[0]!.ownerDocument).add(category, range);
      added++;
    }
    return { added, removed };
  };

  const paintRoots = (roots: Node[]): number => paintIndex(indexText(roots), false).added;

  /** The first pass under way: what it has not read yet, and the changes kept for after it. */
  let running: { walker: TextWalker; screen: Set<Node>; units: Set<Node>; sweep: boolean } | undefined;

  const mark = (name: string) => perf.mark(name);
  /** A measure from the pass's start mark to `end` (a pass's end, or the end of its on-screen part). */
  const measure = (detail: Omit<PassInfo, 'ms'> | NonNullable<PassInfo['screen']>, name = 'r2p:pass', end = 'r2p:pass:end') => {
    try {
      perf.measure(name, { start: 'r2p:pass:start', end, detail });
    } catch {
      // Older engines without measure options: the marks are there.
    }
  };

  const pass = (kind: PassInfo['kind'], body: () => { added: number; removed: number }): PassInfo => {
    mark('r2p:pass:start');
    const t0 = perf.now();
    const { added, removed } = body();
    const ms = perf.now() - t0;
    mark('r2p:pass:end');
    measure({ kind, added, removed });
    if (added || removed) o.onChange?.(store);
    return { kind, added, removed, ms };
  };

  /**
   * The first pass's opening move: the blocks on screen, read, matched and painted at once.
   * Marked `r2p:pass:screen` (a measure from the pass's start), so its cost shows on any page.
   */
  const readScreen = (now: () => number) => {
    const t0 = now();
    const blocks = o.onScreen?.(o.document) ?? [];
    const added = blocks.length ? paintIndex(indexText(blocks), false).added : 0;
    const ms = now() - t0;
    const info = { blocks: blocks.length, added, ms };
    mark('r2p:pass:screen');
    measure(info, 'r2p:pass:screen', 'r2p:pass:screen');
    if (added) o.onChange?.(store);
    return { blocks: new Set<Node>(blocks), info };
  };

  const highlighter: Highlighter = {
    store,
    async fullPass({ signal, slicing = browserSlicing(o.document.defaultView ?? globalThis) } = {}) {
      mark('r2p:pass:start');
      const t0 = perf.now();
      const old = store.clear();
      unpaint(old);
      const { now } = slicing;
      const screen = readScreen(now);
      const run = { walker: walkText(o.document, { skip: screen.blocks }), screen: screen.blocks, units: new Set<Node>(), sweep: false };
      running = run;
      const budget = slicing.budgetMs ?? SLICE_MS;
      let added = screen.info.added;
      let removed = old.length;
      // The part on screen is a slice of its own.
      let slices = screen.blocks.size ? 1 : 0;
      let longest = screen.info.ms;
      let busy = screen.info.ms;
      // Matching, mapping and painting follow the reading, at a cost per character of text: stop
      // reading where the time spent plus that cost of what was read fills the slice. The cost is
      // measured on each slice; the first guess is a cold engine's (the reading time alone is a
      // poor guide: the first read of a page can wait on a whole-page style recalculation).
      let perChar = COLD_MS_PER_CHAR;
      const stopped = () => signal?.aborted || running !== run;
      // Every frame in which the highlights changed costs the browser time in proportion to all
      // the ranges registered so far (Chromium re-validates them all; past 2,000 hits only those
      // near the viewport are registered, near-viewport.ts). Handing hits to the painter in
      // batches that double keeps such frames to a handful per pass instead of one per slice.
      let held: Hit[] = [];
      let painted = screen.info.added;
      const release = () => {
        for (const h of held) if (store.at(h.nodes[0]!).includes(h)) o.painterFor(h.nodes[0]!.ownerDocument).add(h.category, h.range, true);
        painted += held.length;
        held = [];
      };
      try {
        // Let the browser draw the screen's highlights before the rest is read.
        if (screen.blocks.size && !run.walker.done) await (slicing.frame ?? slicing.yield)();
        while (!stopped()) {
          const s0 = now();
          const part = run.walker.next((length) => now() - s0 + length * perChar >= budget);
          if (!part) break;
          const read = now() - s0;
          const r = paintIndex(part, true, held);
          if (held.length >= Math.max(FIRST_BATCH, painted) || run.walker.done) release();
          added += r.added;
          removed += r.removed;
          const spent = now() - s0;
          slices++;
          busy += spent;
          if (spent > longest) longest = spent;
          // A short part is a noisy sample: it may only raise the estimate.
          const measured = (spent - read) / Math.max(1, part.text.length);
          perChar = part.text.length >= MEASURED_CHARS ? Math.max(MIN_MS_PER_CHAR, measured) : Math.max(perChar, measured);
          if (r.added || r.removed) o.onChange?.(store);
          if (run.walker.done) break;
          await slicing.yield();
        }
      } finally {
        if (!stopped()) release();
        if (running === run) running = undefined;
        slicing.close?.();
      }
      const aborted = !run.walker.done;
      const ms = perf.now() - t0;
      mark('r2p:pass:end');
      const info = { slices, longestSliceMs: longest, busyMs: busy, aborted, screen: screen.info };
      measure({ kind: 'full', added, removed, ...info });
      if (!aborted && (run.units.size || run.sweep)) highlighter.update(outermost(run.units), run.sweep);
      return { kind: 'full', added, removed, ms, ...info };
    },
    update(units, sweep) {
      if (running) {
        // Parts the first pass has not entered yet it reads as they are when it gets there,
        // except the blocks on screen, read already, which it passes over.
        const pending = running.walker.pending();
        for (const u of units) if (!insideAny(u, pending) || insideAny(u, running.screen)) running.units.add(u);
        if (sweep) running.sweep = true;
        return { kind: 'incremental', added: 0, removed: 0, ms: 0 };
      }
      return pass('incremental', () => {
        const old: Hit[] = [];
        // Pushed one by one: spreading tens of thousands of hits would overflow the arguments.
        for (const u of units) for (const h of store.takeUnder(u)) old.push(h);
        if (sweep) for (const h of store.takeDisconnected()) old.push(h);
        unpaint(old);
        return { added: paintRoots(units.filter((u) => u.isConnected)), removed: old.length };
      });
    },
    clear() {
      running = undefined; // a first pass under way stops at its next slice
      unpaint(store.clear());
      o.onChange?.(store);
    },
  };
  return highlighter;
}
