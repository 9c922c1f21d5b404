/**
 * Reads the concept card in Firefox as a user meets it, from outside its closed shadow root:
 * WebDriver BiDi serialises the extension's UI element with its shadow trees (closed ones too,
 * `includeShadowTree: 'all'`) in a sandbox where the page's own scripts do not run. Its words are
 * text or drawn by CSS from `data-t`; folded parts are left out, as they are not shown. The
 * Firefox counterpart of tests/e2e/card-reader.ts (which uses the DevTools protocol).
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { markCentre } from './page-reading';
import type { Box } from '../../lib/highlight/card-place';

interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: RemoteNode[];
    shadowRoot?: RemoteNode | null;
  };
}

interface Realm {
  /** The command's answer: `result` is the remote value. */
  callFunction(fn: string, awaitPromise: boolean, options?: object): Promise<{ type: string; result: RemoteNode & { value?: unknown } }>;
}

/** The card's placement works in the same boxes (viewport coordinates). */
export type { Box };

export interface CardView {
  /** Its words as drawn, folded parts left out ('' when no card is shown). */
  text: string;
  /** Each button and summary: accessible name and box in the viewport. */
  buttons: { name: string; box: Box }[];
}

/** A sandbox of the page's window: our functions run there, out of reach of the page's scripts. */
const sandbox = (page: Page): Realm =>
  (page.mainFrame() as unknown as { browsingContext: { createWindowRealm(name: string): Realm } }).browsingContext.createWindowRealm('r2p-card-reader');

export async function readCard(page: Page): Promise<CardView> {
  const realm = sandbox(page);
  const { result: ui } = await realm.callFunction("() => document.querySelector('r2p-lens-ui')", false, {
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 60 },
    resultOwnership: 'none',
  });
  const words: string[] = [];
  const controls: { name: string; node: RemoteNode }[] = [];
  let inCard = false;
  const walk = (n: RemoteNode | null | undefined, folded: boolean) => {
    const v = n?.value;
    if (!n || !v) return;
    if (v.nodeType === 3) {
      if (inCard && !folded) words.push(v.nodeValue ?? '');
      return;
    }
    if (v.localName === 'style') return;
    const attrs = v.attributes ?? {};
    const wasInCard = inCard;
    if (v.localName === 'section') inCard = true;
    if (inCard && !folded && attrs['data-t']) words.push(` ${attrs['data-t']} `);
    if (inCard && !folded && (v.localName === 'button' || v.localName === 'summary')) controls.push({ name: attrs['aria-label'] ?? attrs['data-t'] ?? '', node: n });
    // A closed <details> shows its summary only.
    const shut = v.localName === 'details' && !('open' in attrs);
    walk(v.shadowRoot, folded);
    for (const c of v.children ?? []) walk(c, folded || (shut && c.value?.localName !== 'summary'));
    inCard = wasInCard;
  };
  if (ui.type === 'node') walk(ui, false);
  const buttons = await Promise.all(
    controls.map(async ({ name, node }) => {
      const { result: r } = await realm.callFunction('(el) => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; }', false, {
        arguments: [{ sharedId: node.sharedId }],
        resultOwnership: 'none',
      });
      const [left, top, right, bottom] = (r.value as unknown as { value: number }[]).map((x) => x.value) as [number, number, number, number];
      return { name, box: { left, top, right, bottom } };
    }),
  );
  return { text: words.join(' ').replace(/\s+/g, ' ').trim(), buttons };
}

/** The card's words ('' when none is shown). */
export const cardText = async (page: Page) => (await readCard(page)).text;

/** Clicks a card's button with the real pointer, at the middle of its box. */
export async function clickCardButton(page: Page, name: string): Promise<void> {
  const button = (await readCard(page)).buttons.find((b) => b.name === name);
  if (!button) throw new Error(`The card has no button "${name}"`);
  const { left, top, right, bottom } = button.box;
  await page.mouse.click((left + right) / 2, (top + bottom) / 2);
}

/** Rests the real pointer on the first mark of `term` (coming from above left) until its card says `expected`. */
export async function openCardOn(page: Page, term: string, expected: RegExp = /Open in side panel/): Promise<void> {
  const at = await markCentre(page, term);
  if (!at) throw new Error(`No mark "${term}" on the page`);
  await page.mouse.move(at.x - 40, at.y - 40);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await expect.poll(() => cardText(page), { timeout: 15_000 }).toMatch(expected);
}

/** Clicks a card's button as a reader does: after reading it (the card takes a click only once it has rested 500 ms). */
export async function readThenClick(page: Page, name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 1_000));
  await clickCardButton(page, name);
}
