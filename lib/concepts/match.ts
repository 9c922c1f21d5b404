/**
 * Finds lexicon concepts in running text: whole words and phrases only, leftmost-longest,
 * non-overlapping. Pure and data-free (the lexicon is a parameter) so the content script can
 * ship it with a precompiled table; `bundled.ts` binds it to the bundled knowledge base.
 *
 * Nothing is matched inside a reference (a UN document symbol, a web or e-mail address:
 * references.ts): "HRC" in A/HRC/19/11 is part of a symbol, not the Council.
 *
 * Offsets are UTF-16 indices into the given string: `text.slice(start, end)` is the surface
 * text. A plural ending is part of the match ("NHRIs", "atrocities"); a possessive is not
 * ("State" in "State's", "States" in "States'"), because the apostrophe ends the word and the
 * highlight should cover the concept, not the grammar around it.
 *
 * Speed: a page is mostly words no term starts with. One scan over the characters hashes each
 * ASCII word as it goes (lower-cased by a table, no substring, no normalize()) and asks a bit set
 * of the words a term can start with (plural forms included). Only the few words that pass walk
 * the tries with real strings; non-ASCII words (accents, ligatures) take that careful path too.
 */
import type { CompiledLexicon, TrieNode } from './compile';
import { referenceChecker } from './references';
import { ASCII_START, foldPunct, foldSeparator, foldWord, NONE, START, wideClassAt } from './text-tokens';

export interface ConceptMatch {
  conceptId: string;
  start: number;
  end: number;
}

/**
 * The matcher's own form of a trie: Maps instead of plain objects (lookups with keys freshly
 * sliced from a page are much faster, and no page word can reach Object.prototype), and one
 * object shape for every node so the walk's property reads stay monomorphic.
 */
interface Node {
  next: Map<string, Node> | undefined;
  /** The same children by edge-key hash (masked to a small integer): the fast pre-walk's lookup. */
  byHash: Map<number, Node> | undefined;
  /** Two children share a hash here: the pre-walk cannot tell them apart and defers to the exact walk. */
  clash: boolean;
  concept: string | undefined;
  tail: string | undefined;
  /** Its children in the compiled form, until a walk first goes through it (`open`). */
  raw: Record<string, TrieNode> | undefined;
  concepts: readonly string[];
}

function toNode(node: TrieNode, concepts: readonly string[]): Node {
  return { next: undefined, byHash: undefined, clash: false, concept: node.c === undefined ? undefined : concepts[node.c], tail: node.t, raw: node.n, concepts };
}

/**
 * The node with its children made. The lexicon has thousands of nodes and a page walks a few
 * hundred: making each as it is first walked keeps the content script's start, which comes
 * before the first pass on every page it runs on, short (building them all took about 10 ms).
 */
function open(node: Node): Node {
  const raw = node.raw;
  if (!raw) return node;
  node.raw = undefined;
  const next = new Map<string, Node>();
  const byHash = new Map<number, Node>();
  for (const k of Object.keys(raw)) {
    const child = toNode(raw[k]!, node.concepts);
    next.set(k, child);
    const h = hashOf(k);
    if (byHash.has(h)) node.clash = true;
    byHash.set(h, child);
  }
  node.next = next;
  node.byHash = byHash;
  return node;
}

/**
 * Words and edge keys are hashed as h = (h * 31 + code) mod 2^22. Polynomial on purpose: a
 * separator's hash continues into the word after it, and a plural ending can be taken off a hash
 * arithmetically (times the inverse of 31), so the pre-walk never builds a string. 22 bits keep
 * every intermediate value a small integer (a V8 Smi): the page's first pass runs before the
 * optimising compiler has finished, and there a wider hash would allocate a number per character.
 */
const MASK = 0x3fffff;
function hashOf(s: string, h = 0): number {
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) & MASK;
  return h;
}
let INV31 = 31;
for (let k = 0; k < 5; k++) INV31 = Math.imul(INV31, 2 - Math.imul(31, INV31));
/** Hash of the text hashed as `h` without its last character `code`. */
const unhash = (h: number, code: number) => Math.imul(h - code, INV31) & MASK;
const SPACE_HASH = 32;

/** A set of word hashes as a bit array: a false positive only costs a trie pre-walk. */
const BITS = 18;
const bitOf = (hash: number) => Math.imul(hash, 0x9e3779b1) >>> (32 - BITS);
const has = (set: Uint32Array, hash: number) => (set[bitOf(hash) >>> 5]! & (1 << (bitOf(hash) & 31))) !== 0;

/**
 * The words a term may start with on a page, lower-cased, plurals included (a superset of
 * `singulars`' inverse). Acronyms are entered lower-cased too, so the scan hashes each word once.
 */
function startSet(root: Node, caseSensitive: boolean): Uint32Array {
  const set = new Uint32Array(1 << (BITS - 5));
  const add = (word: string) => {
    const b = bitOf(hashOf(word));
    set[b >>> 5]! |= 1 << (b & 31);
  };
  for (const k of open(root).next?.keys() ?? []) {
    const key = k.toLowerCase();
    add(key);
    add(`${key}s`);
    if (caseSensitive) continue;
    add(`${key}es`);
    if (key.endsWith('y')) add(`${key.slice(0, -1)}ies`);
  }
  return set;
}

interface Prepared {
  ci: Node;
  cs: Node;
  ciStarts: Uint32Array;
  csStarts: Uint32Array;
  /** Folded forms of the page's non-ASCII words (a page repeats its few accented names). */
  folded: Map<string, string>;
}

/** Built once per lexicon object, then reused for every text. */
const prepared = new WeakMap<CompiledLexicon, Prepared>();
function prepare(lexicon: CompiledLexicon): Prepared {
  let ready = prepared.get(lexicon);
  if (!ready) {
    const ci = toNode(lexicon.ci, lexicon.concepts);
    const cs = toNode(lexicon.cs, lexicon.concepts);
    ready = {
      ci,
      cs,
      ciStarts: startSet(ci, false),
      csStarts: startSet(cs, true),
      folded: new Map(),
    };
    prepared.set(lexicon, ready);
    if (!warmedUp) {
      warmedUp = true;
      for (let k = 0; k < 3; k++) matchConcepts(WARM_UP_TEXT, WARM_UP_LEXICON);
    }
  }
  return ready;
}

/**
 * Every path of the scan, taken before a page's first pass. That pass is mostly one long loop
 * which the engine optimises while it runs, from what it has seen so far; a path not seen yet (an
 * accented word, a plural, a phrase, a closing bracket) would throw the optimised code away
 * halfway down the page. A tiny lexicon of its own makes sure each path is taken whatever the
 * real lexicon holds.
 */
let warmedUp = false;
const WARM_UP_LEXICON: CompiledLexicon = {
  format: 'r2p-concepts@1',
  concepts: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
  ci: {
    n: {
      crimes: { c: 0, n: { ' against': { n: { ' humanity': { c: 1 }, ' humanite': { c: 1 } } } } },
      icc: { c: 6, n: { ' statute': { c: 6 } } },
      atrocity: { c: 2 },
      process: { c: 3, n: { ' of': { c: 3 } } },
      cote: { n: { ' d': { n: { "'ivoire": { c: 4 } } } } },
      article: { n: { ' 4': { n: { '(h': { c: 5, t: ')' } } } } },
    },
  },
  cs: { n: { ICC: { c: 6 } } },
};
const WARM_UP_TEXT =
  'Crimes against humanity, crimes against humanité, crimes against peace; ICC Statute; atrocities, processes, process, process of, ICCs, ICC’s, icc ' +
  "Côte d’Ivoire, Cote d'Ivoire, Article 4(h) and article 4 (h\u00a0; no term here \uFFFC 𝔘 early-warning.";

/** ASCII letters and digits lower-cased, 0 for everything else: the scan's fold and word test in one read. */
const LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (ASCII_START[c]) LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

const isHighSurrogate = (code: number) => code >= 0xd800 && code < 0xdc00;

/** The word at or after `from` (same rules as text-tokens' tokenize), or false at the end of the text. */
class Cursor {
  start = 0;
  end = 0;
  ascii = true;
  constructor(readonly text: string) {}

  /** Reads the word from `from`, which must be a word boundary. */
  next(from: number): boolean {
    const { text } = this;
    const n = text.length;
    let i = from;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code < 128 ? ASCII_START[code] === 1 : wideClassAt(text, i) === START) break;
      i += isHighSurrogate(code) ? 2 : 1;
    }
    if (i >= n) return false;
    this.start = i;
    let ascii = true;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code < 128) i++;
      else {
        ascii = false;
        i += isHighSurrogate(code) ? 2 : 1;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c < 128 ? ASCII_START[c] !== 1 : wideClassAt(text, i) === NONE) break;
    }
    this.end = i;
    this.ascii = ascii;
    return true;
  }
}

const CONSONANT_Y = /[^aeiou]y$/;
const SIBILANT = /(?:s|x|z|ch|sh)$/;
const ACRONYM_END = /[A-Z0-9]$/;
const DIGIT = /[0-9]/;
/** Words are letters and digits only, so "no digit" means "alphabetic". */
const isStem = (w: string) => w.length >= 3 && !DIGIT.test(w);
const NO_SINGULARS: readonly string[] = [];

/**
 * Singulars a page word may be the plural of, under the deliberately simple rule terms follow:
 * +s, +es after a sibilant ("processes"), y → ies after a consonant ("atrocities"); only for
 * alphabetic stems of 3+ letters, so "Pillar I" never matches "pillar is". Acronyms take +s
 * only ("NHRIs"). Irregular plurals ("crises") have to be listed in the lexicon.
 */
function singulars(word: string, caseSensitive: boolean): readonly string[] {
  if (!word.endsWith('s')) return NO_SINGULARS;
  const minusS = word.slice(0, -1);
  if (caseSensitive) return minusS.length >= 2 && ACRONYM_END.test(minusS) ? [minusS] : NO_SINGULARS;
  const out: string[] = [];
  if (!minusS.endsWith('s') && isStem(minusS)) out.push(minusS);
  if (word.endsWith('es')) {
    const minusEs = word.slice(0, -2);
    if (SIBILANT.test(minusEs) && isStem(minusEs)) out.push(minusEs);
    if (word.endsWith('ies')) {
      const y = `${word.slice(0, -3)}y`;
      if (CONSONANT_Y.test(y) && isStem(y)) out.push(y);
    }
  }
  return out;
}

interface Hit {
  /** End of the term's last word. */
  end: number;
  node: Node;
}

function keyOf(p: Prepared, text: string, start: number, end: number, ascii: boolean, caseSensitive: boolean): string {
  const raw = text.slice(start, end);
  if (ascii) return caseSensitive ? raw : raw.toLowerCase();
  let folded = p.folded.get(raw);
  if (folded === undefined) {
    if (p.folded.size > 5_000) p.folded.clear();
    folded = foldWord(raw);
    p.folded.set(raw, folded);
  }
  return caseSensitive ? folded : folded.toLowerCase();
}

function sepOf(text: string, from: number, to: number): string {
  return to - from === 1 && text.charCodeAt(from) === 32 ? ' ' : foldSeparator(text.slice(from, to));
}

/** Longest term of one trie starting at the word [start, end): follow exact keys, accept a plural only as the last word. */
function longestAt(p: Prepared, root: Node, cursor: Cursor, start: number, end: number, ascii: boolean, caseSensitive: boolean): Hit | undefined {
  const { text } = cursor;
  let best: Hit | undefined;
  let prefix = '';
  for (let children = open(root).next; children; ) {
    const word = keyOf(p, text, start, end, ascii, caseSensitive);
    const next: Node | undefined = children.get(prefix ? prefix + word : word);
    if (next?.concept !== undefined) {
      best = { end, node: next };
    } else {
      for (const singular of singulars(word, caseSensitive)) {
        const last = children.get(prefix + singular);
        if (last?.concept !== undefined) {
          best = { end, node: last };
          break;
        }
      }
    }
    children = next && open(next).next;
    if (!children || !cursor.next(end)) break;
    prefix = sepOf(text, end, cursor.start);
    ({ start, end, ascii } = cursor);
  }
  return best;
}

/** Hash of text[start, end) as written, continuing from `h`. */
function rawHash(text: string, start: number, end: number, h = 0): number {
  for (let i = start; i < end; i++) h = (h * 31 + text.charCodeAt(i)) & MASK;
  return h;
}

/**
 * Whether a term of `root` may start at the ASCII word [start, end) whose hash is `h`: the trie
 * walked by hashes, plural endings taken off arithmetically, stem rules ignored. It answers true
 * wherever the exact walk could find a term (and where it cannot tell: a clash, a non-ASCII
 * word), so only the words that pass pay for the exact walk with strings.
 */
function mayStart(root: Node, text: string, start: number, end: number, h: number, caseSensitive: boolean): boolean {
  const n = text.length;
  let node = root;
  for (;;) {
    if (open(node).clash) return true;
    const byHash = node.byHash!;
    const next = byHash.get(h);
    if (next?.concept !== undefined) return true;
    const last = text.charCodeAt(end - 1);
    if ((caseSensitive ? last : LOWER[last]) === 115 && end - start >= 2) {
      const minusS = unhash(h, 115);
      if (byHash.get(minusS)?.concept !== undefined) return true;
      if (!caseSensitive && end - start >= 4 && LOWER[text.charCodeAt(end - 2)] === 101) {
        const minusEs = unhash(minusS, 101);
        if (byHash.get(minusEs)?.concept !== undefined) return true;
        if (LOWER[text.charCodeAt(end - 3)] === 105) {
          const y = (unhash(minusEs, 105) * 31 + 121) & MASK;
          if (byHash.get(y)?.concept !== undefined) return true;
        }
      }
    }
    if (!next || !open(next).byHash) return false;
    node = next;
    // The next word: its separator's hash, continued through the word's characters.
    let i = end;
    for (;;) {
      if (i >= n) return false;
      const code = text.charCodeAt(i);
      if (code < 128 ? LOWER[code] !== 0 : wideClassAt(text, i) === START) break;
      i += isHighSurrogate(code) ? 2 : 1;
    }
    h = i - end === 1 && text.charCodeAt(end) === 32 ? SPACE_HASH : hashOf(foldSeparator(text.slice(end, i)));
    start = i;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code >= 128) return true; // accents and the like: the exact walk folds them
      h = (h * 31 + (caseSensitive ? code : LOWER[code]!)) & MASK;
      i++;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c < 128 ? LOWER[c] === 0 : wideClassAt(text, i) === NONE) break;
    }
    end = i;
  }
}

/** Length of a term's trailing punctuation where the page has it right after the last word. */
function tailLength(text: string, at: number, tail: string | undefined): number {
  if (!tail) return 0;
  for (let k = 0; k < tail.length; k++) {
    const ch = text[at + k];
    if (ch === undefined || foldPunct(ch) !== tail[k]) return 0;
  }
  return tail.length;
}

/** U+FFFC, which the page highlighter puts between blocks (paragraphs, cells): no term spans it. */
const BLOCK_BREAK = '\uFFFC';

export interface MatchOptions {
  /**
   * At most this many matches in one block (the text between two U+FFFC): the rest of the block
   * is skipped. A page cannot make the matcher build a million matches out of one paragraph.
   */
  perBlock?: number;
}

export function matchConcepts(text: string, lexicon: CompiledLexicon, { perBlock = Infinity }: MatchOptions = {}): ConceptMatch[] {
  const p = prepare(lexicon);
  const { ci, cs, ciStarts, csStarts } = p;
  const matches: ConceptMatch[] = [];
  const cursor = new Cursor(text);
  const inReference = referenceChecker(text);
  const n = text.length;
  let i = 0;
  /** Where the current block ends (its break, or the text's end), and its matches so far. */
  let blockEnd = -1;
  let inBlock = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    if (code < 128 ? LOWER[code] === 0 : wideClassAt(text, i) !== START) {
      i += isHighSurrogate(code) ? 2 : 1;
      continue;
    }
    // One word, hashed lower-cased as the scan goes: no substring is made for it.
    const start = i;
    let h = 0;
    let ascii = true;
    for (;;) {
      if (code < 128) {
        h = (h * 31 + LOWER[code]!) & MASK;
        i++;
      } else {
        ascii = false;
        i += isHighSurrogate(code) ? 2 : 1;
      }
      if (i >= n) break;
      code = text.charCodeAt(i);
      if (code < 128 ? LOWER[code] === 0 : wideClassAt(text, i) === NONE) break;
    }
    // Each trie is walked with real strings only where its pre-walk says a term may start here.
    let inCi: boolean;
    let inCs: boolean;
    if (ascii) {
      inCi = has(ciStarts, h) && mayStart(ci, text, start, i, h, false);
      inCs = has(csStarts, h) && mayStart(cs, text, start, i, rawHash(text, start, i), true);
    } else {
      const lower = hashOf(keyOf(p, text, start, i, false, false));
      inCi = has(ciStarts, lower);
      inCs = has(csStarts, lower);
    }
    if (!inCi && !inCs) continue;
    const loose = inCi ? longestAt(p, ci, cursor, start, i, ascii, false) : undefined;
    const exact = inCs ? longestAt(p, cs, cursor, start, i, ascii, true) : undefined;
    // The longer term wins; on a tie the case-sensitive acronym, the more deliberate spelling.
    const hit = loose && (!exact || loose.end > exact.end) ? loose : exact;
    if (!hit) continue;
    i = hit.end; // non-overlapping: resume after the match's last word
    if (inReference(start, hit.end)) continue;
    if (start > blockEnd) {
      const next = text.indexOf(BLOCK_BREAK, start);
      blockEnd = next === -1 ? n : next;
      inBlock = 0;
    }
    if (++inBlock > perBlock) {
      i = blockEnd;
      continue;
    }
    matches.push({ conceptId: hit.node.concept!, start, end: hit.end + tailLength(text, hit.end, hit.node.tail) });
  }
  return matches;
}
