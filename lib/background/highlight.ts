/**
 * The highlighter's background side: card details on demand, the per-tab count (badge and side
 * panel), highlighting a tab on demand (toolbar popup, keyboard shortcut: `activeTab`), the
 * next/previous commands, and content-script registration for the sites the user added.
 */
import { browser } from 'wxt/browser';
import { LEXICON_GZ_BASE64 } from '../concepts-compiled/lexicon-data';
import { knowledgeBase } from '../catalogue/knowledge';
import { handleMessages, sendToTab } from '../messages/transport';
import { readHighlightSettings, watchHighlightSettings } from '../settings/highlight-settings';
import { sitePatterns } from '../settings/highlight-sites';
import { clearPageSummary, writePageSummary } from '../settings/page-summaries';
import { lastQuery, panelRequest } from '../settings/ui-state';
import { openPanelFor, type PanelApis } from './open-panel';
import { cardDetails } from './highlight-details';

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
/** The default highlight colours, injected before the page is first styled (lib/highlight/painter.ts). */
export const CONTENT_STYLE_FILE = '/content-scripts/content.css';
const ADDED_SITES_SCRIPT_ID = 'r2p-added-sites';

function setBadge(tabId: number, total: number): void {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  void action.setBadgeText({ tabId, text: total ? (total > 999 ? '999+' : String(total)) : '' }).catch(() => {});
  void action.setBadgeBackgroundColor({ tabId, color: '#1a4f8b' }).catch(() => {});
}

/** Runs the highlighter in a tab, injecting the content script first if it is not there yet. */
export async function highlightTab(tabId: number): Promise<{ ok: boolean; message?: string }> {
  try {
    return await sendToTab(tabId, 'highlight/run', {});
  } catch {
    // No content script in this tab yet.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    return await sendToTab(tabId, 'highlight/run', {});
  } catch {
    return { ok: false, message: 'This page cannot be highlighted (browser pages and the extension store are off limits).' };
  }
}

/** Opens the panel on the concept's recommendations: the Search tab reads the last query when it opens. */
/** Registers the content script for the sites the user added (those whose permission is granted). */
export async function syncAddedSites(): Promise<void> {
  const settings = await readHighlightSettings();
  const granted: string[] = [];
  for (const site of settings.addedSites) {
    if (await browser.permissions.contains({ origins: sitePatterns([site]) }).catch(() => false)) granted.push(site);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] }).catch(() => []);
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
  if (!granted.length) return;
  await browser.scripting.registerContentScripts([
    { id: ADDED_SITES_SCRIPT_ID, matches: sitePatterns(granted), js: [CONTENT_SCRIPT_FILE], css: [CONTENT_STYLE_FILE], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function registerHighlight(): void {
  handleMessages({
    'highlight/lexicon': () => ({ gzBase64: LEXICON_GZ_BASE64 }),
    'highlight/card': ({ conceptId }) => cardDetails(knowledgeBase(), conceptId),
    'highlight/counts': async (summary, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId) return { ok: false };
      setBadge(tabId, summary.total);
      await writePageSummary(tabId, summary);
      return { ok: true };
    },
    'highlight/open-panel': ({ conceptId }, sender) =>
      openPanelFor(
        {
          apis: browser as unknown as PanelApis,
          show: async (query) => void (await Promise.all([lastQuery.setValue(query), panelRequest.setValue({ query, at: Date.now() })])),
        },
        knowledgeBase().concepts.find((c) => c.id === conceptId)?.label,
        sender.tab?.windowId,
      ),
    'highlight/page': ({ tabId }) => highlightTab(tabId),
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    void (async () => {
      const tabId = tab?.id ?? (await activeTabId());
      if (tabId === undefined) return;
      if (command === 'highlight-page') await highlightTab(tabId);
      else if (command === 'next-concept' || command === 'previous-concept') {
        const run = await highlightTab(tabId);
        if (run.ok) await sendToTab(tabId, 'highlight/jump', { direction: command === 'next-concept' ? 'next' : 'previous' }).catch(() => {});
      }
    })();
  });

  // A tab that loads a new page starts with no count; a closed tab forgets its count.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url !== undefined) {
      setBadge(tabId, 0);
      void clearPageSummary(tabId);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void clearPageSummary(tabId));

  browser.runtime.onInstalled.addListener(() => void syncAddedSites().catch(() => {}));
  watchHighlightSettings(() => void syncAddedSites().catch(() => {}));
  browser.permissions.onRemoved?.addListener(() => void syncAddedSites().catch(() => {}));
}
