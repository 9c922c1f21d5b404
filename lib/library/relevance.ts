/**
 * Whether a UPR recommendation is "atrocity prevention relevant", from the lexicon concepts its
 * text names (lib/library/tag-row.ts finds them) and the rule in data/atrocity-relevance.json:
 *
 * - every atrocity crime or act (category `crime`), every atrocity risk (`risk`) and every
 *   principle linked to a risk factor counts by its category;
 * - the treaties of atrocity prevention, international justice and the tools of prevention
 *   listed in `counts` count whatever their category: "Ratify the Convention on the Prevention
 *   and Punishment of the Crime of Genocide" names the Genocide Convention, an instrument;
 * - everyday human-rights wording (`notByThemselves`: "international assistance", "the rule of
 *   law") never counts on its own;
 * - discrimination and exclusion (`onlyForAProtectedGroup`) count only when the text names a
 *   group that genocide and persecution target: "discrimination against the Roma" does,
 *   "gender discrimination in employment" does not;
 * - a concept listed as `ambiguous` does not count beside the concepts that change its meaning
 *   ("ICC" beside a national human rights institution is the body that accredits it).
 *
 * Pure: the import worker tags new rows with it; a library flagged under an earlier rule is
 * flagged again when its index is rebuilt (lib/library/store.ts, lib/library/bundled-relevance.ts).
 */
import type { AtrocityRelevance, Concept } from '../catalogue/schema';
import { escapeRegExp } from '../text/normalize';

export type RelevanceRule = (conceptIds: readonly string[], text: string) => 0 | 1;

const BY_CATEGORY = new Set<Concept['category']>(['crime', 'risk']);

/** A word or phrase of the list, in any case, plural or not, spaces and hyphens alike. */
function groupPattern(words: readonly string[]): RegExp {
  const alternatives = words.map((w) => w.split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+'));
  return new RegExp(`\\b(?:${alternatives.join('|')})(?:s|es)?\\b`, 'i');
}

export function relevanceRule(concepts: readonly Concept[], rule: AtrocityRelevance): RelevanceRule {
  const counts = new Set<string>(rule.counts.flatMap((l) => l.concepts));
  const never = new Set(rule.notByThemselves.concepts);
  const needsGroup = new Set(rule.onlyForAProtectedGroup.concepts);
  for (const c of concepts) {
    if (never.has(c.id) || needsGroup.has(c.id)) continue;
    if (BY_CATEGORY.has(c.category) || (c.category === 'principle' && c.riskFactors.length > 0)) counts.add(c.id);
  }
  const group = groupPattern(rule.onlyForAProtectedGroup.groupWords);
  const unlessAlso = new Map(rule.ambiguous.map((a) => [a.concept, a.unlessAlso]));
  return (ids, text) => {
    let askGroup = false;
    for (const id of ids) {
      if (counts.has(id) && !unlessAlso.get(id)?.some((other) => ids.includes(other))) return 1;
      if (needsGroup.has(id)) askGroup = true;
    }
    return askGroup && group.test(text) ? 1 : 0;
  };
}

