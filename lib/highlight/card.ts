/**
 * The card shown for a hit: what the concept means, its risk factors, the Secretary-General's
 * top recommendations, and actions. One per page, in the extension's shadow-root host. Page text
 * is only ever set as text. Details come from the background on demand (the content script
 * ships no knowledge base).
 */
import type { CardDetails } from '../messages/highlight';
import { CARD_CSS } from './card-style';
import { isUiHost, uiHost } from './ui-host';

export interface CardActions {
  details(conceptId: string): Promise<CardDetails | null>;
  openInPanel(conceptId: string): Promise<void>;
  addToEvidence(quote: string): Promise<void>;
}

export interface CardTarget {
  conceptId: string;
  /** The words as the page writes them. */
  surface: string;
  /** The passage around them, kept as evidence. */
  quote: string;
  rect: DOMRect;
}

type Child = Node | string | null | undefined | false;
function h(doc: Document, tag: string, props: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

export class ConceptCard {
  private el: HTMLElement | undefined;
  private target: CardTarget | undefined;
  private returnFocus: HTMLElement | null = null;
  private seq = 0;

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
    this.target = target;
    if (focus && !this.el?.isConnected) this.returnFocus = doc.activeElement as HTMLElement | null;
    const { root } = uiHost(doc);
    if (!root.querySelector('style[data-card]')) root.append(h(doc, 'style', { 'data-card': '' }, CARD_CSS));
    const titleId = 'r2p-card-title';
    const card = h(doc, 'section', { class: 'card', role: 'dialog', 'aria-labelledby': titleId, tabindex: '-1' });
    card.append(h(doc, 'header', {}, h(doc, 'h2', { id: titleId }, 'Loading…')));
    this.el?.remove();
    this.el = card;
    root.append(card);
    this.place(target.rect);
    card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.hide();
      }
    });
    if (focus) card.focus();

    let details: CardDetails | null = null;
    try {
      details = await this.actions.details(target.conceptId);
    } catch {
      details = null;
    }
    if (seq !== this.seq || !card.isConnected) return;
    card.replaceChildren(...this.body(details, target, titleId));
    this.place(target.rect);
    if (focus) card.focus();
  }

  private body(d: CardDetails | null, t: CardTarget, titleId: string): Node[] {
    const doc = this.doc;
    const close = h(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', (e) => e.isTrusted && this.hide());
    if (!d) {
      return [h(doc, 'header', {}, h(doc, 'h2', { id: titleId }, 'R2P Lens'), close), h(doc, 'p', {}, 'The details of this term could not be loaded. Try again in a moment.')];
    }
    const status = h(doc, 'p', { class: 'status', role: 'status' });
    const panel = h(doc, 'button', { type: 'button' }, 'Open in side panel');
    // Only the reader's own clicks: in Firefox a page's script can reach the closed shadow root's
    // buttons (through find in page and its selection) and call click() on them.
    panel.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      this.actions.openInPanel(d.conceptId).catch(() => (status.textContent = 'The side panel could not be opened from here. Use the R2P Lens toolbar button.'));
    });
    const evidence = h(doc, 'button', { type: 'button' }, 'Add to evidence');
    evidence.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      this.actions.addToEvidence(t.quote).then(
        () => (status.textContent = 'Added to your evidence. File it in the side panel’s Reviews tab.'),
        () => (status.textContent = 'Could not keep this passage. Nothing was lost; try again.'),
      );
    });
    return [
      h(doc, 'header', {}, h(doc, 'h2', { id: titleId }, d.label), h(doc, 'span', { class: 'cat' }, d.categoryLabel), close),
      t.surface.trim().toLowerCase() !== d.label.toLowerCase() && h(doc, 'p', { class: 'found' }, `On this page: “${t.surface.trim()}”`),
      h(doc, 'p', { class: 'def' }, d.definition),
      d.riskFactors.length > 0 && h(doc, 'h3', {}, 'Related risk factors'),
      d.riskFactors.length > 0 && h(doc, 'ul', {}, ...d.riskFactors.map((r) => h(doc, 'li', {}, r.title))),
      d.recommendations.length > 0 && h(doc, 'h3', {}, 'Secretary-General’s recommendations'),
      d.recommendations.length > 0 &&
        h(doc, 'ol', {}, ...d.recommendations.map((r) => h(doc, 'li', {}, r.title, ' ', h(doc, 'span', { class: 'cite' }, r.citation)))),
      h(doc, 'div', { class: 'actions' }, panel, evidence),
      status,
    ].filter((n): n is HTMLElement => !!n);
  }

  /** Below the term, or above it when there is no room; inside the viewport. */
  private place(rect: DOMRect): void {
    const card = this.el;
    const win = this.doc.defaultView;
    if (!card || !win) return;
    const height = card.offsetHeight || 200;
    const width = card.offsetWidth || 360;
    const below = rect.bottom + 6;
    const top = below + height > win.innerHeight && rect.top - height - 6 > 0 ? rect.top - height - 6 : Math.min(below, Math.max(8, win.innerHeight - height - 8));
    const left = Math.max(8, Math.min(rect.left, win.innerWidth - width - 8));
    card.style.top = `${top}px`;
    card.style.left = `${left}px`;
  }

  hasFocus(): boolean {
    return !!this.el?.isConnected && (this.el.getRootNode() as ShadowRoot).activeElement != null;
  }

  hide(): void {
    this.seq++;
    const hadFocus = this.hasFocus();
    this.el?.remove();
    this.el = undefined;
    this.target = undefined;
    if (hadFocus) this.returnFocus?.focus?.();
    this.returnFocus = null;
  }
}
