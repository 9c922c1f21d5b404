/**
 * "Add to evidence": a context-menu item on selected text, and the 'evidence/add' message the
 * highlight card sends. Both keep a pending clip in Dexie and bring up the Reviews tab, where the
 * user files the clip under a review and an indicator.
 */
import { browser, type Browser } from 'wxt/browser';
import { database } from '../db/database';
import { addPendingEvidence, type Clip } from '../reviews/evidence';
import { handleMessages } from '../messages/transport';

export const EVIDENCE_MENU_ID = 'r2p-add-to-evidence';
const REVIEWS_PANEL = 'sidepanel.html#reviews';

interface PanelApis {
  sidePanel?: { open(o: { windowId: number }): Promise<void>; setOptions(o: { path: string }): Promise<void> };
  sidebarAction?: { open(): Promise<void>; setPanel(o: { panel: string }): Promise<void> };
}

/**
 * Opens the panel on the Reviews tab. Must run inside the click handler before any await:
 * browsers allow opening the panel only in direct response to a user action.
 */
function showReviewsPanel(windowId: number | undefined): void {
  const apis = browser as unknown as PanelApis;
  if (apis.sidePanel && windowId !== undefined) {
    void apis.sidePanel.setOptions({ path: REVIEWS_PANEL }).catch(() => {});
    void apis.sidePanel.open({ windowId }).catch(() => {});
  } else if (apis.sidebarAction) {
    void apis.sidebarAction.setPanel({ panel: browser.runtime.getURL(`/${REVIEWS_PANEL}`) }).catch(() => {});
    void apis.sidebarAction.open().catch(() => {});
  }
}

type MenuClick = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'selectionText' | 'pageUrl' | 'frameUrl'>;

/** The clip a click on our menu item stands for; null for other items or an empty selection. */
export function clipFromMenuClick(info: MenuClick, tab?: Pick<Browser.tabs.Tab, 'title' | 'url'>): Clip | null {
  const quote = info.selectionText?.trim();
  if (info.menuItemId !== EVIDENCE_MENU_ID || !quote) return null;
  // A selection inside a frame belongs to the frame's document; the tab title is still the best name.
  return { quote: quote.slice(0, 20_000), title: tab?.title ?? '', url: info.frameUrl ?? info.pageUrl ?? tab?.url ?? '' };
}

async function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  const clip = clipFromMenuClick(info, tab);
  if (!clip) return;
  showReviewsPanel(tab?.windowId);
  await addPendingEvidence(database(), clip);
}

export function registerEvidence(): void {
  browser.runtime.onInstalled.addListener(() => {
    // removeAll first: onInstalled also fires on update, and ids must be unique.
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: EVIDENCE_MENU_ID, title: 'Add to evidence (R2P Lens)', contexts: ['selection'] }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  handleMessages({
    'evidence/add': async (clip) => ({ id: (await addPendingEvidence(database(), clip)).id }),
  });
}
