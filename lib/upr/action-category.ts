/**
 * UPR Info's action category (1 minimal ... 5 specific) of what a delegate types, and the words
 * that decided it. Two steps: the draft is read for the recommendations inside it
 * (lib/upr/draft-reading.ts: "We recommend that Syria ratify …" holds "Ratify …"), then the rules
 * of UPR Info's method note read each one as UPR Info would list it (lib/upr/action-rules.ts), and
 * where they say general (4) or specific (5) action, a small model learned from UPR Info's coding
 * makes that call (lib/upr/action-model.ts), naming the words that moved it.
 */
import { classifyByRules, OTHER_STATES, type ActionCategoryResult } from './action-rules';
import { bundledModel, modelCall, type CompiledModel } from './action-model';
import { readDraft, type DraftRecommendation } from './draft-reading';

export type { ActionCategory, ActionCategoryResult } from './action-rules';
export { CATEGORY_NAMES, classifyByRules, readOpening } from './action-rules';

export interface ReadCategory extends ActionCategoryResult {
  /** Set when the learned model moved the rules' 4 to 5 or their 5 to 4: the words that did it. */
  learned?: { from: 4 | 5; words: string[] };
}

export interface DraftCategory extends ReadCategory {
  /** The recommendation read out of the draft, verb first. */
  recommendation: DraftRecommendation;
}

const quote = (words: string[]) => words.map((w) => `"${w}"`).join(', ');

/**
 * One recommendation as UPR Info lists it: the rules, then the model where they say 4 or 5. The
 * deciding verb stays the rules' ("decided by 'ratify'"); a move says which words made it.
 */
export function classifyRecommendation(text: string, model: CompiledModel = bundledModel()): ReadCategory {
  const rules = classifyByRules(text);
  const call = modelCall(text, rules, model);
  if (!call || call.category === rules.category || (rules.category !== 4 && rules.category !== 5)) return rules;
  const [which, name, leave] = call.words.length ? [`words such as ${quote(call.words)}`, 'name', 'leave'] : ['its wording', 'names', 'leaves'];
  const reason = call.category === 5
    ? `${rules.verb ? `"${rules.verb}" alone reads as general action, but` : 'The verb is general, but'} ${which} ${name} a concrete step, as UPR Info's coders read them (category 5, specific action).`
    : `${rules.verb ? `"${rules.verb}" usually names a specific step, but` : 'Though the verb names a step,'} ${which} ${leave} what is done open, as UPR Info's coders read them (category 4, general action).`;
  return { category: call.category, verb: rules.verb, reason, learned: { from: rules.category, words: call.words } };
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
  if (own.toLowerCase() === verb.toLowerCase()) return own;
  // "that the Government ratifies" was read as "Ratify": the verb as asked, in the draft's case.
  return /^\p{Ll}/u.test(draft.slice(at, at + 1)) ? verb.toLowerCase() : verb;
}

function categoryOf(rec: DraftRecommendation, draft: string, model: CompiledModel): DraftCategory {
  if (otherStates(rec.addressee)) {
    return {
      category: 1,
      verb: rec.addressee,
      reason: 'It is addressed to other States or the international community, not to the State under Review (category 1, minimal action).',
      recommendation: rec,
    };
  }
  const r = classifyRecommendation(rec.listed, model);
  const verb = asWritten(r.verb, rec, draft);
  // The reason quotes the words as the draft has them too.
  return { ...r, verb, reason: r.reason.split(`"${r.verb}"`).join(`"${verb}"`), recommendation: rec };
}

/**
 * Each recommendation a draft holds, with its category and the words that decided: what a
 * delegate types ("We recommend that Syria ratify …", "Ireland recommends that Chad: 1. …") is read
 * for the recommendations inside it first.
 */
export function classifyDraft(text: string, model: CompiledModel = bundledModel()): DraftCategory[] {
  return readDraft(text).recommendations.map((rec) => categoryOf(rec, text, model));
}

/** The category of a draft: that of its first recommendation (UPR Info codes one recommendation at a time). */
export function classifyActionCategory(text: string, model: CompiledModel = bundledModel()): ReadCategory {
  const [first] = classifyDraft(text, model);
  if (!first) return classifyByRules(text);
  const { recommendation: _, ...result } = first;
  return result;
}
