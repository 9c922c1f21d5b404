/**
 * Word tokens and their folding, shared by the lexicon compiler and the matcher so a term and a
 * page compare exactly the same way.
 *
 * The text itself is never rewritten: tokens keep [start, end) offsets into the original string
 * and only each token's *key* is folded. Folding a whole page (NFD, lower-casing) would shift
 * offsets wherever a character changes length, and the highlighter needs exact offsets.
 */

/**
 * A word starts with a letter or digit and runs on through letters, digits, combining marks and
 * soft hyphens. Apostrophes, hyphens and dashes end a word: "State's" is "State" + "s", so a
 * possessive never hides a term, and "early-warning" is two words like "early warning".
 *
 * A hand-written scan rather than a /\p{L}/u regex: it is the hot loop on a 1 MB page, and
 * ASCII (nearly every character) is decided by a table.
 */
export const NONE = 0;
export const START = 1; // letter or digit: may start a word
export const INNER = 2; // combining mark, soft hyphen: only inside a word

/** Per-word flags, so the matcher can skip work for the plain lower-case ASCII words that make up most pages. */
export const HAS_CAPITAL = 1; // an ASCII capital: the word may be an acronym
export const NON_ASCII = 2; // needs folding (accents, ligatures); case unknown, so treated as capitalised too

export const ASCII_START = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_START[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
const START_RE = /^[\p{L}\p{N}]$/u;
const INNER_RE = /^[\p{M}\u00AD]$/u;
/** Class + 1 of each BMP character met so far (0: not looked up yet): one array read in the hot loops. */
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

const classOf = (ch: string) => (START_RE.test(ch) ? START : INNER_RE.test(ch) ? INNER : NONE);

/** Class of the non-ASCII code point at `i` (cached: a page uses few distinct ones). */
export function wideClassAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code >= 0xe000) {
    const known = bmpClass[code]!;
    if (known !== 0) return known - 1;
    const cls = classOf(String.fromCharCode(code));
    bmpClass[code] = cls + 1;
    return cls;
  }
  const point = text.codePointAt(i)!;
  let cls = astralClass.get(point);
  if (cls === undefined) {
    cls = classOf(String.fromCodePoint(point));
    astralClass.set(point, cls);
  }
  return cls;
}

export interface Tokens {
  starts: number[];
  ends: number[];
  flags: number[];
}

/** Offsets of the words of `text`, as parallel arrays (cheaper than one object per word on a 1 MB page). */
export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const flags: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    const isStart = code < 128 ? ASCII_START[code] === 1 : wideClassAt(text, i) === START;
    if (!isStart) {
      i += code >= 0xd800 && code < 0xdc00 ? 2 : 1; // a surrogate pair is one code point
      continue;
    }
    const start = i;
    let flag = 0;
    for (;;) {
      if (code < 128) {
        if (code >= 65 && code <= 90) flag |= HAS_CAPITAL;
        i++;
      } else {
        flag |= NON_ASCII | HAS_CAPITAL;
        i += code >= 0xd800 && code < 0xdc00 ? 2 : 1;
      }
      if (i >= n) break;
      code = text.charCodeAt(i);
      if (code < 128 ? ASCII_START[code] !== 1 : wideClassAt(text, i) === NONE) break;
    }
    starts.push(start);
    ends.push(i);
    flags.push(flag);
  }
  return { starts, ends, flags };
}

const MARKS = /[\p{M}\u00AD]/gu;

/**
 * Accent-free form of one word, case kept (acronyms compare case-sensitively). NFKD rather than
 * NFD so PDF ligatures ("ﬁ") fold too. Most words are ASCII: they skip normalisation entirely.
 */
export function foldWord(word: string): string {
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 0x7f) return word.normalize('NFKD').replace(MARKS, '');
  }
  return word;
}

const APOSTROPHE = /['\u2018\u2019\u02BC\u2032`]/;
const DASH = /[-\u2010-\u2015\u2212]/;
/** \s covers line breaks, tabs and no-break spaces; zero-width characters are spacing too. */
const SPACE = /[\s\u200B-\u200D\u2060]/;

/** One punctuation character as terms and pages both spell it: straight apostrophe, ASCII hyphen. */
export function foldPunct(ch: string): string {
  if (APOSTROPHE.test(ch)) return "'";
  if (DASH.test(ch)) return '-';
  return ch;
}

/**
 * What separates two words, reduced to what matters for a phrase: any run of spaces, line
 * breaks, hyphens or dashes is one space ("early-warning" = "early warning"); other punctuation
 * is kept without its spaces ("60/1", "national, ethnic"), so "crimes. Against humanity" across a
 * sentence break is not the phrase.
 */
export function foldSeparator(gap: string): string {
  if (gap === ' ') return ' ';
  let out = '';
  let onlyDashes = true;
  for (const ch of gap) {
    if (SPACE.test(ch)) continue;
    const p = foldPunct(ch);
    if (p !== '-') onlyDashes = false;
    out += p;
  }
  return onlyDashes ? ' ' : out;
}

/** Trailing punctuation of a term ("Article 4(h)" → ")"), folded, spaces dropped. */
export function foldTail(rest: string): string {
  let out = '';
  for (const ch of rest) if (!SPACE.test(ch)) out += foldPunct(ch);
  return out;
}
