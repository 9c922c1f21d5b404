/**
 * Follows the page: DOM mutations are collected and, once per animation frame, reduced to the
 * smallest set of subtrees whose words may have changed (a changed text node's paragraph, an
 * added paragraph), which the orchestrator re-matches. Nothing runs while the page is still.
 * Stops with the given AbortSignal.
 */
import { isBlock, isInsideSkipped, isSkippedElement } from './text-index';
import { isUiHost } from './ui-host';

export interface MutationBatch {
  units: Node[];
  /** Something was removed: hits whose text left the page must go. */
  sweep: boolean;
}

/** The nearest ancestor (or self) that is a block, i.e. whose words do not run into its neighbours. */
export function nearestBlock(node: Node): Node {
  let n: Node | null = node;
  while (n) {
    if (n.nodeType === 11) return n; // a shadow root: its content is one unit
    if (n.nodeType === 9) return (n as Document).body ?? n;
    if (n.nodeType === 1 && isBlock(n as Element)) return n;
    n = n.parentNode;
  }
  return node;
}

const parentAcross = (n: Node): Node | null => n.parentNode ?? (n as ShadowRoot).host ?? null;

/** Drops units inside other units, and units that left the page. */
export function outermost(units: Set<Node>): Node[] {
  return [...units].filter((u) => {
    if (!u.isConnected) return false;
    for (let p = parentAcross(u); p; p = parentAcross(p)) if (units.has(p)) return false;
    return true;
  });
}

export function unitsOf(records: readonly MutationRecord[]): MutationBatch {
  const units = new Set<Node>();
  let sweep = false;
  for (const r of records) {
    const target = r.target;
    if (r.type === 'characterData') {
      if (!isInsideSkipped(target)) units.add(nearestBlock(target));
      continue;
    }
    if (r.type !== 'childList') continue;
    const ours = [...r.addedNodes, ...r.removedNodes].every(isUiHost);
    if (ours || isInsideSkipped(target)) continue;
    for (const n of r.addedNodes) {
      if (n.nodeType === 1 && isSkippedElement(n as Element)) continue;
      if (n.nodeType === 1 && isBlock(n as Element)) units.add(n);
      else if (n.nodeType === 1 || n.nodeType === 3) units.add(nearestBlock(target));
    }
    if (r.removedNodes.length) {
      sweep = true;
      // Removing inline text joins or splits the words around it: re-read the block.
      for (const n of r.removedNodes) {
        if (n.nodeType === 3 || (n.nodeType === 1 && !isBlock(n as Element) && !isUiHost(n))) {
          units.add(nearestBlock(target));
          break;
        }
      }
    }
  }
  return { units: outermost(units), sweep };
}

export interface PageObserver {
  /** Also watch a shadow root or iframe document found later. */
  observe(root: Node): void;
}

export function observePage(doc: Document, onBatch: (batch: MutationBatch) => void, signal: AbortSignal): PageObserver {
  const win = doc.defaultView!;
  let pending: MutationRecord[] = [];
  let frame = 0;
  const watched = new WeakSet<Node>();

  // A page that never rests (a clock ticking every 10 ms beside a whole report) would have us
  // re-read it every frame. After a pass that cost more than half a frame we rest REST_FACTOR
  // times as long as it took, so such passes take no more than about a fifth of the page's main
  // thread; changes made meanwhile are gathered into the next pass. Cheap passes (a re-rendered
  // paragraph) still follow the page frame by frame.
  const REST_FACTOR = 4;
  const CHEAP_MS = 8;
  let restUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => win.performance.now();
  // The pass runs in a task right after the frame is painted, not inside the frame callback:
  // by then the browser has computed the new nodes' styles for its own rendering, so our
  // visibility checks read them instead of forcing that work into our pass, and the frame the
  // page's change belongs to is not lengthened by us.
  const afterPaint = () => {
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      timer = setTimeout(flush, 0);
    });
  };
  const schedule = () => {
    if (frame || timer !== undefined) return;
    const wait = restUntil - now();
    if (wait <= 0) afterPaint();
    else
      timer = setTimeout(() => {
        timer = undefined;
        if (!signal.aborted) afterPaint();
      }, wait);
  };
  const flush = () => {
    timer = undefined;
    const records = pending;
    pending = [];
    if (signal.aborted) return;
    const t0 = now();
    const batch = unitsOf(records);
    if (batch.units.length || batch.sweep) onBatch(batch);
    const spent = now() - t0;
    restUntil = spent > CHEAP_MS ? now() + REST_FACTOR * spent : 0;
  };
  const observer = new win.MutationObserver((records) => {
    // Not push(...records): a page adding 200,000 nodes at once would overflow the arguments.
    for (const r of records) pending.push(r);
    schedule();
  });
  const observe = (root: Node) => {
    if (watched.has(root) || signal.aborted) return;
    watched.add(root);
    observer.observe(root, { childList: true, characterData: true, subtree: true });
  };
  observe(doc);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
      clearTimeout(timer);
      pending = [];
    },
    { once: true },
  );
  return { observe };
}
