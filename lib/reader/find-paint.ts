/**
 * Paints find-in-document hits on the drawn text layers, with two CSS highlights of their own
 * (`r2p-find`, and `r2p-find-current` for the hit shown). A layer's text is read the way
 * pageTextOf() builds the extracted text (spans in order, a <br> as a line break), so the n-th
 * hit found in the layer is the n-th hit of that page in the document-wide list.
 */
import { findInText, type FindHit } from './find';

export const FIND_HIGHLIGHT = 'r2p-find';
export const FIND_CURRENT_HIGHLIGHT = 'r2p-find-current';

interface LayerText {
  text: string;
  nodes: Text[];
  starts: number[];
}

export function layerText(root: Element): LayerText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4 /* elements and text */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      nodes.push(n as Text);
      starts.push(text.length);
      text += (n as Text).data;
    } else if ((n as Element).localName === 'br') {
      text += '\n';
    }
  }
  return { text, nodes, starts };
}

/** DOM ranges for [start, end) spans of a layer's text; spans that fall outside text nodes are skipped. */
export function rangesFor(layer: LayerText, spans: readonly { start: number; end: number }[], doc: Document): Range[] {
  const locate = (offset: number, isEnd: boolean): [Text, number] | undefined => {
    for (let i = 0; i < layer.nodes.length; i++) {
      const s = layer.starts[i]!;
      const len = layer.nodes[i]!.data.length;
      if (offset >= s && (isEnd ? offset <= s + len : offset < s + len)) return [layer.nodes[i]!, offset - s];
    }
    return undefined;
  };
  const out: Range[] = [];
  for (const span of spans) {
    const a = locate(span.start, false);
    const b = locate(span.end, true);
    if (!a || !b) continue;
    const r = doc.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    out.push(r);
  }
  return out;
}

type HighlightCtor = new (...ranges: Range[]) => Set<Range> & { priority: number };

export class FindPainter {
  private query = '';
  private hits: readonly FindHit[] = [];
  private current = -1;
  private readonly byPage = new Map<number, Range[]>();
  private readonly all: (Set<Range> & { priority: number }) | undefined;
  private readonly focus: (Set<Range> & { priority: number }) | undefined;
  private readonly registry: Map<string, unknown> | undefined;

  constructor(private readonly doc: Document) {
    const win = doc.defaultView as unknown as { Highlight?: HighlightCtor; CSS?: { highlights?: Map<string, unknown> } };
    if (win?.Highlight && win.CSS?.highlights) {
      this.registry = win.CSS.highlights;
      this.all = new win.Highlight();
      this.all.priority = 2;
      this.focus = new win.Highlight();
      this.focus.priority = 3;
      this.registry.set(FIND_HIGHLIGHT, this.all);
      this.registry.set(FIND_CURRENT_HIGHLIGHT, this.focus);
    }
  }

  /** A new search (or none): repaints the drawn layers passed in. */
  setSearch(query: string, hits: readonly FindHit[], layers: Iterable<[number, Element]>): void {
    this.query = query;
    this.hits = hits;
    this.current = -1;
    this.byPage.clear();
    this.all?.clear();
    this.focus?.clear();
    for (const [page, layer] of layers) this.paintPage(page, layer);
  }

  /** Marks hit `index` of the document-wide list as the one shown; returns its range if drawn. */
  setCurrent(index: number): Range | undefined {
    this.current = index;
    this.focus?.clear();
    const range = this.currentRange();
    if (range) this.focus?.add(range);
    return range;
  }

  paintPage(page: number, layer: Element): void {
    this.releasePage(page);
    if (!this.query || !this.hits.some((h) => h.page === page)) return;
    const text = layerText(layer);
    const ranges = rangesFor(text, findInText(text.text, this.query), this.doc);
    this.byPage.set(page, ranges);
    for (const r of ranges) this.all?.add(r);
    const range = this.currentRange();
    if (range && this.hits[this.current]?.page === page) this.focus?.add(range);
  }

  releasePage(page: number): void {
    for (const r of this.byPage.get(page) ?? []) {
      this.all?.delete(r);
      this.focus?.delete(r);
    }
    this.byPage.delete(page);
  }

  private currentRange(): Range | undefined {
    const hit = this.hits[this.current];
    if (!hit) return undefined;
    let nth = 0;
    for (let i = 0; i < this.current; i++) if (this.hits[i]!.page === hit.page) nth++;
    return this.byPage.get(hit.page)?.[nth];
  }

  destroy(): void {
    this.registry?.delete(FIND_HIGHLIGHT);
    this.registry?.delete(FIND_CURRENT_HIGHLIGHT);
  }
}
