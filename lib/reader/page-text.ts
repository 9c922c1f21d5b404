/**
 * A page's text as its text layer renders it: one span per item, a line break after an item that
 * ends a line (pdf.js TextLayer appends a <br>). Find counts hits in this string and paints them
 * in the layer (find-paint.ts reads the layer the same way), so both must read the same characters.
 */
interface Item {
  str?: string;
  hasEOL?: boolean;
}

export function pageTextOf(content: { items: readonly (Item | object)[] }): string {
  let text = '';
  for (const item of content.items as readonly Item[]) {
    // Marked-content markers carry no `str`.
    if (typeof item.str !== 'string') continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}
