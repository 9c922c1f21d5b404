/**
 * Where the concept card goes beside its term (lib/highlight/card-place.ts), in a 1280 × 800
 * window: never over the term, always inside the window.
 */
import { describe, expect, it } from 'vitest';
import { EDGE, placeCard, type Box } from '@/lib/highlight/card-place';

const VIEW = { width: 1280, height: 800 };
const CARD = { width: 340, height: 260 };
const term = (left: number, top: number, width = 60, height = 17): Box => ({ left, top, right: left + width, bottom: top + height });
const cardBox = (t: Box, card = CARD, view = VIEW) => {
  const p = placeCard(t, card, view);
  const height = p.maxHeight ?? card.height;
  return { ...p, box: { left: p.left, top: p.top, right: p.left + card.width, bottom: p.top + height } };
};
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, view = VIEW) => a.left >= EDGE - 0.5 && a.top >= EDGE - 0.5 && a.right <= view.width - EDGE + 0.5 && a.bottom <= view.height - EDGE + 0.5;

describe('the card beside its term', () => {
  it('goes below a term where it fits, above one near the bottom, and never over it', () => {
    const mid = term(600, 390);
    expect(cardBox(mid).side).toBe('below');
    const low = term(600, 760);
    expect(cardBox(low).side).toBe('above');
    for (const t of [mid, low, term(0, 0), term(1220, 392), term(1220, 780), term(5, 783)]) {
      const { box } = cardBox(t);
      expect(overlaps(box, t), JSON.stringify(t)).toBe(false);
      expect(inside(box), JSON.stringify(t)).toBe(true);
    }
  });

  it('goes beside a term when neither below nor above has room (a tall card), and is cut to the window when nothing fits', () => {
    const tall = { width: 340, height: 500 };
    const t = term(200, 380);
    const p = cardBox(t, tall);
    expect(p.side).toBe('right');
    expect(overlaps(p.box, t)).toBe(false);
    // A short window with the term in the middle of a narrow one: cut to the roomier side.
    const small = { width: 400, height: 300 };
    const q = cardBox(term(150, 120), tall, small);
    expect(q.maxHeight).toBeDefined();
    expect(overlaps(q.box, term(150, 120))).toBe(false);
    expect(inside(q.box, small)).toBe(true);
  });
});
