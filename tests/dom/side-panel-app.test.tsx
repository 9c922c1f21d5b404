import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/side-panel/app';
import { lastQuery } from '@/lib/settings/ui-state';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));


describe('side panel', () => {
  it('reopens on the last search', async () => {
    await lastQuery.setValue('veto');
    act(() => root.render(<SidePanelApp />));
    await settle();
    expect(container.querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('veto');
  });
});
