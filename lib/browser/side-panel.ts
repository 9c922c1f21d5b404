/**
 * Opening the extension's panel from a user gesture: Chrome's side panel, Firefox's sidebar.
 * Browsers accept it only inside the click handler, before any await, so the window id is
 * looked up beforehand with `currentWindowId()`.
 */
import { browser } from 'wxt/browser';

interface PanelApis {
  sidePanel?: { open(o: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

export function currentWindowId(): Promise<number | undefined> {
  return browser.windows.getCurrent().then((w) => w.id);
}

export function openSidePanel(windowId: number | undefined): Promise<void> {
  const apis = browser as unknown as PanelApis;
  if (apis.sidePanel && windowId !== undefined) return apis.sidePanel.open({ windowId });
  if (apis.sidebarAction) return apis.sidebarAction.open();
  return Promise.reject(new Error('No side panel in this browser'));
}
