/** The tagger bound to the bundled lexicon and the lib/concepts matcher (import worker, tests, bench). */
import { knowledgeBase } from '../catalogue/knowledge';
import { matchBundledConcepts } from '../concepts/bundled';
import { relevanceRule, type RelevanceRule } from './relevance';
import { rowTagger, type RowTagger } from './tag-row';

let rule: RelevanceRule | undefined;
/** The atrocity-prevention relevance rule of the bundled lexicon and data/atrocity-relevance.json. */
export function bundledRelevance(): RelevanceRule {
  const kb = knowledgeBase();
  return (rule ??= relevanceRule(kb.concepts, kb.atrocityRelevance));
}

let tagger: RowTagger | undefined;
export function bundledTagger(): RowTagger {
  return (tagger ??= rowTagger(matchBundledConcepts, knowledgeBase().concepts, bundledRelevance()));
}
