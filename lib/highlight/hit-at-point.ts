/**
 * Which hit is under the pointer. CSS highlights are not elements, so there is no event target:
 * the caret position under the point gives a text node and offset, and the hit's boxes confirm
 * the pointer is really on the word (the caret snaps to the nearest text even past a line's end).
 */
import type { Hit, HitStore } from './hits';

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const d = doc as Document & CaretDocument;
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

export function rectsContain(rects: DOMRectList | DOMRect[], x: number, y: number): boolean {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

export function hitAtPoint(doc: Document, store: HitStore, x: number, y: number): Hit | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  const node = caret.node as Text;
  const at = caret.offset;
  for (const h of store.at(node)) {
    // Only hits around the caret are measured: a text node may hold thousands.
    const { startContainer, startOffset, endContainer, endOffset } = h.range;
    if (startContainer === node && startOffset > at) continue;
    if (endContainer === node && endOffset < at) continue;
    if (rectsContain(h.range.getClientRects(), x, y)) return h;
  }
  return undefined;
}
