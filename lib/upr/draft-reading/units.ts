/**
 * A draft cut into what is read one at a time: sentences, list items (on their own lines or
 * inline), and two recommendations joined by "and that" or ";".
 */
import { capitalised } from './tokens';

export const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|No|Nos|Art|Arts|para|paras|e\.g|i\.e|etc|St|vs|Vol|Res|Doc|Rev|Add|Corr|Sess|Suppl|cf|al|approx|incl|Prof|Amb|H\.E|U\.N|U\.S|U\.K)|\b[A-Z])\.$/;

export interface Span { start: number; end: number }

/**
 * Sentences: split at ".", "!" or "?" before a capital, a digit or a list marker, not after "Mr." or
 * "No."; and where a hurried delegate left out the space ("hate speech.Ireland also …"): between a
 * lower-case word and a capitalised one, which an abbreviation ("U.N.Committee") or an address is not.
 */
export function sentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  const re = /[.!?]+(?=\s+["“(]?[\p{Lu}\d])|(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})|\n+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m[0][0] !== '\n' && ABBREVIATIONS.test(text.slice(Math.max(from, m.index - 6), m.index + 1))) continue;
    out.push({ start, end: m.index + (m[0][0] === '\n' ? 0 : m[0].length) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: to });
  return out.filter((s) => text.slice(s.start, s.end).trim() !== '');
}

/**
 * List markers: "1.", "2)", "(a)", "b)", "(iii)", "-", "•" at a line's start; "(a)", "1.", "2)", "ii.",
 * "b)" after ":", ";" or "; and"; and a numbered item that starts a sentence ("… Statute. 2) Establish …").
 */
export const MARKER = /(?:^|\n)[ \t]*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[-•*–—])[ \t]+|(?<=[:;,][ \t]*(?:(?:and|or)[ \t]+)?)(?:\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)|(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)](?=[ \t]+\p{L}))[ \t]*|(?<=[.!?][ \t]+)(?:\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)|\d{1,2}[.)](?=[ \t]+\p{L}))[ \t]*/gu;

export interface Unit extends Span {
  /** A list item: read with the lead-in before it when it has no opening of its own. */
  item: boolean;
}

export function units(text: string): Unit[] {
  const pieces: Unit[] = [];
  let last = 0;
  let item = false;
  for (const m of text.matchAll(MARKER)) {
    if (m.index! > last || pieces.length === 0) pieces.push({ start: last, end: m.index!, item });
    last = m.index! + m[0].length;
    item = true;
  }
  pieces.push({ start: last, end: text.length, item });
  const out: Unit[] = [];
  for (const p of pieces) {
    if (text.slice(p.start, p.end).trim() === '') continue;
    // An item is its first sentence; what follows it on the same line is the statement going on
    // ("(b) grant access. Ireland also recommends …").
    sentences(text, p.start, p.end).forEach((s, n) => out.push({ ...s, item: p.item && n === 0 }));
  }
  return out;
}

/** Trims spaces, and a list item's closing ";", "; and", "," or ".". */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s]/.test(text[end - 1]!)) end--;
  const tail = text.slice(start, end).match(/(?:\s*[;,]\s*(?:and|or)?|\s*\.)$/);
  if (tail && tail[0].trim() !== '.') end -= tail[0].length;
  return { start, end };
}

/** "; it should also …", "; and the Government should …": a second recommendation with an opening of its own. */
export const OWN_OPENING_AFTER_SEMICOLON = /\s*;\s*(?:and\s+)?(?=(?:it|they|the\s+(?:government|authorities|state))\b[^;]{0,40}?\b(?:should|must)\s)/;

/**
 * ", and recommends that it …", "and also urges it to …": who spoke asks a second time in the same
 * sentence ("Ireland encourages Syria to …, and recommends that it …"). Only after a speaker: in a
 * bare recommendation "and encourages" is the recommendation's own verb.
 */
export const ASKS_AGAIN = /,?\s+and\s+(?:also\s+|further\s+)?(?=(?:recommends?|urges?|encourages?|calls?\s+(?:up)?on|invites?|requests?)\s+(?:that|it|them)\b)/;

/**
 * Splits "ratify X and that it adopt Y" and "ratify X; adopt Y" (after a lead-in) into their
 * recommendations. An "and that" belongs to the recommendation's own verb ("ensure that X and that
 * Y") when the recommendation already holds a "that".
 */
export function joined(text: string, span: Span, afterLeadIn: boolean, spoken = false): Span[] {
  const slice = text.slice(span.start, span.end);
  const cut = afterLeadIn
    ? /\s*;\s*(?:and\s+)?|,?\s+and\s+(?=that\s)/g
    : new RegExp(`,?\\s+and\\s+(?=that\\s)|${OWN_OPENING_AFTER_SEMICOLON.source}${spoken ? `|${ASKS_AGAIN.source}` : ''}`, 'gi');
  const out: Span[] = [];
  let start = 0;
  for (const m of slice.matchAll(cut)) {
    const before = slice.slice(start, m.index);
    if (!m[0].includes(';') && /\bthat\b/i.test(before)) continue;
    out.push({ start: span.start + start, end: span.start + m.index! });
    start = m.index! + m[0].length;
  }
  out.push({ start: span.start + start, end: span.end });
  return out;
}
