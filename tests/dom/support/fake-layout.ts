/**
 * A layout for happy-dom (which has none): blocks stack downwards, a block holding only inline
 * content is LINE pixels per 80 characters, hidden and skipped elements take no room. Boxes are
 * computed once and handed to blocksOnScreen as its `boxOf`, which also counts what was asked.
 */
import { isBlock, isHidden, isSkippedElement } from '@/lib/highlight/text-index';

export const LINE = 20;

export interface FakeLayout {
  boxOf: (el: Element) => { top: number; bottom: number };
  /** How many boxes were asked for. */
  readonly asked: number;
}

export function fakeLayout(root: Element): FakeLayout {
  const boxes = new Map<Element, { top: number; bottom: number }>();
  const place = (el: Element, top: number): number => {
    if (isSkippedElement(el) || isHidden(el)) {
      boxes.set(el, { top: 0, bottom: 0 });
      return top;
    }
    const blockKids = [...el.children].some((k) => isBlock(k));
    let bottom = top;
    if (blockKids) {
      for (const kid of el.children) bottom = place(kid, bottom);
    } else {
      bottom = top + LINE * Math.max(1, Math.ceil((el.textContent ?? '').length / 80));
      for (const kid of el.children) place(kid, top);
    }
    boxes.set(el, { top, bottom });
    return isBlock(el) || blockKids ? bottom : top;
  };
  place(root, 0);
  const layout = {
    asked: 0,
    boxOf: (el: Element) => {
      layout.asked++;
      return boxes.get(el) ?? { top: 0, bottom: 0 };
    },
  };
  return layout;
}
