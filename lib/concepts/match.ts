/**
 * Finds lexicon concepts in running text: whole words and phrases only, leftmost-longest,
 * non-overlapping. Pure and data-free (the lexicon is a parameter) so the content script can
 * ship it with a precompiled table; `bundled.ts` binds it to the bundled knowledge base.
 *
 * Offsets are UTF-16 indices into the given string: `text.slice(start, end)` is the surface
 * text. A plural ending is part of the match ("NHRIs", "atrocities"); a possessive is not
 * ("State" in "State's", "States" in "States'"), because the apostrophe ends the word and the
 * highlight should cover the concept, not the grammar around it.
 */
import type { CompiledLexicon, TrieNode } from './compile';
import { foldPunct, foldSeparator, foldWord, HAS_CAPITAL, NON_ASCII, tokenize } from './text-tokens';

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
  concept: string | undefined;
  tail: string | undefined;
}

function toNode(node: TrieNode, concepts: readonly string[]): Node {
  return {
    next: node.n ? new Map(Object.entries(node.n).map(([k, v]) => [k, toNode(v, concepts)])) : undefined,
    concept: node.c === undefined ? undefined : concepts[node.c],
    tail: node.t,
  };
}

interface Prepared {
  ci: Node;
  cs: Node;
  /** Every acronym has a capital, so the many plain lower-case words skip the acronym walk. */
  acronymsNeedCapital: boolean;
}

/** Built once per lexicon object, then reused for every text. */
const prepared = new WeakMap<CompiledLexicon, Prepared>();
function prepare(lexicon: CompiledLexicon): Prepared {
  let ready = prepared.get(lexicon);
  if (!ready) {
    ready = {
      ci: toNode(lexicon.ci, lexicon.concepts),
      cs: toNode(lexicon.cs, lexicon.concepts),
      acronymsNeedCapital: Object.keys(lexicon.cs.n ?? {}).every((k) => /[A-Z]/.test(k)),
    };
    prepared.set(lexicon, ready);
  }
  return ready;
}

/** The page's words. Keys and separators are computed when a walk asks, not for every word up front. */
class Words {
  readonly starts: number[];
  readonly ends: number[];
  readonly flags: number[];
  /** The whole text lower-cased in one native call; undefined if that changed its length (offsets would drift). */
  private readonly lowerText: string | undefined;

  constructor(readonly text: string) {
    ({ starts: this.starts, ends: this.ends, flags: this.flags } = tokenize(text));
    const lower = text.toLowerCase();
    this.lowerText = lower.length === text.length ? lower : undefined;
  }

  key(j: number, caseSensitive: boolean): string {
    const start = this.starts[j]!;
    const end = this.ends[j]!;
    if (this.flags[j]! & NON_ASCII) {
      const folded = foldWord(this.text.slice(start, end));
      return caseSensitive ? folded : folded.toLowerCase();
    }
    if (caseSensitive) return this.text.slice(start, end);
    return this.lowerText ? this.lowerText.slice(start, end) : this.text.slice(start, end).toLowerCase();
  }

  /** Folded separator before word `j` (j > 0). Not cached: walks rarely pass the same gap twice. */
  sep(j: number): string {
    return foldSeparator(this.text.slice(this.ends[j - 1], this.starts[j]));
  }
}

const CONSONANT_Y = /[^aeiou]y$/;
const SIBILANT = /(?:s|x|z|ch|sh)$/;
const ACRONYM_END = /[A-Z0-9]$/;
const DIGIT = /[0-9]/;
/** Words are letters and digits only, so "no digit" means "alphabetic". */
const isStem = (w: string) => w.length >= 3 && !DIGIT.test(w);

/**
 * Singulars a page word may be the plural of, under the deliberately simple rule terms follow:
 * +s, +es after a sibilant ("processes"), y → ies after a consonant ("atrocities"); only for
 * alphabetic stems of 3+ letters, so "Pillar I" never matches "pillar is". Acronyms take +s
 * only ("NHRIs"). Irregular plurals ("crises") have to be listed in the lexicon.
 */
function singulars(word: string, caseSensitive: boolean): string[] {
  if (!word.endsWith('s')) return [];
  const minusS = word.slice(0, -1);
  if (caseSensitive) return minusS.length >= 2 && ACRONYM_END.test(minusS) ? [minusS] : [];
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
  lastWord: number;
  node: Node;
}

/** Longest term of one trie starting at word `i`: follow exact keys, accept a plural only as the last word. */
function longestAt(root: Node, words: Words, i: number, caseSensitive: boolean): Hit | undefined {
  let best: Hit | undefined;
  let node: Node | undefined = root;
  for (let j = i; node?.next && j < words.starts.length; j++) {
    const prefix = j === i ? '' : words.sep(j);
    const word = words.key(j, caseSensitive);
    const next: Node | undefined = node.next.get(prefix + word);
    if (next?.concept !== undefined) {
      best = { lastWord: j, node: next };
    } else {
      for (const singular of singulars(word, caseSensitive)) {
        const end = node.next.get(prefix + singular);
        if (end?.concept !== undefined) {
          best = { lastWord: j, node: end };
          break;
        }
      }
    }
    node = next;
  }
  return best;
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

export function matchConcepts(text: string, lexicon: CompiledLexicon): ConceptMatch[] {
  const { ci, cs, acronymsNeedCapital } = prepare(lexicon);
  const words = new Words(text);
  const matches: ConceptMatch[] = [];
  for (let i = 0; i < words.starts.length; i++) {
    const loose = longestAt(ci, words, i, false);
    const mayBeAcronym = !acronymsNeedCapital || words.flags[i]! & HAS_CAPITAL;
    const exact = mayBeAcronym ? longestAt(cs, words, i, true) : undefined;
    // The longer term wins; on a tie the case-sensitive acronym, the more deliberate spelling.
    const hit = loose && (!exact || loose.lastWord > exact.lastWord) ? loose : exact;
    if (!hit) continue;
    const wordEnd = words.ends[hit.lastWord]!;
    matches.push({
      conceptId: hit.node.concept!,
      start: words.starts[i]!,
      end: wordEnd + tailLength(text, wordEnd, hit.node.tail),
    });
    i = hit.lastWord; // non-overlapping: resume after the match
  }
  return matches;
}
