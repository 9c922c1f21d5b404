/**
 * Finding what users see by role and name, over WebDriver BiDi: Puppeteer's `::-p-aria(...)`
 * (Firefox's accessibility tree) for exact names, and `buttonNamed` for names that carry a number.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

/** `::-p-aria([name="…"][role="…"])` */
export const aria = (role: string, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;

/** Waits for the element with this role and exact accessible name. */
export const byRole = (page: Page, role: string, name: string, timeout = 15_000) =>
  page.waitForSelector(aria(role, name), { timeout }) as Promise<ElementHandle<Element>>;

/** Waits for a button whose accessible name matches (e.g. /^Genocide \d+ occurrences/). */
export async function buttonNamed(page: Page, name: RegExp, timeout = 15_000): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction(
    (source, flags) => {
      const re = new RegExp(source, flags);
      const name = (b: Element) => (b.getAttribute('aria-label') ?? [...b.childNodes].map((n) => (n as Element).getAttribute?.('aria-label') ?? n.textContent).join(' ')).replace(/\s+/g, ' ').trim();
      return [...document.querySelectorAll('button, [role=button]')].find((b) => re.test(name(b)));
    },
    { timeout },
    name.source,
    name.flags,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}

/** The text of the first live region (role status) whose text matches, once it does. */
export async function statusSays(page: Page, text: RegExp, timeout = 15_000): Promise<string> {
  const h = await page.waitForFunction(
    (source, flags) => [...document.querySelectorAll('[role=status], output')].map((e) => e.textContent ?? '').find((t) => new RegExp(source, flags).test(t)),
    { timeout },
    text.source,
    text.flags,
  );
  return (await h.jsonValue()) as string;
}
