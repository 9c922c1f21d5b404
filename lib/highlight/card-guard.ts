/**
 * Whether the card is visibly on top where the user acts on it. A page can lay a decoy over the
 * card that lets clicks through (pointer-events: none), open its own popover above it, take our
 * host out of the top layer, or move the term (and so the card) under a pointer about to click.
 * Before an action the card asks:
 * - is our host still in the top layer, drawn (opacity 1, visible), and is it what the page finds
 *   at the button's centre, and the button what our root finds there;
 * - does the browser say the card is unoccluded and unaltered (IntersectionObserver v2,
 *   `trackVisibility`: false when anything is drawn over it, even what lets clicks through);
 * - for a click, has the card stayed put for half a second (as browsers guard their own prompts).
 */
import { onTopLayer } from './ui-host';

export interface OnTopGuard {
  /** Why an action on `button` must be refused now, or undefined when the card is visibly on top. */
  refusal(button: HTMLElement, byPointer: boolean): string | undefined;
  /** The card was (re)placed at this position. */
  moved(left: number, top: number): void;
  stop(): void;
}

/** A click within this long after the card appeared or moved is refused. */
export const SETTLE_MS = 500;

export const COVERED = 'Nothing was done: something on the page is over this card. Close what covers it, or press Escape, and try again.';
export const JUST_MOVED = 'Nothing was done: the card had just moved. Click again if you meant to.';

interface VisibilityEntry {
  isVisible?: boolean;
}

export function watchOnTop(doc: Document, host: HTMLElement, card: HTMLElement, onLost: () => void): OnTopGuard {
  const win = doc.defaultView!;
  const now = () => win.performance.now();
  const popovers = typeof host.showPopover === 'function';
  /** The browser's last word on whether the card is unoccluded (undefined until it has spoken, or where it cannot). */
  let unoccluded: boolean | undefined;
  let io: IntersectionObserver | undefined;
  try {
    io = new win.IntersectionObserver(
      (entries) => {
        for (const e of entries as (IntersectionObserverEntry & VisibilityEntry)[]) if (typeof e.isVisible === 'boolean') unoccluded = e.isVisible;
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    io.observe(card);
  } catch {
    io = undefined; // no visibility tracking in this browser: the other checks remain
  }
  // The page took our host out of the top layer (hidePopover, or the attribute removed): close.
  // The state is read when the event comes, not the event's: raising the card again (hide, then
  // show) may hand over a "closed" event for a host that is open again.
  const onToggle = () => {
    if (popovers && !onTopLayer(host)) onLost();
  };
  host.addEventListener('toggle', onToggle);
  let movedAt = now();
  let at = '';

  return {
    moved(left, top) {
      const here = `${Math.round(left)},${Math.round(top)}`;
      if (here === at) return;
      at = here;
      movedAt = now();
    },
    refusal(button, byPointer) {
      if (!card.isConnected || (popovers && !onTopLayer(host))) return COVERED;
      const style = win.getComputedStyle(host);
      if (style.opacity !== '1' || style.visibility !== 'visible' || style.display === 'none') return COVERED;
      const b = button as HTMLElement & { checkVisibility?: (o: object) => boolean };
      if (b.checkVisibility && !b.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return COVERED;
      const r = button.getBoundingClientRect();
      const x = (r.left + r.right) / 2;
      const y = (r.top + r.bottom) / 2;
      if (x < 0 || y < 0 || x >= win.innerWidth || y >= win.innerHeight) return COVERED;
      if (doc.elementFromPoint(x, y) !== host) return COVERED;
      const inside = (button.getRootNode() as ShadowRoot).elementFromPoint?.(x, y);
      if (inside && inside !== button && !button.contains(inside)) return COVERED;
      if (unoccluded === false) return COVERED;
      if (byPointer && now() - movedAt < SETTLE_MS) return JUST_MOVED;
      return undefined;
    },
    stop() {
      io?.disconnect();
      host.removeEventListener('toggle', onToggle);
    },
  };
}
