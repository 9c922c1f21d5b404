/**
 * The actions a UPR sentence asks for. A UPR recommendation carries one action: "Establish X and
 * ensure Y" is two recommendations in one, which the State under Review can only support or note
 * together, and whose follow-up cannot be reported on separately. This finds the imperative verbs
 * that open the sentence's coordinated clauses; the bundled data is checked with it
 * (scripts/validate-data.ts), and a sentence that keeps two actions on purpose says why.
 */
import { VERB_CATEGORY } from './action-verbs';

/** Imperatives UPR Info's lists leave out but our sentences use. */
const MORE_VERBS = [
  'require', 'reaffirm', 'refer', 'answer', 'explain', 'propose', 'vote', 'exclude', 'assign', 'affirm', 'mandate', 'map',
];
const isVerb = (w: string) => VERB_CATEGORY.has(w) || MORE_VERBS.includes(w);

/**
 * Verbs that are as often nouns ("the national report and support for victims"): read as a verb
 * only when what follows opens an object or a complement.
 */
const NOUN_TOO = new Set([
  'support', 'report', 'review', 'use', 'control', 'plan', 'work', 'change', 'record', 'study', 'issue',
  'release', 'end', 'place', 'fund', 'help', 'step', 'lead', 'display', 'draft', 'design', 'exchange',
  'request', 'progress', 'train', 'guarantee', 'finance', 'reform', 'monitor', 'focus', 'target', 'address',
  'increase', 'limit', 'stress', 'benefit', 'offer', 'share', 'value', 'register', 'ban', 'set', 'track',
  'transfer', 'vote', 'act', 'commit', 'access', 'return', 'respect', 'treat', 'deal', 'answer', 'pay', 'bear',
]);
const OBJECT_OPENERS = new Set([
  'the', 'a', 'an', 'its', 'their', 'all', 'any', 'every', 'each', 'it', 'them', 'this', 'these', 'those',
  'on', 'publicly', 'regularly', 'fully', 'such', 'national', 'that', 'for',
]);
/** A verb after one of these belongs to a subordinate clause: "mandated to monitor and report". */
const SUBORDINATORS = new Set([
  'to', 'that', 'which', 'who', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall', 'not', 'help',
]);

/** How many words an "and" may follow a subordinate verb and still belong to its clause. */
const SUBORDINATE_REACH = 5;

export interface Action {
  verb: string;
  /** Word position in the sentence (0 = first word). */
  at: number;
}

/** The actions a sentence asks for, in order: one for a well-formed UPR recommendation. */
export function actionsIn(text: string): Action[] {
  const tokens = text.toLowerCase().match(/[a-z][a-z'-]*|[,;:]/g) ?? [];
  const first = tokens.findIndex(isVerb);
  if (first < 0) return [];
  const actions: Action[] = [{ verb: tokens[first]!, at: first }];
  // Where the last verb of a subordinate clause was: "to monitor and report" is one clause, but
  // "the responsibility to protect ... on the agenda and contribute" has left it long before.
  let subordinateAt = -Infinity;
  for (let i = first + 1; i < tokens.length; i++) {
    const w = tokens[i]!;
    if (!isVerb(w)) continue;
    // "and publicly explain": look past one adverb.
    const back = /ly$/.test(tokens[i - 1] ?? '') ? 1 : 0;
    const prev = tokens[i - 1 - back] ?? '';
    if (SUBORDINATORS.has(prev)) {
      subordinateAt = i;
      continue;
    }
    const objectFollows = !NOUN_TOO.has(w) || OBJECT_OPENERS.has(tokens[i + 1] ?? '');
    // "comply ... and do not weaken": an auxiliary inside the clause, not a new imperative.
    if (!objectFollows || tokens[i + 1] === 'not') continue;
    // ", and ratify" or "; ratify": a new clause, whatever came before. UN style puts no comma
    // before the "and" of a list, so the comma marks the clause.
    const newClause = prev === ';' || (prev === 'and' && tokens[i - 2 - back] === ',');
    // "Ratify X and implement Y", "Sign, ratify ...": coordinated with the main imperative.
    const inSubordinate = i - subordinateAt <= SUBORDINATE_REACH;
    const coordinated = (prev === 'and' || (prev === ',' && i - 2 === actions.at(-1)!.at)) && !inSubordinate;
    if (newClause || coordinated) {
      actions.push({ verb: w, at: i });
      subordinateAt = -Infinity;
    } else if (inSubordinate) subordinateAt = i;
  }
  return actions;
}
