/** The tagger bound to the bundled lexicon and the lib/concepts matcher (import worker, tests, bench). */
import { knowledgeBase } from '../catalogue/knowledge';
import { matchBundledConcepts } from '../concepts/bundled';
import { bundledRelevance } from './bundled-relevance';
import { rowTagger, type RowTagger } from './tag-row';

export { bundledRelevance };

let tagger: RowTagger | undefined;
export function bundledTagger(): RowTagger {
  return (tagger ??= rowTagger(matchBundledConcepts, knowledgeBase().concepts, bundledRelevance()));
}
