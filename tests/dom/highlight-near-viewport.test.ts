import { afterEach, describe, expect, it } from 'vitest';
import { paintNearViewport } from '@/lib/highlight/near-viewport';
import { CollectingPainter } from './support/collecting-painter';
import { FakeIntersectionObserver } from './support/fake-intersection-observer';

afterEach(() => {
  document.body.replaceChildren();
  FakeIntersectionObserver.last = undefined;
});

/** `n` paragraphs of two hits each; returns each paragraph's ranges. */
function page(n: number): { paragraphs: HTMLElement[]; ranges: Range[][] } {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p id="p${i}">war crimes and <em>genocide</em> ${i}</p>`).join('');
  const paragraphs = [...document.querySelectorAll('p')];
  const ranges = paragraphs.map((p) => {
    const a = document.createRange();
    a.setStart(p.firstChild!, 0);
    a.setEnd(p.firstChild!, 10);
    const b = document.createRange();
    b.selectNodeContents(p.querySelector('em')!);
    return [a, b];
  });
  return { paragraphs, ranges };
}

function gate(threshold: number) {
  const inner = new CollectingPainter();
  const painter = paintNearViewport(inner, { IntersectionObserver: FakeIntersectionObserver as unknown as typeof IntersectionObserver, threshold });
  return { inner, painter };
}

/** Past the threshold (50), with the first 60 paragraphs' hits handed over and all found far from the viewport. */
function limitedAllFar(n: number) {
  const { paragraphs, ranges } = page(n);
  const { inner, painter } = gate(50);
  ranges.slice(0, 60).flat().forEach((r) => painter.add('crime', r));
  const io = FakeIntersectionObserver.last!;
  io.answer(paragraphs.slice(0, 60), false);
  return { paragraphs, ranges, inner, painter, io };
}

describe('painting near the viewport on pages with many hits', () => {
  it('paints every hit while there are few, and watches nothing', () => {
    const { ranges } = page(10);
    const { inner, painter } = gate(100);
    ranges.flat().forEach((r) => painter.add('crime', r));
    expect(inner.painted.size).toBe(20);
    expect(FakeIntersectionObserver.last).toBeUndefined();
  });

  it('past the threshold, keeps only the blocks near the viewport registered, each hit still known', () => {
    const { paragraphs, ranges } = page(100);
    const { inner, painter } = gate(50);
    ranges.flat().forEach((r) => painter.add('crime', r));
    const io = FakeIntersectionObserver.last!;
    expect(io.options?.rootMargin).toMatch(/100%/);
    expect(io.watched.size).toBe(100);
    // The browser reports: the first ten paragraphs near, the rest far.
    io.answer(paragraphs.slice(0, 10), true);
    io.answer(paragraphs.slice(10), false);
    expect(inner.painted.size).toBe(20);
    expect([...inner.painted.keys()].every((r) => paragraphs.slice(0, 10).some((p) => p.contains(r.startContainer)))).toBe(true);

    // Scrolling: paragraphs 50-59 come near, the first ten go.
    io.answer(paragraphs.slice(50, 60), true);
    io.answer(paragraphs.slice(0, 10), false);
    expect(inner.texts()).toEqual(ranges.slice(50, 60).flat().map((r) => r.toString()).sort());

    // A far hit removed from the page is forgotten without touching what is painted; a near one is unpainted.
    painter.remove('crime', ranges[90]![0]!);
    painter.remove('crime', ranges[55]![0]!);
    expect(inner.painted.size).toBe(19);
    io.answer([paragraphs[90]!], true);
    expect(inner.painted.has(ranges[90]![0]!)).toBe(false);
    expect(inner.painted.has(ranges[90]![1]!)).toBe(true);
  });

  it('paints a block the page has just added at once, and a flood of new blocks only once the browser says they are near', () => {
    const { paragraphs, ranges, inner, painter, io } = limitedAllFar(200);
    expect(inner.painted.size).toBe(0);
    // One paragraph re-rendered by the page: painted now.
    ranges[60]!.forEach((r) => painter.add('crime', r));
    expect(inner.painted.size).toBe(2);
    // The rest of a first pass: a hundred new blocks at once; only the first few go ahead.
    ranges.slice(61).flat().forEach((r) => painter.add('crime', r));
    expect(inner.painted.size).toBeLessThan(2 + 2 * 50 + 1);
    io.answer(paragraphs.slice(60), false);
    expect(inner.painted.size).toBe(0);
    io.answer(paragraphs.slice(150, 152), true);
    expect(inner.painted.size).toBe(4);
  });

  it('paints hits read ahead of the reader (the rest of a first pass) only once the browser says they are near', () => {
    const { paragraphs, ranges, inner, painter, io } = limitedAllFar(100);
    expect(inner.painted.size).toBe(0);
    // A few blocks read ahead: none painted, so none to take away when the browser finds them far
    // (each change of the registered highlights costs a frame that redraws all of them).
    ranges.slice(60, 63).flat().forEach((r) => painter.add('crime', r, true));
    expect(inner.painted.size).toBe(0);
    io.answer(paragraphs.slice(60, 62), false);
    io.answer([paragraphs[62]!], true);
    expect(inner.texts()).toEqual(ranges[62]!.map((r) => r.toString()).sort());
  });

  it('lets go of the observer when cleared or destroyed', () => {
    const { ranges } = page(60);
    const { inner, painter } = gate(50);
    ranges.flat().forEach((r) => painter.add('crime', r));
    const io = FakeIntersectionObserver.last!;
    painter.clear();
    expect(io.disconnected).toBe(true);
    expect(inner.painted.size).toBe(0);
    // Counting starts again: a few hits are painted straight away.
    ranges.slice(0, 5).flat().forEach((r) => painter.add('crime', r));
    expect(inner.painted.size).toBe(10);
    expect(FakeIntersectionObserver.last).toBe(io);
  });

  it('registers at most `limit` ranges however the hits are laid out: one block of thousands registers only those near the viewport, and follows the scroll', async () => {
    // One paragraph, one text node, 5,000 hits; ten a line, 20 px a line, the viewport 800 px high.
    const p = document.createElement('p');
    p.textContent = 'war crimes '.repeat(5_000);
    document.body.append(p);
    const text = p.firstChild as Text;
    const ranges = Array.from({ length: 5_000 }, (_, i) => {
      const r = document.createRange();
      r.setStart(text, i * 11);
      r.setEnd(text, i * 11 + 10);
      return r;
    });
    const index = new Map(ranges.map((r, i) => [r, i]));
    let scrollY = 0;
    const layout = {
      box: (r: Range) => ({ top: Math.floor(index.get(r)! / 10) * 20 - scrollY, bottom: Math.floor(index.get(r)! / 10) * 20 + 16 - scrollY }),
      band: () => ({ top: -800, bottom: 1_600 }),
    };
    const inner = new CollectingPainter();
    const painter = paintNearViewport(inner, { IntersectionObserver: FakeIntersectionObserver as unknown as typeof IntersectionObserver, threshold: 50, limit: 300, layout });
    ranges.forEach((r) => painter.add('crime', r));
    FakeIntersectionObserver.last!.answer([p], true);
    await Promise.resolve();
    // The first 80 lines (0 to 1,600 px) hold 800 hits: the first 300 of them, no more.
    expect(inner.painted.size).toBe(300);
    expect([...inner.painted.keys()].every((r) => index.get(r)! < 300)).toBe(true);
    // Scrolled 4,000 px down: from line 160 (a screen above the viewport) on.
    scrollY = 4_000;
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 50));
    const now = [...inner.painted.keys()].map((r) => index.get(r)!).sort((a, b) => a - b);
    expect(now).toHaveLength(300);
    expect(now[0]).toBe(1_600);
    painter.destroy();
  });

  it('with thousands of small blocks all near, registers up to the limit and gives room to waiting blocks as others leave', async () => {
    const { paragraphs, ranges } = page(300);
    const inner = new CollectingPainter();
    const painter = paintNearViewport(inner, { IntersectionObserver: FakeIntersectionObserver as unknown as typeof IntersectionObserver, threshold: 50, limit: 100 });
    ranges.flat().forEach((r) => painter.add('crime', r));
    const io = FakeIntersectionObserver.last!;
    io.answer(paragraphs, true);
    expect(inner.painted.size).toBe(100);
    // The first 25 paragraphs leave: the next 25 take their place.
    io.answer(paragraphs.slice(0, 25), false);
    expect(inner.painted.size).toBe(100);
    const painted = (i: number) => [...inner.painted.keys()].some((r) => paragraphs[i]!.contains(r.startContainer));
    expect(painted(60)).toBe(true);
    expect(painted(10)).toBe(false);
    expect(painted(80)).toBe(false);
    painter.destroy();
  });
});
