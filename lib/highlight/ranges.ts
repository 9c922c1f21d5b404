/**
 * Offsets in a TextIndex's string back to DOM positions. Matches arrive sorted, so one forward
 * cursor over the text nodes maps them all in a single pass.
 */
import type { TextIndex } from './text-index';

export interface Span {
  start: number;
  end: number;
}

export interface MappedSpan<S extends Span> {
  span: S;
  range: Range;
  /** Every text node the range touches (usually one; more when a phrase crosses inline elements). */
  nodes: Text[];
}

/** Maps sorted, non-overlapping spans; a span that does not fall on text nodes is dropped. */
export function spansToRanges<S extends Span>(index: TextIndex, spans: readonly S[]): MappedSpan<S>[] {
  const { nodes, starts } = index;
  const out: MappedSpan<S>[] = [];
  // Each node's end, read once: reading `data` hands a string across from the DOM each time,
  // which adds up for thousands of hits in one long text node.
  const ends: number[] = [];
  const endOf = (k: number) => (ends[k] ??= starts[k]! + nodes[k]!.data.length);
  let i = 0;
  for (const span of spans) {
    // First node whose text reaches past span.start.
    while (i < nodes.length && endOf(i) <= span.start) i++;
    if (i >= nodes.length || starts[i]! > span.start) continue;
    let j = i;
    while (j < nodes.length && endOf(j) < span.end) j++;
    if (j >= nodes.length) continue;
    const startNode = nodes[i]!;
    const endNode = nodes[j]!;
    // A live Range cannot cross a shadow boundary (a phrase half slotted, half in the shadow tree).
    if (i !== j && startNode.getRootNode() !== endNode.getRootNode()) continue;
    const range = startNode.ownerDocument.createRange();
    range.setStart(startNode, span.start - starts[i]!);
    range.setEnd(endNode, span.end - starts[j]!);
    out.push({ span, range, nodes: nodes.slice(i, j + 1) });
  }
  return out;
}
