/**
 * The one element the extension adds to a page, and only once it has something to show (a card,
 * the fallback painting): `<r2p-lens-ui>` after <body>, holding a closed shadow root so the page's
 * CSS cannot reach our UI and the page's scripts cannot reach into it. Its own styles, from inside
 * that root, hold it in place whatever the page's CSS says (card-style.ts); while a card is open
 * it is a popover in the top layer, above the page and out of reach of effects on the page's root.
 */
import { HOST_CSS } from './card-style';
import { UI_HOST_TAG } from './text-index';

export interface UiHost {
  root: ShadowRoot;
  host: HTMLElement;
}

const hosts = new WeakMap<Document, UiHost>();

export function uiHost(doc: Document): UiHost {
  let ui = hosts.get(doc);
  if (ui?.host.isConnected) return ui;
  // Made in an inert document, not the page's: a page that defines its own <r2p-lens-ui> custom
  // element would otherwise run its constructor first and could take the shadow root. Adopted on
  // insertion, with our closed shadow root already attached.
  const host = doc.implementation.createHTMLDocument('').createElement(UI_HOST_TAG.toLowerCase());
  host.setAttribute('popover', 'manual');
  const root = host.attachShadow({ mode: 'closed' });
  const style = host.ownerDocument.createElement('style');
  style.textContent = HOST_CSS;
  root.append(style);
  doc.documentElement.appendChild(host);
  ui = { root, host };
  hosts.set(doc, ui);
  return ui;
}

export function hasUiHost(doc: Document): boolean {
  return !!hosts.get(doc)?.host.isConnected;
}

export function isUiHost(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName === UI_HOST_TAG.toLowerCase();
}

/** Whether the host is in the top layer now (the page may have taken it out). */
export function onTopLayer(host: HTMLElement): boolean {
  try {
    return host.matches(':popover-open');
  } catch {
    return false; // a browser without popovers
  }
}

/** Puts the host in the top layer (again: a later popover or dialog of the page's would be above it). */
export function raise(host: HTMLElement): void {
  try {
    if (onTopLayer(host)) host.hidePopover();
    if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
    host.showPopover();
  } catch {
    // No popovers here (an older browser): the host stays a fixed element at the top of the stack.
  }
}

export function lower(host: HTMLElement): void {
  try {
    if (onTopLayer(host)) host.hidePopover();
  } catch {
    // Nothing to lower.
  }
}

export function removeUiHost(doc: Document): void {
  hosts.get(doc)?.host.remove();
  hosts.delete(doc);
}
