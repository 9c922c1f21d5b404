/**
 * The words a row is indexed under: exactly `words(text).map(stem)` (lib/text), the way a query
 * is read, but several times faster on the import's 267,000 texts. Stretches of ASCII letters and
 * digits are lower-cased by hand; only a stretch holding other characters (accents, curly
 * quotes) goes through the full folding. Splitting at ASCII punctuation first gives the same
 * words: folding never turns ASCII punctuation into a letter, nor a letter into punctuation.
 */
import { words } from '../text/normalize';
import { stem } from '../text/stem';

const ALNUM = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ALNUM[c] = 1;
for (let c = 65; c <= 90; c++) ALNUM[c] = 2;
for (let c = 97; c <= 122; c++) ALNUM[c] = 1;

/** Calls `out` with each indexed word of `text`, in order (repeats included). */
export function eachIndexTerm(text: string, out: (term: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Skip ASCII separators.
    let c = text.charCodeAt(i);
    while (c < 128 && !ALNUM[c]) {
      if (++i >= n) return;
      c = text.charCodeAt(i);
    }
    const start = i;
    let upper = false;
    let wide = false;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c >= 128) wide = true;
      else if (!ALNUM[c]) break;
      else if (ALNUM[c] === 2) upper = true;
      i++;
    }
    const run = text.slice(start, i);
    if (wide) for (const w of words(run)) out(stem(w));
    else out(stem(upper ? run.toLowerCase() : run));
  }
}

export function indexTerms(text: string): string[] {
  const out: string[] = [];
  eachIndexTerm(text, (t) => out.push(t));
  return out;
}
