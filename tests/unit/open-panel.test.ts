import { describe, expect, it } from 'vitest';
import { FIREFOX_SIDEBAR_CLOSED, openPanelFor, type PanelApis } from '@/lib/background/open-panel';

/** Firefox's sidebar as it answers a message from a page: open() refused (not the user's own control). */
const firefox = (open: boolean): PanelApis => ({
  sidebarAction: { open: () => Promise.reject(new Error('sidebarAction.open may only be called from a user input handler')), isOpen: async () => open },
});

describe('"Open in side panel" from the card', () => {
  it('in Firefox, with the sidebar open, shows the concept there and says nothing is wrong', async () => {
    const shown: string[] = [];
    const r = await openPanelFor({ apis: firefox(true), show: async (q) => void shown.push(q) }, 'Genocide', 3);
    expect(r).toEqual({ ok: true });
    expect(shown).toEqual(['Genocide']);
  });

  it('in Firefox, with the sidebar closed, says how to open it and keeps the concept for it', async () => {
    const shown: string[] = [];
    const r = await openPanelFor({ apis: firefox(false), show: async (q) => void shown.push(q) }, 'Genocide', 3);
    expect(r).toEqual({ ok: false, message: FIREFOX_SIDEBAR_CLOSED('Genocide') });
    expect(r.message).toMatch(/click R2P Lens in the toolbar, then Open side panel\. It will show Genocide\./);
    expect(shown).toEqual(['Genocide']);
  });

  it('in Chrome, opens the side panel of the tab’s window within the click, before anything is awaited', async () => {
    const calls: string[] = [];
    const apis: PanelApis = {
      sidePanel: { open: async ({ windowId }) => void calls.push(`open ${windowId}`), setOptions: async ({ path }) => void calls.push(`path ${path}`) },
    };
    const pending = openPanelFor({ apis, show: async (q) => void calls.push(`show ${q}`) }, 'Genocide', 3);
    expect(calls).toEqual(['path sidepanel.html#search', 'open 3', 'show Genocide']);
    expect(await pending).toEqual({ ok: true });
  });

  it('without any panel, says so in plain words', async () => {
    expect(await openPanelFor({ apis: {}, show: async () => {} }, 'Genocide', 3)).toEqual({ ok: false, message: expect.stringMatching(/could not be opened.*toolbar button/) });
  });
});
