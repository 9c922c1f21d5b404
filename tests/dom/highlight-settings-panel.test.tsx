import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HighlightSettingsPanel } from '@/components/settings/highlight-settings';
import { readHighlightSettings } from '@/lib/settings/highlight-settings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
beforeEach(async () => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<HighlightSettingsPanel />));
  await act(() => new Promise((r) => setTimeout(r, 20)));
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
const checkbox = (name: RegExp) =>
  [...container.querySelectorAll('label')].find((l) => name.test(l.textContent ?? ''))!.querySelector('input')!;

describe('Highlighting settings', () => {
  it('pauses highlighting everywhere and turns a category off, and both are kept', async () => {
    await act(async () => checkbox(/Pause highlighting/).click());
    await act(async () => checkbox(/Atrocity crimes/).click());
    await settle();
    const s = await readHighlightSettings();
    expect(s.paused).toBe(true);
    expect(s.categories.crime.on).toBe(false);
    expect(s.categories.risk.on).toBe(true);
    expect(checkbox(/Pause highlighting/).checked).toBe(true);
  });

  it('takes a default site off the automatic list', async () => {
    const remove = container.querySelector<HTMLButtonElement>('button[aria-label="Remove reliefweb.int"]')!;
    await act(async () => remove.click());
    await settle();
    expect((await readHighlightSettings()).removedSites).toEqual(['reliefweb.int']);
    expect(container.querySelector('button[aria-label="Remove reliefweb.int"]')).toBeNull();
    expect(container.querySelector('[role=status]')!.textContent).toMatch(/no longer highlighted automatically/);
  });

  it('says plainly when what was typed is not a site, and changes nothing', async () => {
    const input = container.querySelector<HTMLInputElement>('input[aria-label="Site to add"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    act(() => {
      setter.call(input, 'not a site');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => container.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    await settle();
    expect(container.querySelector('[role=status]')!.textContent).toMatch(/is not a web address/);
    expect((await readHighlightSettings()).addedSites).toEqual([]);
  });
});
