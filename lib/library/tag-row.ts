/**
 * Tags a recommendation with the lexicon concepts in its text, the risk factors those concepts
 * point to, and whether it is "atrocity prevention relevant".
 *
 * Relevant means: the text names an atrocity crime or a risk concept (categories `crime` and
 * `risk`, e.g. torture, enforced disappearance, hate speech, impunity, armed conflict), or an R2P
 * principle that itself points to a risk factor (e.g. protection of civilians, international
 * humanitarian law, minority rights). General human-rights vocabulary that links to no risk factor
 * (the UPR process, treaty bodies, the principle "responsibility to protect" named in passing
 * without a risk) does not make a row relevant by itself. Documented in the Library tab's help.
 */
import type { Concept } from '../catalogue/schema';

export type ConceptFinder = (text: string) => ReadonlyArray<{ conceptId: string }>;

export interface RowTags {
  concepts: string[];
  riskFactors: string[];
  relevant: 0 | 1;
}

export type RowTagger = (text: string) => RowTags;

const RELEVANT_ALWAYS = new Set(['crime', 'risk']);

export function isRelevant(concepts: readonly Pick<Concept, 'category' | 'riskFactors'>[]): boolean {
  return concepts.some((c) => RELEVANT_ALWAYS.has(c.category) || (c.category === 'principle' && c.riskFactors.length > 0));
}

/** A tagger over a concept finder (the lib/concepts matcher in the extension) and the lexicon's concepts. */
export function rowTagger(match: ConceptFinder, concepts: readonly Concept[]): RowTagger {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  return (text) => {
    const ids = [...new Set(match(text).map((m) => m.conceptId))].filter((id) => byId.has(id));
    const found = ids.map((id) => byId.get(id)!);
    const riskFactors = [...new Set(found.flatMap((c) => c.riskFactors))];
    return { concepts: ids, riskFactors, relevant: isRelevant(found) ? 1 : 0 };
  };
}
