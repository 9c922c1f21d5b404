/**
 * One recommendation as words for the rules: tokens, adverbs passed over, words joined back into
 * the phrases the reasons quote. The first layer of lib/upr/action-rules.ts.
 */
import { VERB_CATEGORY } from '../action-verbs';
import { matchVerb } from '../verb-forms';
import { ADVERBS } from './words';

export interface Token {
  text: string;
  lower: string;
  /** Punctuation tokens (",", ";", ".", ":") carry no verb. */
  punct: boolean;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const clean = text.replace(/[\u2018\u2019\u02BC`]/g, "'").replace(/[\u2010-\u2015]/g, '-');
  for (const m of clean.matchAll(/[A-Za-z\u00C0-\u024F]+(?:['-][A-Za-z\u00C0-\u024F]+)*|\d+|[,;.:()]/g)) {
    const t = m[0];
    if (t.includes('-')) {
      // "re-instate" is one verb, "follow-up" and "ratify-consider" are two words.
      const joined = t.replace(/-/g, '');
      if (matchVerb(joined.toLowerCase())) {
        out.push({ text: t, lower: joined.toLowerCase(), punct: false });
        continue;
      }
      // "Re-establish", "re-examine": the verb after "re-" is the one that decides.
      const again = t.match(/^re-([a-z]+)$/i)?.[1]?.toLowerCase();
      if (again && matchVerb(again)) {
        out.push({ text: t, lower: again, punct: false });
        continue;
      }
      for (const part of t.split('-')) out.push({ text: part, lower: part.toLowerCase(), punct: false });
      continue;
    }
    out.push({ text: t, lower: t.toLowerCase(), punct: /^[,;.:()]$/.test(t) });
  }
  return out;
}

export function isAdverb(lower: string): boolean {
  return ADVERBS.has(lower) || (lower.length > 4 && lower.endsWith('ly') && !VERB_CATEGORY.has(lower));
}

export function plainAdverb(token: Token | undefined): boolean {
  return !!token && !token.punct && isAdverb(token.lower) && !matchVerb(token.lower);
}

/** Skips "Further", "Fully and immediately", "Promptly, impartially and thoroughly". */
export function skipAdverbs(tokens: Token[], i: number): number {
  for (;;) {
    if (plainAdverb(tokens[i])) { i++; continue; }
    const joiner = tokens[i]?.lower;
    if ((joiner === 'and' || joiner === ',' || joiner === 'or') && i > 0 && plainAdverb(tokens[i - 1]) && plainAdverb(tokens[i + 1])) { i++; continue; }
    return i;
  }
}

/** The words after `from`, up to the clause's end or `limit` words, lower-case: what a verb acts on. */
export function clauseAfter(tokens: Token[], from: number, limit: number): string {
  const out: string[] = [];
  for (let j = from + 1; j < Math.min(tokens.length, from + 1 + limit); j++) {
    if (tokens[j]!.lower === ';' || tokens[j]!.lower === '.') break;
    out.push(tokens[j]!.lower);
  }
  return out.join(' ');
}

export function joinWords(tokens: Token[], from: number, to: number): string {
  return tokens.slice(from, to + 1).filter((t) => !t.punct).map((t) => t.text).join(' ');
}

export function quoted(s: string): string {
  return `"${s}"`;
}
