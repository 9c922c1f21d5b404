/**
 * Words that are part of a reference, not of the prose: a UN document symbol (A/HRC/19/11,
 * S/2013/399, CRC/C/PER/CO/6-7, E/CN.4/2005/102/Add.1), a web address (https://…, www.…,
 * un.org/…) or an e-mail address. "HRC" inside A/HRC/19/11 and "genocide" inside a web address
 * are not the concepts, so the matcher leaves them unmarked.
 *
 * A reference is one run of text without spaces; the check looks at the run around a match,
 * at most REACH characters either side, so a page of one endless run costs no more than a page
 * of words (and marks nothing in it).
 */

/** No symbol or address runs this far either side of a word; a run that does is not prose either. */
const REACH = 256;

const isSpace = (code: number) => code <= 32 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || code === 0xfffc || (code >= 0x2000 && code <= 0x200b);

const LEADING = /^[([{"'“‘«<]+/;
const TRAILING = /[)\]}"'”’»>.,;:!?]+$/;

/**
 * A UN document symbol: an organ's letters, then at least two more parts after slashes, with a
 * number somewhere (A/HRC/19/11, S/RES/1674, A/68/947–S/2014/449, ICC-01/04-01/06). One slash
 * alone ("HIV/AIDS", "P/CVE", "HRC/2011") is not enough.
 */
const SYMBOL = /^[A-Z][A-Z0-9.]*(?:[-–][A-Z0-9.]+)*(?:\/[A-Za-z0-9.()[\]\-–]+){2,}$/;
const DIGIT = /\d/;
/** A scheme (https://, ftp://), www., or mailto:. */
const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\d?\.|mailto:)/i;
/** A bare host written in lower case with a path (un.org/en/…), or a well-known ending alone (ohchr.org). */
const BARE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,6}\/|(?:org|int|com|net|edu|gov|info)(?:$|[/:?#]))/;
const EMAIL = /^[^\s@]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

export function isReference(run: string): boolean {
  const token = run.replace(LEADING, '').replace(TRAILING, '');
  if (!token) return false;
  if (URL_START.test(token) || BARE_HOST.test(token) || EMAIL.test(token)) return true;
  return SYMBOL.test(token) && DIGIT.test(token);
}

/**
 * Answers "is [start, end) inside a reference?" for matches met in order along one text,
 * deciding each run once: successive matches inside the same address cost one check.
 */
export function referenceChecker(text: string): (start: number, end: number) => boolean {
  let runStart = -1;
  let runEnd = -1;
  let answer = false;
  return (start, end) => {
    if (start >= runStart && end <= runEnd) return answer;
    for (let i = start; i < end; i++) if (isSpace(text.charCodeAt(i))) return false; // a phrase of words
    let a = start;
    const aMin = Math.max(0, start - REACH);
    while (a > aMin && !isSpace(text.charCodeAt(a - 1))) a--;
    let b = end;
    const bMax = Math.min(text.length, end + REACH);
    while (b < bMax && !isSpace(text.charCodeAt(b))) b++;
    runStart = a;
    runEnd = b;
    // A run reaching past REACH without a space is no prose (and no sentence's word); otherwise,
    // nothing but the word itself: plain prose, the common case.
    const endless = (a > 0 && !isSpace(text.charCodeAt(a - 1))) || (b < text.length && !isSpace(text.charCodeAt(b)));
    answer = endless || ((a < start || b > end) && isReference(text.slice(a, b)));
    return answer;
  };
}
