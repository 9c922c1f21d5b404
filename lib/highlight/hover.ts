/**
 * Hover on a marked term: the card opens after a short rest on it and closes when the pointer
 * has left both term and card (unless the card holds the keyboard focus); Escape closes it too,
 * and the card itself follows its term as the page scrolls. Only the user's own pointer and keys
 * count: a page's synthetic events (`isTrusted` false) open and close nothing. Shared by web
 * pages (page-controller) and the PDF reader's text layers.
 */
import type { ConceptCard } from './card';
import type { Hit } from './hits';

const HOVER_DELAY = 250;
const HIDE_DELAY = 400;

export interface HoverOptions {
  win: Window;
  card: Pick<ConceptCard, 'openFor' | 'hasFocus' | 'contains' | 'hide'>;
  /** Where pointer moves are followed (the page, or the reader's scroller). */
  surface: EventTarget;
  /** The visible marked term under the point, if any. */
  hitAt(x: number, y: number): Hit | undefined;
  show(hit: Hit): void;
  signal: AbortSignal;
}

export function followHover({ win, card, surface, hitAt, show, signal }: HoverOptions): void {
  let frame = 0;
  let x = 0;
  let y = 0;
  let overCard = false;
  let candidate: Hit | undefined;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    frame = 0;
    const shown = overCard ? undefined : hitAt(x, y);
    if (shown) {
      clearTimeout(hideTimer);
      hideTimer = undefined;
      if (shown === candidate) return;
      candidate = shown;
      clearTimeout(showTimer);
      showTimer = setTimeout(() => show(shown), HOVER_DELAY);
    } else {
      candidate = undefined;
      clearTimeout(showTimer);
      if (!overCard && card.openFor && !card.hasFocus() && hideTimer === undefined) {
        hideTimer = setTimeout(() => {
          hideTimer = undefined;
          if (!overCard && !card.hasFocus()) card.hide();
        }, HIDE_DELAY);
      }
      if (overCard) {
        clearTimeout(hideTimer);
        hideTimer = undefined;
      }
    }
  };
  const onMove = (e: Event) => {
    if (!e.isTrusted) return;
    x = (e as MouseEvent).clientX;
    y = (e as MouseEvent).clientY;
    overCard = card.contains(e.target);
    if (!frame) frame = win.requestAnimationFrame(check);
  };
  surface.addEventListener('mousemove', onMove, { passive: true, signal });
  win.document.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && card.openFor && card.hide(), { signal });
  signal.addEventListener('abort', () => {
    if (frame) win.cancelAnimationFrame(frame);
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
  });
}
