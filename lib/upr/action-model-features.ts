/**
 * What the learned 4-vs-5 model sees of one recommendation as UPR Info lists it: the rules'
 * reading (their category, the rule that decided, the deciding words) and the recommendation's own
 * words and word pairs. Shared by the training script and the side panel, so both read alike.
 */
import type { ActionCategoryResult } from './action-rules';

/** Words longer recommendations add after this many rarely change the call; it keeps the model small. */
export const MAX_TOKENS = 60;

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The rule that decided, without the words it quotes: "X asks for a specific step that can be c". */
export function ruleKind(reason: string): string {
  return reason.replace(/"[^"]*"/g, 'X').slice(0, 40);
}

/** Feature names: `rule=5`, `k=<rule kind>`, `v0=`/`vlast=` (the deciding words), `u=` a word, `b=` a word pair. */
export function modelFeatures(text: string, rules: ActionCategoryResult): string[] {
  const f = [`rule=${rules.category}`, `k=${ruleKind(rules.reason)}`];
  const verb = words(rules.verb);
  if (verb.length) f.push(`v0=${verb[0]}`, `vlast=${verb[verb.length - 1]}`);
  const w = words(text).slice(0, MAX_TOKENS);
  const seen = new Set<string>(f);
  for (let i = 0; i < w.length; i++) {
    seen.add(`u=${w[i]}`);
    if (i + 1 < w.length) seen.add(`b=${w[i]}_${w[i + 1]}`);
  }
  return [...seen];
}

/** Words that carry weight in the model but say nothing to a reader on their own. */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'by', 'with', 'and', 'or', 'as', 'at', 'its', 'their', 'it', 'all', 'be',
  'that', 'this', 'these', 'those', 'from', 'into', 'through', 'including', 'such', 'which', 'is', 'are', 'any', 'other',
  'further', 'more', 'also', 'within', 'towards', 'toward', 'between', 'against', 'under', 'so', 'who', 'has', 'have',
  'up', 'not', 'inter', 'alia', 'line', 'soon', 'possible', 'etc',
]);

/**
 * How a feature is shown to the user: "b=national_action" -> "national action", "b=ratify_the" ->
 * "ratify"; undefined for the rules' reading and for words such as "the" or "including by".
 */
export function featureWords(feature: string): string | undefined {
  if (!feature.startsWith('u=') && !feature.startsWith('b=')) return undefined;
  const shown = feature.slice(2).split('_').filter((w) => !FUNCTION_WORDS.has(w) && !/^\d+$/.test(w));
  return shown.length ? shown.join(' ') : undefined;
}
