/**
 * The tab the panel is about: the active tab of its window, or, when the panel itself is open as
 * a tab (a pinned panel page), the page the user last looked at. Follows tab switches.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

async function pageTabId(): Promise<number | undefined> {
  const own = await browser.tabs.getCurrent?.().catch(() => undefined);
  const tabs = await browser.tabs.query({ currentWindow: true });
  const others = tabs.filter((t) => t.id !== undefined && t.id !== own?.id);
  const active = others.find((t) => t.active);
  if (active) return active.id;
  return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]?.id;
}

export function usePageTab(): number | undefined {
  const [tabId, setTabId] = useState<number>();
  useEffect(() => {
    let live = true;
    const refresh = () => void pageTabId().then((id) => live && setTabId(id));
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onRemoved.addListener(refresh);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onRemoved.removeListener(refresh);
    };
  }, []);
  return tabId;
}
