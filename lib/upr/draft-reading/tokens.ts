/**
 * The draft as words: tokens with their offsets, "recommend" as a busy delegate spells it, and
 * the small helpers the readers share. The first layer of lib/upr/draft-reading.ts.
 */

export interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
}

export function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|\d+|[^\s\p{L}\p{M}\d]/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const t = m[0];
    const lower = t.toLowerCase().replace(/’/g, "'");
    out.push({ text: t, lower: spelledRecommend(lower), start: m.index, end: m.index + t.length, word: /^[\p{L}\p{M}\d]/u.test(t) });
  }
  return out;
}

/**
 * "recommend" as a busy delegate types it ("reccomend", "recomends", "reccommended") or a French
 * speaker ("recommands"): the one verb every statement turns on, read whatever its doubled letters.
 */
export function spelledRecommend(lower: string): string {
  const m = /^rec+om+[ae]n+d(s|ed|ing)?$/.exec(lower);
  return m ? `recommend${m[1] ?? ''}` : lower;
}

/** "Chad", "d'Ivoire". */
export const capitalised = (t: Tok | undefined) => !!t && t.word && /^(?:d')?\p{Lu}/u.test(t.text);

export const joinTokens = (text: string, ts: Tok[], from: number, to: number) => (to > from ? text.slice(ts[from]!.start, ts[to - 1]!.end) : '');

export function upperFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
