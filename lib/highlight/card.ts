/**
 * The card shown for a hit: what the concept means first, then its actions (always in sight),
 * then, folded, its risk factors and the Secretary-General's top recommendations. One per page, in the extension's
 * shadow-root host (ui-host.ts). Details come from the background on demand (the content script
 * ships no knowledge base).
 *
 * Beside its term, never over it (card-place.ts), whether opened by hover, keyboard or a jump from
 * the side panel; it follows the term as the page scrolls or the window changes size, and closes
 * when the term leaves the window.
 *
 * Only the user acts on it: a page's synthetic events are ignored, and an action is refused
 * unless the card is visibly on top where it was clicked (card-guard.ts). Its words are drawn by
 * CSS from attributes, not written into the page as text (card-style.ts).
 */
import type { CardDetails } from '../messages/highlight';
import { inView, placeCard, type Box } from './card-place';
import { CARD_CSS } from './card-style';
import { watchOnTop, type OnTopGuard } from './card-guard';
import { isUiHost, lower, raise, uiHost } from './ui-host';

/** The background's answer to "Open in side panel" when it could not open it, in words for the reader. */
export class PanelRefusal extends Error {}

export interface CardActions {
  details(conceptId: string): Promise<CardDetails | null>;
  openInPanel(conceptId: string): Promise<void>;
  addToEvidence(quote: string): Promise<void>;
}

/** What the card sits beside: the term's range (live, so the card can follow it). */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

export interface CardTarget {
  conceptId: string;
  /** The words as the page writes them. */
  surface: string;
  /** The passage around them, kept as evidence. */
  quote: string;
  anchor: Anchor;
}

type Child = Node | null | undefined | false;
function h(doc: Document, tag: string, props: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

/** An element whose words are drawn by CSS from its `data-t` (card-style.ts). */
const say = (doc: Document, tag: string, words: string, props: Record<string, string> = {}, ...children: Child[]) =>
  h(doc, tag, { ...props, 'data-t': words }, ...children);
/** The same, for what is operated (buttons, summaries): named in aria-label too. */
const control = (doc: Document, tag: string, words: string, props: Record<string, string> = {}) => say(doc, tag, words, { 'aria-label': words, ...props });

const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });

export class ConceptCard {
  private el: HTMLElement | undefined;
  private target: CardTarget | undefined;
  private returnFocus: HTMLElement | null = null;
  private seq = 0;
  private guard: OnTopGuard | undefined;
  private following: AbortController | undefined;
  private frame = 0;

  constructor(
    private readonly doc: Document,
    private readonly actions: CardActions,
  ) {}

  get openFor(): string | undefined {
    return this.el?.isConnected ? this.target?.conceptId : undefined;
  }

  /** Is this node (an event target, retargeted at our host) part of the card? */
  contains(node: EventTarget | null): boolean {
    return !!this.el?.isConnected && !!node && isUiHost(node as Node);
  }

  async show(target: CardTarget, focus: boolean): Promise<void> {
    const doc = this.doc;
    const seq = ++this.seq;
    if (focus && !this.el?.isConnected) this.returnFocus = doc.activeElement as HTMLElement | null;
    this.close();
    this.target = target;
    const { root, host } = uiHost(doc);
    if (!root.querySelector('style[data-card]')) root.append(h(doc, 'style', { 'data-card': '' }, doc.createTextNode(CARD_CSS)));
    // Names in aria-label as well as drawn: what reads names from the DOM (axe, some screen readers) does not see generated content.
    const card = h(doc, 'section', { class: 'card', role: 'dialog', 'aria-label': 'R2P Lens', tabindex: '-1' });
    card.append(h(doc, 'header', {}, say(doc, 'h2', 'Loading…')));
    this.el = card;
    root.append(card);
    raise(host);
    card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && e.isTrusted) {
        e.stopPropagation();
        this.hide();
      }
    });
    this.guard = watchOnTop(doc, host, card, () => this.hide());
    if (!this.place()) return this.hide();
    this.follow();
    if (focus) card.focus();

    let details: CardDetails | null = null;
    try {
      details = await this.actions.details(target.conceptId);
    } catch {
      details = null;
    }
    if (seq !== this.seq || !card.isConnected) return;
    card.replaceChildren(...this.body(details, target));
    card.setAttribute('aria-label', details ? `${details.label}: R2P Lens` : 'R2P Lens');
    this.place();
    if (focus) card.focus();
  }

  private body(d: CardDetails | null, t: CardTarget): Node[] {
    const doc = this.doc;
    const close = control(doc, 'button', '×', { type: 'button', class: 'close', 'aria-label': 'Close' });
    close.addEventListener('click', (e) => e.isTrusted && this.hide());
    if (!d) {
      return [h(doc, 'header', {}, say(doc, 'h2', 'R2P Lens'), close), say(doc, 'p', 'The details of this term could not be loaded. Try again in a moment.')];
    }
    const status = h(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const tell = (words: string, refused = false) => {
      status.setAttribute('data-t', words);
      status.classList.toggle('refused', refused);
    };
    /** An action, done only for the user's own click or key, on a card visibly on top. */
    const action = (words: string, run: () => void) => {
      const button = control(doc, 'button', words, { type: 'button' });
      button.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        const refusal = this.guard?.refusal(button, e.detail > 0);
        if (refusal) return tell(refusal, true);
        run();
      });
      return button;
    };
    // The background's own words when it refused (Firefox says how to open its sidebar); never a transport error's.
    const panel = action('Open in side panel', () =>
      this.actions.openInPanel(d.conceptId).catch((e: unknown) => tell(e instanceof PanelRefusal ? e.message : 'The side panel could not be opened from here. Use the R2P Lens toolbar button.', true)),
    );
    const evidence = action('Add to evidence', () =>
      this.actions.addToEvidence(t.quote).then(
        () => tell('Added to your evidence. File it in the side panel’s Reviews tab.'),
        () => tell('Could not keep this passage. Nothing was lost; try again.', true),
      ),
    );
    const more: Child[] = [];
    if (d.riskFactors.length) {
      more.push(h(doc, 'details', {}, control(doc, 'summary', `Related risk factors (${d.riskFactors.length})`), h(doc, 'ul', {}, ...d.riskFactors.map((r) => say(doc, 'li', r.title)))));
    }
    if (d.recommendations.length) {
      more.push(
        h(
          doc,
          'details',
          {},
          control(doc, 'summary', `Secretary-General’s recommendations (${d.recommendations.length})`),
          h(doc, 'ol', {}, ...d.recommendations.map((r) => h(doc, 'li', {}, say(doc, 'span', r.title), say(doc, 'span', r.citation, { class: 'cite' })))),
        ),
      );
    }
    for (const m of more) (m as HTMLElement).addEventListener('toggle', () => this.place());
    const found = t.surface.trim();
    return [
      h(doc, 'header', {}, say(doc, 'h2', d.label), say(doc, 'span', d.categoryLabel, { class: 'cat' }), close),
      // Definition, then the actions (kept in sight, and next in the keyboard's order), then the rest, folded.
      h(
        doc,
        'div',
        { class: 'body' },
        found.toLowerCase() !== d.label.toLowerCase() && say(doc, 'p', `On this page: “${found}”`, { class: 'found' }),
        say(doc, 'p', d.definition, { class: 'def' }),
        h(doc, 'div', { class: 'actions' }, panel, evidence),
        ...more,
      ),
      status,
    ];
  }

  /** Beside the term, inside the window. False when the term is not in the window. */
  private place(): boolean {
    const card = this.el;
    const win = this.doc.defaultView;
    const anchor = this.target?.anchor;
    if (!card || !win || !anchor) return false;
    const view = { width: win.innerWidth, height: win.innerHeight };
    const term = box(anchor.getBoundingClientRect());
    if (!inView(term, view)) return false;
    card.style.maxHeight = '';
    const p = placeCard(term, { width: card.offsetWidth || 340, height: card.offsetHeight || 200 }, view);
    if (p.maxHeight !== undefined) card.style.maxHeight = `${p.maxHeight}px`;
    card.style.left = `${p.left}px`;
    card.style.top = `${p.top}px`;
    this.guard?.moved(p.left, p.top);
    return true;
  }

  /** Follows the term as the page (or any scroller in it) scrolls and the window changes size; closes when it goes. */
  private follow(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    const controller = new AbortController();
    this.following = controller;
    const update = () => {
      if (this.frame) return;
      this.frame = win.requestAnimationFrame(() => {
        this.frame = 0;
        if (this.el && !this.place()) this.hide();
      });
    };
    win.addEventListener('scroll', update, { capture: true, passive: true, signal: controller.signal });
    win.addEventListener('resize', update, { passive: true, signal: controller.signal });
  }

  hasFocus(): boolean {
    return !!this.el?.isConnected && (this.el.getRootNode() as ShadowRoot).activeElement != null;
  }

  /** Takes the card down without touching the focus. */
  private close(): void {
    this.following?.abort();
    this.following = undefined;
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.guard?.stop();
    this.guard = undefined;
    this.el?.remove();
    this.el = undefined;
    this.target = undefined;
  }

  hide(): void {
    this.seq++;
    const hadFocus = this.hasFocus();
    const host = this.el?.isConnected ? uiHost(this.doc).host : undefined;
    this.close();
    if (host) lower(host);
    if (hadFocus) this.returnFocus?.focus?.();
    this.returnFocus = null;
  }
}
