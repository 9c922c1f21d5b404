/**
 * An IntersectionObserver the test answers itself: `answer(elements, near)` delivers entries as
 * the browser would after a frame. Only what the near-viewport painter uses.
 */
export class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | undefined;
  readonly watched = new Set<Element>();
  disconnected = false;

  constructor(
    private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    readonly options?: { rootMargin?: string },
  ) {
    FakeIntersectionObserver.last = this;
  }
  observe(el: Element) {
    this.watched.add(el);
  }
  unobserve(el: Element) {
    this.watched.delete(el);
  }
  disconnect() {
    this.watched.clear();
    this.disconnected = true;
  }
  /** The browser's report for these elements (only those still watched). */
  answer(elements: Iterable<Element>, isIntersecting: boolean) {
    const entries = [...elements].filter((e) => this.watched.has(e)).map((target) => ({ target, isIntersecting }));
    if (entries.length) this.callback(entries);
  }
}
