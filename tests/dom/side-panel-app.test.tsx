import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/side-panel/app';
import { lastQuery, panelRequest } from '@/lib/settings/ui-state';
import { settle, useScreen } from './support/ui';

const screen = useScreen();
let container: HTMLDivElement;
beforeEach(() => {
  fakeBrowser.reset();
  ({ container } = screen);
});


describe('side panel', () => {
  it('reopens on the last search', async () => {
    await lastQuery.setValue('veto');
    screen.render(<SidePanelApp />);
    await settle();
    expect(container.querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('veto');
  });
});

describe('side panel asked to show a concept (the card’s "Open in side panel")', () => {
  it('switches an open panel to Search for it, from any tab', async () => {
    history.replaceState(null, '', '#reviews');
    screen.render(<SidePanelApp />);
    await settle();
    expect(container.querySelector('[role=tab][aria-selected=true]')!.textContent).toBe('Reviews');
    await act(async () => {
      await panelRequest.setValue({ query: 'Genocide', at: 1 });
    });
    await settle();
    expect(container.querySelector('[role=tab][aria-selected=true]')!.textContent).toBe('Search');
    expect(container.querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('Genocide');
    // The same concept asked again after the reader went on to another tab: shown again.
    await act(async () => container.querySelector<HTMLButtonElement>('#tab-library')!.click());
    expect(container.querySelector('[role=tab][aria-selected=true]')!.textContent).toBe('Library');
    await act(async () => {
      await panelRequest.setValue({ query: 'Genocide', at: 2 });
    });
    await settle();
    expect(container.querySelector('[role=tab][aria-selected=true]')!.textContent).toBe('Search');
    expect(container.querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('Genocide');
  });
});
