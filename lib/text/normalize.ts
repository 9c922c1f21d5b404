/** Text folding shared by search and matching: case, accents, apostrophes and dashes. */

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02BC\u2032`]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Lower-case, accent-free, straight apostrophes, ASCII hyphens. Keeps string length only for ASCII input. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * `foldText`, quicker on plain ASCII, which has no accents or typographic marks to fold: lower
 * case is the whole fold there (the search index reads every recommendation's text, and the
 * fold's Unicode passes cost 4x more).
 */
export const foldQuick = (text: string): string => (ASCII.test(text) ? text.toLowerCase() : foldText(text));

/** Words of a folded text: letters and digits; hyphens and apostrophes split words. */
export function words(text: string): string[] {
  return foldQuick(text).match(WORD) ?? [];
}

/** Text to match literally inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
