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

/** Words of a folded text: letters and digits; hyphens and apostrophes split words. */
export function words(text: string): string[] {
  // Plain ASCII has no accents or typographic marks to fold: lower case is the whole fold (the
  // search index splits every recommendation's text, and the fold's Unicode passes cost 4x more).
  return (ASCII.test(text) ? text.toLowerCase() : foldText(text)).match(WORD) ?? [];
}
