/** A label of at most `max` characters before its ellipsis: cut after the last whole word that fits. */
export function cutAtWord(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const head = t.slice(0, max);
  // The word at the cut ends right there: keep it.
  const space = t[max] === ' ' ? max : head.lastIndexOf(' ');
  // A single word longer than the label keeps what fits.
  const cut = space > max / 3 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}
