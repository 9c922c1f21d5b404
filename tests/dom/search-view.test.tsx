import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { SearchView } from '@/components/search/search-view';
import { setValue, useScreen } from './support/ui';

const screen = useScreen();
let container: HTMLDivElement;
beforeEach(() => {
  ({ container } = screen);
});
const type = setValue;

const cards = () => [...container.querySelectorAll<HTMLElement>('.results .result-card')];

describe('SearchView', () => {
  it('shows results while typing and reports how many matched', () => {
    let last = '';
    screen.render(<SearchView onQueryChange={(q) => (last = q)} />);
    const input = container.querySelector<HTMLInputElement>('input[type=search]')!;
    type(input, 'rome statute');
    expect(cards().length).toBeGreaterThan(0);
    expect(cards()[0]!.textContent).toMatch(/Rome Statute|International Criminal Court/);
    expect(container.querySelector('[role=status]')!.textContent).toMatch(/^\d+ recommendations?/);
    expect(last).toBe('rome statute');
  });

  it('says so when nothing matches, and suggests what to try', () => {
    screen.render(<SearchView initialQuery="zzqxv" />);
    expect(cards()).toHaveLength(0);
    expect(container.querySelector('.empty-state')!.textContent).toMatch(/No recommendation matches “zzqxv”/);
  });

  it('filters by report with a chip and clears the filters again', () => {
    screen.render(<SearchView initialQuery="focal point" />);
    const before = cards().length;
    const chip = [...container.querySelectorAll<HTMLButtonElement>('[aria-label=Report] button')].find((b) => b.textContent === '2017')!;
    act(() => chip.click());
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(cards().length).toBeLessThan(before);
    for (const c of cards()) expect(c.querySelector('.citation')!.textContent).toMatch(/^2017/);
    const clear = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Clear filters')!;
    act(() => clear.click());
    expect(cards().length).toBe(before);
  });

  it('keeps the filters behind one "Filters (n)" button that counts the filters in use', () => {
    screen.render(<SearchView initialQuery="focal point" />);
    const toggle = [...container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Filters'))!;
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.textContent).toBe('Filters (0)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    for (const year of ['2013', '2017']) {
      act(() => [...panel.querySelectorAll<HTMLButtonElement>('[aria-label=Report] button')].find((b) => b.textContent === year)!.click());
    }
    expect(toggle.textContent).toBe('Filters (2)');
    // Closed again, the filters still apply and can be cleared from the button's row.
    act(() => toggle.click());
    expect(panel.hidden).toBe(true);
    for (const c of cards()) expect(c.querySelector('.citation')!.textContent).toMatch(/^(2013|2017)/);
    act(() => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Clear filters')!.click());
    expect(toggle.textContent).toBe('Filters (0)');
  });

  it('focuses the search box on "/" and walks the results with the arrow keys', () => {
    screen.render(<SearchView initialQuery="early warning" />);
    const input = container.querySelector<HTMLInputElement>('input[type=search]')!;
    act(() => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true })));
    expect(document.activeElement).toBe(input);
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement).toBe(cards()[0]);
    act(() => void cards()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement).toBe(cards()[1]);
    act(() => void cards()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(cards()[1]!.getAttribute('aria-expanded')).toBe('true');
    expect(cards()[1]!.querySelector('.upr-sentence')).not.toBeNull();
  });
});
