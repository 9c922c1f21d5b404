/**
 * "Open in R2P Lens" for PDFs: a context-menu item on links to PDFs and on pages that are PDFs
 * (Chrome's own viewer is closed to extensions, so the highlighter cannot work there). Both open
 * the extension's reader in a new tab next to the current one; the reader downloads the file,
 * asking for that one site's permission first if the site does not allow it.
 */
import { browser, type Browser } from 'wxt/browser';
import { PDF_URL_PATTERNS, readerUrlFor } from '../reader/source';

export const OPEN_PDF_LINK_MENU_ID = 'r2p-open-pdf-link';
export const OPEN_PDF_PAGE_MENU_ID = 'r2p-open-pdf-page';

export function readerPageUrl(pdfUrl: string): string {
  return readerUrlFor(pdfUrl, browser.runtime.getURL('/reader.html'));
}

function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  const target =
    info.menuItemId === OPEN_PDF_LINK_MENU_ID ? info.linkUrl : info.menuItemId === OPEN_PDF_PAGE_MENU_ID ? (info.frameUrl ?? info.pageUrl) : undefined;
  if (!target) return;
  void browser.tabs.create({ url: readerPageUrl(target), ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}), ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}) });
}

function createMenus(): void {
  // Removed one by one, not with removeAll(): other features own items of their own.
  const make = (props: Browser.contextMenus.CreateProperties) =>
    browser.contextMenus
      .remove(props.id!)
      .catch(() => {})
      .then(() => browser.contextMenus.create(props, () => void browser.runtime.lastError));
  void make({ id: OPEN_PDF_LINK_MENU_ID, title: 'Open PDF in R2P Lens', contexts: ['link'], targetUrlPatterns: PDF_URL_PATTERNS });
  void make({ id: OPEN_PDF_PAGE_MENU_ID, title: 'Open in R2P Lens', contexts: ['page', 'frame'], documentUrlPatterns: PDF_URL_PATTERNS });
}

export function registerReader(): void {
  browser.runtime.onInstalled.addListener(createMenus);
  browser.contextMenus.onClicked.addListener(onMenuClick);
}
