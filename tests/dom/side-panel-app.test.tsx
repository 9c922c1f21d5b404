import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/side-panel/app';
import { lastQuery } from '@/lib/settings/ui-state';
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
