/**
 * Tags a recommendation with the lexicon concepts in its text, the risk factors those concepts
 * point to, and whether it is "atrocity prevention relevant" (the rule: lib/library/relevance.ts
 * and data/atrocity-relevance.json).
 */
import type { Concept } from '../catalogue/schema';
import type { RelevanceRule } from './relevance';

export type ConceptFinder = (text: string) => ReadonlyArray<{ conceptId: string }>;

export interface RowTags {
  concepts: string[];
  riskFactors: string[];
  relevant: 0 | 1;
}

export type RowTagger = (text: string) => RowTags;

/** A tagger over a concept finder (the lib/concepts matcher in the extension), the lexicon's concepts and the relevance rule. */
export function rowTagger(match: ConceptFinder, concepts: readonly Concept[], relevant: RelevanceRule): RowTagger {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  return (text) => {
    const ids = [...new Set(match(text).map((m) => m.conceptId))].filter((id) => byId.has(id));
    const riskFactors = [...new Set(ids.flatMap((id) => byId.get(id)!.riskFactors))];
    return { concepts: ids, riskFactors, relevant: relevant(ids, text) };
  };
}
