/** A painter that keeps what it was told to paint, by category (happy-dom has no CSS.highlights). */
import type { Painter } from '@/lib/highlight/painter';

export class CollectingPainter implements Painter {
  readonly painted = new Map<Range, string>();
  /** The hits handed as read ahead of the reader (the rest of a first pass). */
  readonly ahead = new Set<Range>();
  add(category: string, range: Range, ahead?: boolean) {
    this.painted.set(range, category);
    if (ahead) this.ahead.add(range);
  }
  remove(_: string, range: Range) {
    this.painted.delete(range);
  }
  setCurrent() {}
  adoptInto() {}
  applySettings() {}
  clear() {
    this.painted.clear();
  }
  destroy() {
    this.painted.clear();
  }
  /** The painted texts, sorted: what a reader of the page would see marked. */
  texts(): string[] {
    return [...this.painted.keys()].map((r) => r.toString()).sort();
  }
}
