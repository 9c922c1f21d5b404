/**
 * Finding what users see by role and name, and fields by their label, as Playwright's getByRole
 * and getByLabel do. Puppeteer's `::-p-aria()` (Firefox's accessibility tree over BiDi) finds
 * nothing in an extension page once it has been reloaded, so the names are computed in the page:
 * aria-label, then aria-labelledby, then the text (with the aria-labels of what it holds).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { UI_TIMEOUT_MS } from './harness';

type Name = string | RegExp;
type Field = HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement;

const ROLES: Record<string, string> = {
  button: 'button, summary, [role=button], input[type=button], input[type=submit]',
  tab: '[role=tab]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  link: 'a[href], [role=link]',
  status: '[role=status], output',
  alert: '[role=alert]',
  form: 'form[aria-label], form[aria-labelledby], [role=form]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  searchbox: 'input[type=search], [role=searchbox]',
};

const pattern = (name: Name) => (typeof name === 'string' ? { exact: name } : { source: name.source, flags: name.flags });

/** Waits for the visible element with this role whose accessible name is `name` (else holds it), or matches the pattern. */
export async function byRole(page: Page, role: keyof typeof ROLES, name: Name, timeout = UI_TIMEOUT_MS): Promise<ElementHandle<HTMLElement>> {
  const handle = await page.waitForFunction(
    (selector, wanted) => {
      const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      // Inline pieces run together, as in the accessible name; other boxes are set apart by a space.
      const textOf = (n: Node): string => {
        if (n.nodeType === 3) return n.textContent ?? '';
        if (n.nodeType !== 1) return '';
        const inner = (n as Element).getAttribute('aria-label') ?? [...n.childNodes].map(textOf).join('');
        return getComputedStyle(n as Element).display === 'inline' ? inner : ` ${inner} `;
      };
      const nameOf = (e: Element) => {
        const label = e.getAttribute('aria-label');
        if (label) return clean(label);
        const by = e.getAttribute('aria-labelledby');
        if (by) return clean(by.split(/\s+/).map((id) => document.getElementById(id)?.textContent).join(' '));
        return clean([...e.childNodes].map(textOf).join(''));
      };
      const shown = [...document.querySelectorAll(selector)].filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => [e, nameOf(e)] as const);
      // A string: that name exactly, else the first name holding it (any case), as Playwright's getByRole.
      if (!('exact' in wanted)) return shown.find(([, n]) => new RegExp(wanted.source!, wanted.flags).test(n))?.[0];
      const exact = wanted.exact!;
      return (shown.find(([, n]) => n === exact) ?? shown.find(([, n]) => n.toLowerCase().includes(exact.toLowerCase())))?.[0];
    },
    { timeout },
    ROLES[role]!,
    pattern(name),
  );
  return handle as ElementHandle<HTMLElement>;
}

/** Clicks the button with this name. */
export const click = async (page: Page, name: Name, role: keyof typeof ROLES = 'button') => (await byRole(page, role, name)).click();

/** Waits for the form field labelled `name`: the control of a <label> with that text, or the element whose aria-label it is. */
export async function labelled(page: Page, name: Name, timeout = UI_TIMEOUT_MS): Promise<ElementHandle<Field>> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      const matches = (n: string) => ('exact' in wanted ? n === wanted.exact : new RegExp(wanted.source!, wanted.flags).test(n));
      // A label's own words: a <select> it wraps is not part of its name (its options would be).
      const own = (n: Node): string => (n.nodeType === 3 ? (n.textContent ?? '') : n instanceof Element && n.matches('select, textarea') ? '' : [...n.childNodes].map(own).join(''));
      const label = [...document.querySelectorAll('label')].find((l) => l.control && matches(clean(own(l))));
      return label?.control ?? [...document.querySelectorAll('[aria-label]')].find((e) => matches(clean(e.getAttribute('aria-label'))));
    },
    { timeout },
    pattern(name),
  );
  return handle as ElementHandle<Field>;
}

/** A field's current value. */
export const valueOf = async (page: Page, label: Name) => (await labelled(page, label)).evaluate((e) => e.value);

/** Types into the field with this label as the user does: clicks it, then key by key. */
export async function typeInto(page: Page, label: Name, text: string): Promise<void> {
  await (await labelled(page, label)).click();
  await page.keyboard.type(text);
}

/** Waits until a live region (role status) says something matching `text`, and returns what it says. */
export async function statusSays(page: Page, text: RegExp, timeout = UI_TIMEOUT_MS): Promise<string> {
  const h = await page.waitForFunction(
    (source, flags) => [...document.querySelectorAll('[role=status], output')].map((e) => e.textContent ?? '').find((t) => new RegExp(source, flags).test(t)),
    { timeout },
    text.source,
    text.flags,
  );
  return (await h.jsonValue()) as string;
}
