/**
 * Hits in reading order, for "next / previous concept" and for the side panel's "show me its
 * occurrences in turn". The order comes from a fresh text index (flattened tree order, through
 * shadow roots and iframes), computed only when the user asks and cached until the hits change.
 */
import type { Hit, HitStore } from './hits';
import { indexText } from './text-index';

export class HitNavigator {
  private ordered: Hit[] = [];
  private orderedVersion = -1;
  current: Hit | undefined;

  constructor(
    private readonly doc: Document,
    private readonly store: HitStore,
  ) {}

  inOrder(): Hit[] {
    if (this.orderedVersion !== this.store.version) {
      const position = new Map<Text, number>();
      indexText(this.doc).nodes.forEach((n, i) => position.set(n, i));
      const key = (h: Hit) => position.get(h.nodes[0]!) ?? Number.MAX_SAFE_INTEGER;
      this.ordered = [...this.store.hits()].sort((a, b) => key(a) - key(b) || a.range.startOffset - b.range.startOffset);
      this.orderedVersion = this.store.version;
    }
    return this.ordered;
  }

  /** The next (or previous) hit among those `accept` lets through, wrapping around; its index among them. */
  step(direction: 'next' | 'previous', accept: (h: Hit) => boolean = () => true): { hit: Hit; index: number; total: number } | undefined {
    const list = this.inOrder().filter(accept);
    if (!list.length) return undefined;
    const at = this.current ? list.indexOf(this.current) : -1;
    let index: number;
    if (at >= 0) index = (at + (direction === 'next' ? 1 : -1) + list.length) % list.length;
    else index = direction === 'next' ? 0 : list.length - 1;
    this.current = list[index];
    return { hit: list[index]!, index, total: list.length };
  }
}
