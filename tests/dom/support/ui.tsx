/**
 * What every React DOM test needs: a fresh root per test, a fresh database per test, and ways to
 * act as the user does (find by accessible name or label, type, wait until the screen shows it).
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect } from 'vitest';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import type { Clock } from '@/lib/reviews/autosave';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Screen {
  readonly container: HTMLDivElement;
  render(node: ReactNode): void;
  text(): string;
}

/** Mounts a React root before each test and removes it after; call at the top of a test file. */
export function useScreen(): Screen {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });
  return {
    get container() {
      return container;
    },
    render: (node) => act(() => root.render(node)),
    text: () => container.textContent ?? '',
  };
}

/** A database of its own for each test, deleted afterwards. */
export function useDatabase(prefix: string): { readonly db: R2PDatabase } {
  let db: R2PDatabase;
  beforeEach(() => {
    db = openDatabase(`${prefix}-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });
  return {
    get db() {
      return db;
    },
  };
}

export const settle = (ms = 30) => act(() => new Promise((r) => setTimeout(r, ms)));

/** Waits for what the user should come to see; fails the test if it never comes. */
export async function until(check: () => boolean, tries = 60): Promise<void> {
  for (let i = 0; i < tries && !check(); i++) await settle();
  expect(check()).toBe(true);
}

/** A button by its accessible name (aria-label, else its text). */
export const buttonIn = (scope: ParentNode, name: string | RegExp) =>
  [...scope.querySelectorAll('button')].find((b) => {
    const n = b.getAttribute('aria-label') ?? b.textContent ?? '';
    return typeof name === 'string' ? n === name : name.test(n);
  });

/** The form control a <label> with exactly this text points at. */
export const labelledIn = <T extends HTMLElement = HTMLInputElement>(scope: ParentNode, label: string) => {
  const l = [...scope.querySelectorAll('label')].find((x) => x.textContent === label)!;
  return scope.querySelector<T>(`#${CSS.escape(l.htmlFor)}`)!;
};

/** Types into an input, textarea or select as React sees a user do it. */
export function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  // The element class's own setter (React listens past the instance's), wherever it sits in the chain.
  let proto = Object.getPrototypeOf(el) as object | null;
  while (proto && !Object.getOwnPropertyDescriptor(proto, 'value')?.set) proto = Object.getPrototypeOf(proto) as object | null;
  act(() => {
    Object.getOwnPropertyDescriptor(proto!, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });
}

/** Timers that fire only when the test says so (for autosave delays). */
export function manualClock() {
  const timers = new Map<number, () => void>();
  let seq = 0;
  const clock: Clock = { setTimeout: (fn) => (timers.set(++seq, fn), seq), clearTimeout: (h) => void timers.delete(h as number) };
  const fireAll = () => {
    const fns = [...timers.values()];
    timers.clear();
    fns.forEach((f) => f());
  };
  return { clock, fireAll, pending: () => timers.size };
}
