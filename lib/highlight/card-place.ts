/**
 * Where the concept card goes: beside its term, never over it. Below the term where the card
 * fits, else above, else to its right or left; where nothing fits whole (a short window), on the
 * roomier side, cut to the room there (the card's body scrolls, its actions stay in sight). Pure:
 * boxes in, position out, in viewport coordinates.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Set when the card must be shorter than it would be. */
  maxHeight?: number;
  side: 'below' | 'above' | 'right' | 'left';
}

/** Kept clear between the card and the window's edge, and between the card and its term. */
export const EDGE = 8;
export const GAP = 6;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

export function placeCard(term: Box, card: { width: number; height: number }, view: { width: number; height: number }): Placement {
  const { width: w, height: h } = card;
  const below = view.height - EDGE - (term.bottom + GAP);
  const above = term.top - GAP - EDGE;
  const right = view.width - EDGE - (term.right + GAP);
  const left = term.left - GAP - EDGE;
  const alongside = clamp(term.left, EDGE, view.width - EDGE - w);
  const beside = clamp((term.top + term.bottom) / 2 - h / 2, EDGE, view.height - EDGE - h);

  if (h <= below) return { left: alongside, top: term.bottom + GAP, side: 'below' };
  if (h <= above) return { left: alongside, top: term.top - GAP - h, side: 'above' };
  const tall = h > view.height - 2 * EDGE ? view.height - 2 * EDGE : undefined;
  if (w <= right) return { left: term.right + GAP, top: tall === undefined ? beside : EDGE, maxHeight: tall, side: 'right' };
  if (w <= left) return { left: term.left - GAP - w, top: tall === undefined ? beside : EDGE, maxHeight: tall, side: 'left' };
  // Nothing fits whole: the roomier of below and above, the card cut to fit.
  return below >= above
    ? { left: alongside, top: term.bottom + GAP, maxHeight: Math.max(0, below), side: 'below' }
    : { left: alongside, top: EDGE, maxHeight: Math.max(0, above), side: 'above' };
}

/** Whether the term can be seen in the window at all (else the card has nothing to sit beside). */
export function inView(term: Box, view: { width: number; height: number }): boolean {
  return term.bottom > 0 && term.top < view.height && term.right > 0 && term.left < view.width && term.bottom - term.top > 0;
}
