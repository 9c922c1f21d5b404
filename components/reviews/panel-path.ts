/**
 * "Add to evidence" opens the panel on the Reviews tab by pointing the panel at
 * sidepanel.html#reviews; once the tab is showing, the panel goes back to its default page.
 */
import { browser } from 'wxt/browser';

interface PanelApis {
  sidePanel?: { setOptions(o: { path: string }): Promise<void> };
  sidebarAction?: { setPanel(o: { panel: string | null }): Promise<void> };
}

export function restoreDefaultPanel(): void {
  try {
    const apis = browser as unknown as PanelApis;
    if (apis.sidePanel) void apis.sidePanel.setOptions({ path: 'sidepanel.html' }).catch(() => {});
    // Firefox: null goes back to the manifest's panel.
    else if (apis.sidebarAction) void apis.sidebarAction.setPanel({ panel: null }).catch(() => {});
  } catch {
    /* not in an extension page (tests) */
  }
}
