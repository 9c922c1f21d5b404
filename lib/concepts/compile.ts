/**
 * Compiles the concept lexicon once into two word tries (plain JSON data), so matching a page
 * costs one walk per word of the page however many terms there are.
 *
 * - `ci`: labels and variants, keyed by lower-cased, accent-free words (case-insensitive).
 * - `cs`: acronyms, keyed by accent-free words with their case ("ICC" but not "icc").
 *
 * An edge key is the folded separator before a word plus the word: "Cote d'Ivoire" is
 * "cote" → " d" → "'ivoire". Keeping the separator in the key means "60/1" and "national, ethnic"
 * need their punctuation while any hyphen, dash or whitespace between words is just " ".
 *
 * Plurals are not stored: the matcher tries the singular of a page's word at a term's end, which
 * keeps the shipped table small (about 70 KB of JSON for the 200-concept lexicon).
 */
import type { Concept } from '../catalogue/schema';
import { foldSeparator, foldTail, foldWord, tokenize } from './text-tokens';

export type LexiconEntry = Pick<Concept, 'id' | 'label' | 'variants' | 'acronyms'>;

export interface TrieNode {
  /** Children by edge key (separator + folded word). */
  n?: Record<string, TrieNode>;
  /** A term ends here: index into `CompiledLexicon.concepts`. */
  c?: number;
  /** Trailing punctuation of that term, taken into the match when the page has it: ")" of "Article 4(h)". */
  t?: string;
}

export const LEXICON_FORMAT = 'r2p-concepts@1';

export interface CompiledLexicon {
  format: typeof LEXICON_FORMAT;
  /** Concept ids; trie nodes point here by index to keep the JSON small. */
  concepts: string[];
  ci: TrieNode;
  cs: TrieNode;
}

/** Edge keys of one term (undefined for a term with no word at all), and its trailing punctuation. */
function termKeys(term: string, caseSensitive: boolean): { keys: string[]; tail: string } | undefined {
  const { starts, ends } = tokenize(term);
  if (starts.length === 0) return undefined;
  const keys = starts.map((start, i) => {
    const word = foldWord(term.slice(start, ends[i]));
    const sep = i === 0 ? '' : foldSeparator(term.slice(ends[i - 1], start));
    return sep + (caseSensitive ? word : word.toLowerCase());
  });
  return { keys, tail: foldTail(term.slice(ends[ends.length - 1])) };
}

function* termsOf(entry: LexiconEntry): Generator<{ term: string; caseSensitive: boolean }> {
  for (const term of [entry.label, ...entry.variants]) yield { term, caseSensitive: false };
  for (const term of entry.acronyms) yield { term, caseSensitive: true };
}

export function compileLexicon(entries: readonly LexiconEntry[]): CompiledLexicon {
  const lexicon: CompiledLexicon = { format: LEXICON_FORMAT, concepts: [], ci: {}, cs: {} };
  entries.forEach((entry, index) => {
    lexicon.concepts.push(entry.id);
    for (const { term, caseSensitive } of termsOf(entry)) {
      const compiled = termKeys(term, caseSensitive);
      if (!compiled) continue;
      let node = caseSensitive ? lexicon.cs : lexicon.ci;
      for (const key of compiled.keys) {
        // Null-prototype maps: a page word like "constructor" must not find Object.prototype.
        node.n ??= Object.create(null) as Record<string, TrieNode>;
        node = node.n[key] ??= {};
      }
      // The first concept to claim a term keeps it; termCollisions() reports such clashes.
      if (node.c === undefined) {
        node.c = index;
        if (compiled.tail) node.t = compiled.tail;
      }
    }
  });
  return lexicon;
}

/**
 * Terms that two concepts both claim, as the matcher would see them: the same case-insensitive
 * words, the same acronym, or an acronym that a case-insensitive term of another concept also
 * spells. The data tests expect none, since only one of the two could ever be shown.
 */
export function termCollisions(entries: readonly LexiconEntry[]): { term: string; conceptIds: string[] }[] {
  const owners = new Map<string, Set<string>>();
  const claim = (key: string, id: string) => {
    const set = owners.get(key) ?? new Set<string>();
    owners.set(key, set.add(id));
  };
  for (const entry of entries) {
    for (const { term, caseSensitive } of termsOf(entry)) {
      const compiled = termKeys(term, caseSensitive);
      if (!compiled) continue;
      const words = compiled.keys.join('');
      claim(`${caseSensitive ? 'cs' : 'ci'}:${words}`, entry.id);
    }
  }
  for (const [key, ids] of owners) {
    if (!key.startsWith('cs:')) continue;
    const same = owners.get(`ci:${key.slice(3).toLowerCase()}`);
    // An acronym and a plain term of the same concept agreeing is fine; only a foreign owner clashes.
    if (same) for (const id of same) if (!ids.has(id)) ids.add(id);
  }
  return [...owners]
    .filter(([, ids]) => ids.size > 1)
    .map(([key, ids]) => ({ term: key.slice(3), conceptIds: [...ids] }));
}

export function serializeLexicon(lexicon: CompiledLexicon): string {
  return JSON.stringify(lexicon);
}

/** Accepts the JSON text or an already parsed object (a bundler's JSON import). */
export function deserializeLexicon(data: string | unknown): CompiledLexicon {
  const value: unknown = typeof data === 'string' ? JSON.parse(data) : data;
  const lexicon = value as Partial<CompiledLexicon> | null;
  if (!lexicon || lexicon.format !== LEXICON_FORMAT || !Array.isArray(lexicon.concepts) || !lexicon.ci || !lexicon.cs) {
    throw new Error(`not a compiled concept lexicon (${LEXICON_FORMAT})`);
  }
  return lexicon as CompiledLexicon;
}
