/**
 * UPR Info's action category (1 minimal ... 5 specific) of what a delegate types, and the words
 * that decided it. Two steps: the draft is read for the recommendations inside it
 * (lib/upr/draft-reading.ts: "We recommend that Syria ratify …" holds "Ratify …"), then the rules
 * of UPR Info's method note read each one as UPR Info would list it (lib/upr/action-rules.ts).
 */
import { classifyByRules, OTHER_STATES, type ActionCategoryResult } from './action-rules';
import { readDraft, type DraftRecommendation } from './draft-reading';

export type { ActionCategory, ActionCategoryResult } from './action-rules';
export { CATEGORY_NAMES, classifyByRules, readOpening } from './action-rules';

export interface DraftCategory extends ActionCategoryResult {
  /** The recommendation read out of the draft, verb first. */
  recommendation: DraftRecommendation;
}

/** "the international community", "donors": someone other than the State under Review. */
export function otherStates(addressee: string): boolean {
  const lower = addressee.toLowerCase();
  return OTHER_STATES.some((re) => re.test(lower));
}

/** The words as the draft has them: "ratify", not the "Ratify" of the recommendation read out of "that Syria ratify". */
function asWritten(verb: string, rec: DraftRecommendation, draft: string): string {
  const at = rec.listed === rec.text ? rec.start : rec.end - rec.listed.length;
  const own = draft.slice(at, at + verb.length);
  return own.toLowerCase() === verb.toLowerCase() ? own : verb;
}

function categoryOf(rec: DraftRecommendation, draft: string): DraftCategory {
  if (otherStates(rec.addressee)) {
    return {
      category: 1,
      verb: rec.addressee,
      reason: 'It is addressed to other States or the international community, not to the State under Review (category 1, minimal action).',
      recommendation: rec,
    };
  }
  const r = classifyByRules(rec.listed);
  const verb = asWritten(r.verb, rec, draft);
  // The reason quotes the words as the draft has them too.
  return { ...r, verb, reason: r.reason.split(`"${r.verb}"`).join(`"${verb}"`), recommendation: rec };
}

/**
 * Each recommendation a draft holds, with its category and the words that decided: what a
 * delegate types ("We recommend that Syria ratify …", "Ireland recommends that Chad: 1. …") is read
 * for the recommendations inside it first.
 */
export function classifyDraft(text: string): DraftCategory[] {
  return readDraft(text).recommendations.map((rec) => categoryOf(rec, text));
}

/** The category of a draft: that of its first recommendation (UPR Info codes one recommendation at a time). */
export function classifyActionCategory(text: string): ActionCategoryResult {
  const [first] = classifyDraft(text);
  if (!first) return classifyByRules(text);
  const { recommendation: _, ...result } = first;
  return result;
}
