/**
 * The one element the extension adds to a page, and only once it has something to show (a card,
 * the fallback painting): `<r2p-lens-ui>` after <body>, holding a closed shadow root so the page's
 * CSS cannot reach our UI and the page's scripts cannot reach into it.
 */
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
  // Inline style on our own element only: out of the page's layout, above everything.
  host.style.cssText = 'all:initial;position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;';
  const root = host.attachShadow({ mode: 'closed' });
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

export function removeUiHost(doc: Document): void {
  hosts.get(doc)?.host.remove();
  hosts.delete(doc);
}
