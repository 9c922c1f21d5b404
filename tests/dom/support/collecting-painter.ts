/** A painter that keeps what it was told to paint, by category (happy-dom has no CSS.highlights). */
import type { Painter } from '@/lib/highlight/painter';

export class CollectingPainter implements Painter {
  readonly painted = new Map<Range, string>();
  add(category: string, range: Range) {
    this.painted.set(range, category);
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
