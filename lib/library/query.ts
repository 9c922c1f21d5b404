/**
 * The library's query language, read as a delegate types it:
 *
 * - a State's name ("Syria", "Syrian Arab Republic", "Islamic Republic of Iran", "DRC") or its
 *   ISO code in capitals ("SYR", "NO") stands for rows where that State is under review or
 *   recommends: "Syria genocide", "Norway torture";
 * - other words match the text, singular and plural alike ("woman" finds "women"); a word typed
 *   in quotes, or a hyphenated one, always means the text: "\"Syria\"" finds rows naming Syria;
 * - "quoted phrases" match those words in that order;
 * - OR between two terms takes either ("torture OR ill-treatment", "Syria OR Lebanon");
 * - NOT before a term, or a minus sign on it, leaves out rows matching it ("-death").
 *
 * Pure: parsing needs only the State names (data/states.json and the export spellings of
 * lib/import/state-names.ts); matching is the index's (lib/library/search-index.ts).
 */
import type { UnState } from '../catalogue/schema';
import { stateNameKeys } from '../import/state-names';
import { words } from '../text/normalize';
import { stem } from '../text/stem';

export interface QueryState {
  code: string;
  /** The UN name, as data/states.json spells it. */
  name: string;
}

export type QueryTerm =
  | { kind: 'state'; state: QueryState; typed: string }
  | {
      kind: 'word';
      /** The stemmed, folded word the index holds. */
      term: string;
      typed: string;
      /** The last word of the query with no space after it: the word may still be growing. */
      typing: boolean;
    }
  | { kind: 'phrase'; terms: string[]; typed: string; typing: boolean };

export interface QueryClause {
  /** Any one of them matches (OR); most clauses hold one term. */
  terms: QueryTerm[];
  /** NOT: rows matching the clause are left out. */
  negated: boolean;
  /** Where the clause stands in the typed query (start inclusive, end exclusive). */
  start: number;
  end: number;
}

export interface LibraryQuery {
  text: string;
  /** Every clause must match (AND), except negated ones, which must not. */
  clauses: QueryClause[];
}

export interface StateNames {
  /** Folded name words joined by one space ("syrian arab republic", "syria") -> State. */
  byName: Map<string, QueryState>;
  /** Codes that stand for a State when typed in capitals ("SYR", "SY", "US", "CAR"). */
  byCapitals: Map<string, QueryState>;
  /** The longest name, in words. */
  longest: number;
}

/** Short forms delegates type that exports do not use. */
const TYPED_NAMES: Record<string, string> = { drc: 'COD', uae: 'ARE', dprk: 'PRK', usa: 'USA', uk: 'GBR', britain: 'GBR', 'great britain': 'GBR' };
const CAPITALS_ONLY: Record<string, string> = { CAR: 'CAF', US: 'USA' };
/**
 * Two-letter codes that read as something else in capitals: English words ("IN", "IS", "NO" is
 * Norway's code but also "no") and abbreviations of this field ("HR" human rights, "SG" the
 * Secretary-General, "AU" the African Union, "CD" the Conference on Disarmament).
 */
const NOT_CODES = new Set(['AM', 'AS', 'AT', 'BE', 'BY', 'DO', 'GO', 'HR', 'ID', 'IN', 'IS', 'IT', 'ME', 'MY', 'NO', 'SG', 'SO', 'TO', 'AU', 'CD']);
/** Words too common to search on their own (they still count inside a phrase or a State's name). */
const STOPWORDS = new Set(['the', 'of', 'and', 'to', 'in', 'on', 'for', 'a', 'an', 'its', 'with', 'by', 'as', 'at', 'all', 'be', 'or', 'that', 'this'].map(stem));

export function stateNames(states: readonly UnState[]): StateNames {
  const byCode = new Map(states.map((s) => [s.code, { code: s.code, name: s.name }]));
  const byName = new Map<string, QueryState>();
  const codes = new Set(states.map((s) => s.code.toLowerCase()));
  for (const [key, code] of [...stateNameKeys(states), ...Object.entries(TYPED_NAMES)]) {
    // A code typed in small letters is a word ("can", "per", "ben"): codes count in capitals only.
    if (codes.has(key) && !(key in TYPED_NAMES)) continue;
    const state = byCode.get(code);
    if (state) byName.set(words(key).join(' '), state);
  }
  const byCapitals = new Map<string, QueryState>();
  for (const s of states) {
    byCapitals.set(s.code, byCode.get(s.code)!);
    if (!NOT_CODES.has(s.alpha2)) byCapitals.set(s.alpha2, byCode.get(s.code)!);
  }
  for (const [k, code] of Object.entries(CAPITALS_ONLY)) byCapitals.set(k, byCode.get(code)!);
  let longest = 1;
  for (const k of byName.keys()) longest = Math.max(longest, k.split(' ').length);
  return { byName, byCapitals, longest };
}

/** A piece of the typed query: a quoted phrase, or a run of non-space characters. */
interface Token {
  raw: string;
  start: number;
  end: number;
  quoted: boolean;
  /** A minus sign before it: NOT. */
  minus: boolean;
  /** Quoted and its closing quote not typed yet. */
  open: boolean;
}

const QUOTES = /["\u201C\u201D\u201E\u00AB\u00BB]/;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const minus = (text[i] === '-' || text[i] === '\u2212') && i + 1 < text.length && !/\s/.test(text[i + 1]!);
    if (minus) i++;
    if (QUOTES.test(text[i]!)) {
      const close = text.slice(i + 1).search(QUOTES);
      const end = close < 0 ? text.length : i + 1 + close + 1;
      out.push({ raw: text.slice(i + 1, close < 0 ? text.length : end - 1), start, end, quoted: true, minus, open: close < 0 });
      i = end;
      continue;
    }
    while (i < text.length && !/\s/.test(text[i]!) && !QUOTES.test(text[i]!)) i++;
    out.push({ raw: text.slice(minus ? start + 1 : start, i), start, end: i, quoted: false, minus, open: false });
  }
  return out;
}

const OPERATORS = new Set(['or', 'not', 'and']);

/** Reads a typed query into clauses: States, words, phrases, OR, NOT. */
export function parseLibraryQuery(text: string, names: StateNames): LibraryQuery {
  const tokens = tokenize(text);
  const endsTyping = /[\p{L}\p{N}]$/u.test(text);
  type Item = { term: QueryTerm; start: number; end: number; minus: boolean } | { op: 'or' | 'not' | 'and'; start: number };
  const items: Item[] = [];

  const tokenWords = tokens.map((tok) => words(tok.raw));
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const w = tokenWords[t]!;
    if (!w.length) continue;
    if (tok.quoted) {
      const terms = w.map(stem);
      const term: QueryTerm =
        terms.length === 1
          ? { kind: 'word', term: terms[0]!, typed: tok.raw.trim(), typing: tok.open && endsTyping }
          : { kind: 'phrase', terms, typed: tok.raw.trim(), typing: tok.open && endsTyping };
      items.push({ term, start: tok.start, end: tok.end, minus: tok.minus });
      continue;
    }
    if (!tok.minus && w.length === 1 && OPERATORS.has(w[0]!) && /^[\p{L}]+$/u.test(tok.raw)) {
      items.push({ op: w[0] as 'or' | 'not' | 'and', start: tok.start });
      continue;
    }
    // A State's name, the longest that ends at a token's end ("Bosnia and Herzegovina", "Guinea-Bissau").
    let state: QueryState | undefined;
    let last = t;
    if (names.byCapitals.has(tok.raw) && /^\p{Lu}+$/u.test(tok.raw)) state = names.byCapitals.get(tok.raw);
    else {
      const run: string[] = [];
      for (let u = t; u < tokens.length && !tokens[u]!.quoted && (u === t || !tokens[u]!.minus); u++) {
        run.push(...tokenWords[u]!);
        if (run.length > names.longest) break;
        const found = names.byName.get(run.join(' '));
        if (found) {
          state = found;
          last = u;
        }
      }
    }
    if (state) {
      const typed = text.slice(tok.minus ? tok.start + 1 : tok.start, tokens[last]!.end);
      items.push({ term: { kind: 'state', state, typed }, start: tok.start, end: tokens[last]!.end, minus: tok.minus });
      t = last;
      continue;
    }
    const isLast = t === tokens.length - 1;
    const term: QueryTerm =
      w.length === 1
        ? { kind: 'word', term: stem(w[0]!), typed: tok.raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), typing: isLast && endsTyping }
        : { kind: 'phrase', terms: w.map(stem), typed: tok.raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), typing: isLast && endsTyping };
    items.push({ term, start: tok.start, end: tok.end, minus: tok.minus });
  }

  // Operators: NOT applies to the next term, OR joins the terms either side; AND is the default.
  const clauses: QueryClause[] = [];
  let not: number | undefined;
  let or = false;
  for (const item of items) {
    if ('op' in item) {
      if (item.op === 'not') not = item.start;
      else if (item.op === 'or') or = clauses.length > 0;
      continue;
    }
    const prev = clauses[clauses.length - 1];
    if (or && prev && not === undefined && !item.minus) {
      prev.terms.push(item.term);
      prev.end = item.end;
    } else clauses.push({ terms: [item.term], negated: not !== undefined || item.minus, start: not ?? item.start, end: item.end });
    not = undefined;
    or = false;
  }

  // Function words alone say nothing about a recommendation ("rights of the child" is about
  // rights and children), unless they are all there is.
  const isStop = (c: QueryClause) => c.terms.length === 1 && c.terms[0]!.kind === 'word' && !c.negated && STOPWORDS.has(c.terms[0]!.term);
  const content = clauses.filter((c) => !isStop(c));
  return { text, clauses: content.some((c) => !c.negated) ? content : clauses };
}

/** The query as typed, with one clause taken out (the zero-result message's "search without"). */
export function withoutClause(query: LibraryQuery, index: number): string {
  const c = query.clauses[index]!;
  return `${query.text.slice(0, c.start)} ${query.text.slice(c.end)}`.replace(/\s+/g, ' ').trim();
}

/** How a term reads back to the user: a State by its UN name, text in quotes. */
export function termLabel(term: QueryTerm, shownWord: (term: QueryTerm & { kind: 'word' }) => string = (t) => t.typed): string {
  if (term.kind === 'state') return term.state.name;
  if (term.kind === 'phrase') return `“${term.typed}”`;
  return shownWord(term);
}
