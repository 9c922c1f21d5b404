/**
 * One highlighting pass: text index → matcher → ranges → painter. The first pass covers the
 * whole document; later passes only the parts that changed (observer.ts says which). Every pass
 * is recorded as User Timing marks `r2p:pass:start` / `r2p:pass:end` and a measure `r2p:pass`,
 * so its cost shows in any browser's performance tools.
 */
import { HitStore, type Hit } from './hits';
import type { Painter } from './painter';
import { spansToRanges } from './ranges';
import { indexText } from './text-index';

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
}

export interface PassInfo {
  kind: 'full' | 'incremental';
  added: number;
  removed: number;
  ms: number;
}

export interface Highlighter {
  readonly store: HitStore;
  fullPass(): PassInfo;
  /** Re-matches the given subtrees; `sweep` also drops hits whose text left the page. */
  update(units: readonly Node[], sweep: boolean): PassInfo;
  clear(): void;
}

export function createHighlighter(o: HighlighterOptions): Highlighter {
  const store = new HitStore();
  const perf = o.document.defaultView?.performance ?? performance;

  const unpaint = (hits: Hit[]) => {
    for (const h of hits) o.painterFor(h.nodes[0]!.ownerDocument).remove(h.category, h.range);
  };

  const paintRoots = (roots: Node[]): number => {
    const index = indexText(roots);
    for (const root of index.roots) {
      if (root.nodeType === 11) o.painterFor(root.ownerDocument!).adoptInto(root as ShadowRoot);
    }
    if (index.roots.length) o.onRoots?.(index.roots);
    let added = 0;
    for (const { span, range, nodes } of spansToRanges(index, o.match(index.text))) {
      const category = o.categoryOf(span.conceptId);
      if (!category) continue;
      store.add({ conceptId: span.conceptId, category, range, nodes });
      o.painterFor(nodes[0]!.ownerDocument).add(category, range);
      added++;
    }
    return added;
  };

  const pass = (kind: PassInfo['kind'], body: () => { added: number; removed: number }): PassInfo => {
    perf.mark('r2p:pass:start');
    const t0 = perf.now();
    const { added, removed } = body();
    const ms = perf.now() - t0;
    perf.mark('r2p:pass:end');
    try {
      perf.measure('r2p:pass', { start: 'r2p:pass:start', end: 'r2p:pass:end', detail: { kind, added, removed } });
    } catch {
      // Older engines without measure options: the marks are there.
    }
    if (added || removed) o.onChange?.(store);
    return { kind, added, removed, ms };
  };

  return {
    store,
    fullPass: () =>
      pass('full', () => {
        const old = store.clear();
        unpaint(old);
        return { added: paintRoots([o.document]), removed: old.length };
      }),
    update: (units, sweep) =>
      pass('incremental', () => {
        const old: Hit[] = [];
        // Pushed one by one: spreading tens of thousands of hits would overflow the arguments.
        for (const u of units) for (const h of store.takeUnder(u)) old.push(h);
        if (sweep) for (const h of store.takeDisconnected()) old.push(h);
        unpaint(old);
        return { added: paintRoots(units.filter((u) => u.isConnected)), removed: old.length };
      }),
    clear() {
      unpaint(store.clear());
      o.onChange?.(store);
    },
  };
}
