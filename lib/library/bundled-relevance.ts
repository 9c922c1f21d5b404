/** The atrocity-prevention relevance rule bound to the bundled lexicon and data/atrocity-relevance.json. */
import { knowledgeBase } from '../catalogue/knowledge';
import { relevanceRule, type RelevanceRule } from './relevance';
import { fnv1a } from '../text/hash';

let rule: RelevanceRule | undefined;
export function bundledRelevance(): RelevanceRule {
  const kb = knowledgeBase();
  return (rule ??= relevanceRule(kb.concepts, kb.atrocityRelevance));
}

let stamp: string | undefined;
/**
 * A fingerprint of what the rule reads (the data file, each concept's category and whether it
 * points to a risk factor). The stored index keeps the one it was flagged under: a library
 * flagged under another rule is flagged again as its index is rebuilt (lib/library/store.ts).
 */
export function bundledRelevanceStamp(): string {
  if (stamp) return stamp;
  const kb = knowledgeBase();
  const text = JSON.stringify([kb.atrocityRelevance, kb.concepts.map((c) => [c.id, c.category, c.riskFactors.length > 0])]);
  // A change anywhere changes it; nothing here needs a cryptographic hash.
  return (stamp = fnv1a(text).toString(36));
}
