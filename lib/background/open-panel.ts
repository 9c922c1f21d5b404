/**
 * "Open in side panel" from the card on a page: Chrome's side panel, Firefox's sidebar. Chrome
 * takes the page click carried by the message as the user's gesture; Firefox does not (only its
 * own controls and the extension's pages count), so there the sidebar opens only if it is not
 * open already, and a closed one is named with the way to open it. Either way the panel shows the
 * concept: the query is kept for a panel opened later, and an open panel switches to it.
 */
export interface PanelApis {
  sidePanel?: { open(o: { windowId: number }): Promise<void>; setOptions(o: { path: string }): Promise<void> };
  sidebarAction?: { open(): Promise<void>; isOpen(o: { windowId?: number }): Promise<boolean> };
}

export interface OpenPanelEnv {
  apis: PanelApis;
  /** Keeps the query for the panel (its Search tab shows it). */
  show(query: string): Promise<void>;
}

export type OpenPanelResult = { ok: boolean; message?: string };

export const FIREFOX_SIDEBAR_CLOSED = (label: string) =>
  `Firefox opens the side panel only from its own buttons: click R2P Lens in the toolbar, then Open side panel. It will show ${label}.`;
const NO_PANEL = 'The side panel could not be opened from the page. Use the R2P Lens toolbar button.';

export function openPanelFor(env: OpenPanelEnv, label: string | undefined, windowId: number | undefined): Promise<OpenPanelResult> {
  const { sidePanel, sidebarAction } = env.apis;
  // Called before any await: browsers open the panel only in direct response to a user action.
  const opened =
    sidePanel && windowId !== undefined
      ? (void sidePanel.setOptions({ path: 'sidepanel.html#search' }).catch(() => {}), sidePanel.open({ windowId }))
      : sidebarAction
        ? sidebarAction.open()
        : Promise.reject(new Error('no panel'));
  const shown = label ? env.show(label) : Promise.resolve();
  return Promise.all([
    opened.then(
      () => true,
      async () => (sidebarAction ? sidebarAction.isOpen({ windowId }).catch(() => false) : false),
    ),
    shown,
  ]).then(
    ([open]): OpenPanelResult => (open ? { ok: true } : { ok: false, message: sidebarAction && label ? FIREFOX_SIDEBAR_CLOSED(label) : NO_PANEL }),
    () => ({ ok: false, message: NO_PANEL }),
  );
}
