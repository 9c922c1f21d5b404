/**
 * Recognises lexicon concepts in a short search query, forgiving the way people type:
 * any case ("icc"), plurals, a misspelt word ("genocide convension"), an unfinished last word.
 * Page text goes through the stricter matcher in lib/concepts; this one is for queries only.
 */
import type { Concept } from './schema';
import { words } from '../text/normalize';
import { stem } from '../text/stem';
import { TypoVocabulary } from '../text/typo-vocabulary';

interface TermEntry {
  conceptId: string;
  /** Stemmed, folded words, for matching. */
  words: string[];
  /** The term as the lexicon spells it, to put in place of what was typed. */
  text: string;
}

export interface ConceptLexicon {
  byFirstWord: Map<string, TermEntry[]>;
  vocabulary: TypoVocabulary;
}

export interface QueryConcepts {
  /** Concept ids found in the query, in query order, each once. */
  ids: string[];
  /** The query with each recognised phrase spelt as the lexicon spells it ("rome statue" -> "Rome Statute"). */
  corrected: string;
  /** Typed words read as another word of a concept's name ("statue" as "statute"): typos, not unfinished words. */
  typos: Array<{ typed: string; read: string }>;
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
      list.push({ conceptId: c.id, words: w, text: term });
      byFirstWord.set(w[0]!, list);
    }
  }
  return { byFirstWord, vocabulary: new TypoVocabulary(vocabulary) };
}

/** What a typed word may stand for: itself, and (unless typos are off) the lexicon words within its typo allowance. */
function readings(word: string, lex: ConceptLexicon, typos: boolean): string[] {
  return lex.vocabulary.has(word) || !typos ? [word] : [word, ...lex.vocabulary.corrections(word)];
}

/** Concepts named in the query, the longest phrase winning at each position; `typos: false` takes the words as typed. */
export function findQueryConcepts(query: string, lex: ConceptLexicon, { typos = true } = {}): QueryConcepts {
  const typedWords = words(query);
  const q = typedWords.map(stem);
  const found: string[] = [];
  const out: string[] = [];
  const misspelt: QueryConcepts['typos'] = [];
  let i = 0;
  while (i < q.length) {
    let best: TermEntry | undefined;
    for (const first of readings(q[i]!, lex, typos)) {
      for (const term of lex.byFirstWord.get(first) ?? []) {
        if (term.words.length > q.length - i || (best && term.words.length <= best.words.length)) continue;
        const fits = term.words.every((w, k) => {
          const typed = q[i + k]!;
          const stillTyping = i + k === q.length - 1 && typed.length >= 3;
          return readings(typed, lex, typos).includes(w) || (stillTyping && w.startsWith(typed));
        });
        if (fits) best = term;
      }
    }
    if (best) {
      if (!found.includes(best.conceptId)) found.push(best.conceptId);
      best.words.forEach((w, k) => {
        const typed = q[i + k]!;
        if (typed !== w && readings(typed, lex, typos).includes(w)) misspelt.push({ typed: typedWords[i + k]!, read: w });
      });
      out.push(best.text);
      i += best.words.length;
    } else {
      out.push(typedWords[i]!);
      i += 1;
    }
  }
  return { ids: found, corrected: out.join(' '), typos: misspelt };
}
