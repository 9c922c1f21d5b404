/**
 * Reads the concept card as a user meets it, from outside its closed shadow root: through the
 * DevTools protocol (the DOM with `pierce`, box models): its words (text, or drawn by CSS from
 * `data-t`), its buttons and their boxes. Nothing here runs in the page, so a hostile page
 * cannot fool it. (Not the accessibility tree: reading it through the protocol crashes
 * Chromium 156's renderer on a highlighted page that re-renders every 50 ms, this build or not.)
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Box } from '../../lib/highlight/card-place';

/** The card's placement works in the same boxes (viewport coordinates). */
export type { Box };

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface CardView {
  /** The card's box in CSS pixels of the viewport. */
  box: Box;
  /** Its words as drawn (generated content included), folded parts left out. */
  text: string;
  /** Each button: accessible name and box. */
  buttons: { name: string; box: Box }[];
}

async function session(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** The card element (the dialog section in the extension's UI host), if one is shown. */
async function cardNode(cdp: CDPSession): Promise<DomNode | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const find = (n: DomNode, inUi: boolean): DomNode | undefined => {
    const here = inUi || n.nodeName === 'R2P-LENS-UI';
    if (here && n.nodeName === 'SECTION') return n;
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
      const f = find(c, here);
      if (f) return f;
    }
    return undefined;
  };
  return find(root, false);
}

const quadBox = (q: number[]): Box => ({ left: Math.min(q[0]!, q[6]!), top: Math.min(q[1]!, q[3]!), right: Math.max(q[2]!, q[4]!), bottom: Math.max(q[5]!, q[7]!) });

async function boxOf(cdp: CDPSession, backendNodeId: number): Promise<Box | undefined> {
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { border: number[] } };
    return quadBox(model.border);
  } catch {
    return undefined; // not rendered
  }
}

/** The card as shown now, or undefined when there is none on screen. */
export async function readCard(page: Page): Promise<CardView | undefined> {
  const cdp = await session(page);
  try {
    const card = await cardNode(cdp);
    if (!card) return undefined;
    const box = await boxOf(cdp, card.backendNodeId);
    if (!box || box.right - box.left < 1) return undefined;
    // Words are text nodes or drawn from `data-t` (generated content); a closed <details> shows only its summary.
    const texts: string[] = [];
    const buttons: { name: string; backendNodeId: number }[] = [];
    const attr = (n: DomNode, name: string) => {
      const i = n.attributes?.indexOf(name) ?? -1;
      return i >= 0 && i % 2 === 0 ? n.attributes![i + 1] : undefined;
    };
    const walk = (n: DomNode, folded: boolean) => {
      if (n.nodeName === 'STYLE') return;
      if (folded && n.nodeName !== 'SUMMARY') return;
      if (n.nodeType === 3 && n.nodeValue) texts.push(n.nodeValue);
      const drawn = attr(n, 'data-t');
      if (drawn) texts.push(drawn);
      if (n.nodeName === 'BUTTON') buttons.push({ name: attr(n, 'aria-label') ?? drawn ?? '', backendNodeId: n.backendNodeId });
      const closed = n.nodeName === 'DETAILS' && attr(n, 'open') === undefined;
      for (const c of n.children ?? []) walk(c, closed);
    };
    walk(card, false);
    const boxes = await Promise.all(buttons.map(async (b) => ({ name: b.name, box: await boxOf(cdp, b.backendNodeId) })));
    return {
      box,
      text: texts.join(' ').replace(/\s+/g, ' ').trim(),
      buttons: boxes.filter((b): b is { name: string; box: Box } => !!b.box),
    };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export const cardText = async (page: Page): Promise<string> => (await readCard(page))?.text ?? '';

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export function inside(inner: Box, outer: Box, slack = 0.5): boolean {
  return inner.left >= outer.left - slack && inner.top >= outer.top - slack && inner.right <= outer.right + slack && inner.bottom <= outer.bottom + slack;
}
