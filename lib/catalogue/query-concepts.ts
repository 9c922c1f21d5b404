/**
 * Recognises lexicon concepts in a short search query, forgiving the way people type:
 * any case ("icc"), plurals, a misspelt word ("genocide convension"), an unfinished last word.
 * Page text goes through the stricter matcher in lib/concepts; this one is for queries only.
 */
import Fuse from 'fuse.js';
import type { Concept } from './schema';
import { words } from '../text/normalize';

interface TermEntry {
  conceptId: string;
  words: string[];
}

export interface ConceptLexicon {
  byFirstWord: Map<string, TermEntry[]>;
  vocabulary: Set<string>;
  fuzzy: Fuse<string>;
  corrections: Map<string, string[]>;
}

/** Crude English singular: enough to meet "procedures" with "procedure". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function buildConceptLexicon(concepts: readonly Concept[]): ConceptLexicon {
  const byFirstWord = new Map<string, TermEntry[]>();
  const vocabulary = new Set<string>();
  for (const c of concepts) {
    for (const term of [c.label, ...c.variants, ...c.acronyms]) {
      const w = words(term).map(stem);
      if (!w.length) continue;
      w.forEach((x) => vocabulary.add(x));
      const list = byFirstWord.get(w[0]!) ?? [];
      list.push({ conceptId: c.id, words: w });
      byFirstWord.set(w[0]!, list);
    }
  }
  const fuzzy = new Fuse([...vocabulary].filter((w) => w.length >= 4), {
    includeScore: true,
    threshold: 0.3,
  });
  return { byFirstWord, vocabulary, fuzzy, corrections: new Map() };
}

/** The lexicon words a query word may stand for: itself, or its closest spellings. */
function readings(word: string, lex: ConceptLexicon): string[] {
  if (lex.vocabulary.has(word) || word.length < 5) return [word];
  let cached = lex.corrections.get(word);
  if (!cached) {
    cached = [word, ...lex.fuzzy.search(word, { limit: 3 }).map((r) => r.item)];
    lex.corrections.set(word, cached);
  }
  return cached;
}

/** Concept ids found in the query, longest phrase first at each position, each once. */
export function findQueryConcepts(query: string, lex: ConceptLexicon): string[] {
  const q = words(query).map(stem);
  const found: string[] = [];
  let i = 0;
  while (i < q.length) {
    let best: TermEntry | undefined;
    for (const first of readings(q[i]!, lex)) {
      for (const term of lex.byFirstWord.get(first) ?? []) {
        if (best && term.words.length <= best.words.length) continue;
        if (term.words.length > q.length - i) {
          continue;
        }
        const fits = term.words.every((w, k) => {
          const typed = q[i + k]!;
          const isLastTyped = i + k === q.length - 1;
          return (
            readings(typed, lex).includes(w) ||
            (isLastTyped && typed.length >= 3 && w.startsWith(typed))
          );
        });
        if (fits) best = term;
      }
    }
    if (best) {
      if (!found.includes(best.conceptId)) found.push(best.conceptId);
      i += best.words.length;
    } else {
      i += 1;
    }
  }
  return found;
}
