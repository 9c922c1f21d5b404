/**
 * The rules behind UPR Info's action category (1 minimal ... 5 specific) of one recommendation as
 * UPR Info lists it, by its method note: the first verb decides; of two opening verbs the second; a
 * general action made concrete by a specific example is specific; recommendations to other States
 * are minimal. Verb lists and phrase rules only; lib/upr/action-category.ts reads the draft first
 * and weighs these rules' reading with what the coders did in rows like it (lib/upr/action-model.ts).
 */
import { CATEGORY_NAMES, type ActionCategory } from './action-verbs';
import { matchVerb } from './verb-forms';
import { tokenize, skipAdverbs, joinWords, clauseAfter, quoted } from './action-rules/tokens';
import { REQUESTING, HELP_GIVING, HELP_SEEKING, HELP_WORDS, ASSISTANCE, STOPPING_VERBS, LEGAL_VERBS, ABSTRACT_OBJECTS, DETERMINERS, BE, REPORT_OBJECTS, TRAINING_OBJECTS, GIVING, STUDY_OBJECTS, DOING, SETTING_A_LEVEL, QUANTITIES, INTO_LAW_VERBS } from './action-rules/words';
import { categoryOf, passiveSubject } from './action-rules/verbs';
import { isGeneralObject, existingDocument, verbWithObject, objectHead, specificExample, objectPhrase, intoLaw, meansOfContinuing } from './action-rules/objects';
import { readOpeningTokens } from './action-rules/opening';

export type { ActionCategory } from './action-verbs';
export { CATEGORY_NAMES } from './action-verbs';
export { OTHER_STATES } from './action-rules/words';
export { readOpening, type RecommendationOpening } from './action-rules/opening';

export interface ActionCategoryResult {
  category: ActionCategory;
  /** The words that decided, as written ("Continue and strengthen", "take measures"); "" when none was found. */
  verb: string;
  /** Why, in plain English. */
  reason: string;
}

function result(category: ActionCategory, verb: string, reason: string): ActionCategoryResult {
  return { category, verb, reason };
}

const CATEGORY_MEANING: Record<ActionCategory, string> = {
  1: 'asks for minimal action',
  2: 'asks the State to keep doing what it already does',
  3: 'asks the State to consider a change, without committing to it',
  4: 'asks for action, but leaves open what exactly is done',
  5: 'asks for a specific step that can be checked',
};

export function explain(category: ActionCategory, verb: string): string {
  return `${quoted(verb)} ${CATEGORY_MEANING[category]} (category ${category}, ${CATEGORY_NAMES[category]}).`;
}

/** One recommendation as UPR Info lists one ("Ratify …", "Recommended that …"), by the rules alone. */
export function classifyByRules(text: string): ActionCategoryResult {
  const tokens = tokenize(text);
  const lowered = tokens.map((t) => t.lower).join(' ');
  if (tokens.length === 0) {
    return result(4, '', 'No words to classify yet; a recommendation should start with an action verb.');
  }

  const { first, otherAddressee } = readOpeningTokens(tokens);
  if (otherAddressee) {
    return result(1, otherAddressee, 'It is addressed to other States or the international community, not to the State under Review (category 1, minimal action).');
  }

  // Its experience offered to others: "Share with other countries ...", "be emulated by other countries".
  if (/\bbe emulated\b/.test(lowered)) {
    return result(1, first ? tokens[first.index]!.text : '', 'It is about what other States could learn from or receive from this State, not action at home (category 1, minimal action).');
  }

  // "Requested more information on ...", "Requested that [the SuR]'s needs for technical cooperation be addressed".
  if (REQUESTING.has(tokens[0]!.lower) && /\b(?:information|assistance|cooperation|needs)\b/.test(lowered)) {
    return result(1, tokens[0]!.text, 'It asks for information or for help to be given, not for action by the State (category 1, minimal action).');
  }

  // "that Mali be provided with technical assistance": others are asked to help.
  if (first && first.match.form === 'participle' && HELP_GIVING.has(first.match.lemma) && BE.has(tokens[first.index - 1]?.lower ?? '')
    && ASSISTANCE.test(tokens.slice(Math.max(0, first.index - 6), first.index + 6).map((t) => t.lower).join(' '))) {
    return result(1, tokens[first.index]!.text, 'It asks that help be given to the State, that is, action by others (category 1, minimal action).');
  }

  if (!first) {
    return result(4, '', 'No action verb found at the start; read as a general action (category 4). Start with a verb such as "ratify" or "adopt".');
  }

  let chosen = first;
  let verbText = tokens[first.index]!.text;
  let twoVerbs = false;

  // "Do not apply the death penalty to minors": a prohibition; the verb after "not" says how specific it is.
  if (first.match.lemma === 'do' && tokens[first.index + 1]?.lower === 'not') {
    const k = skipAdverbs(tokens, first.index + 2);
    const negated = tokens[k] ? matchVerb(tokens[k]!.lower) : undefined;
    if (negated) {
      chosen = { index: k, match: negated, category: categoryOf(negated) };
      verbText = joinWords(tokens, first.index, k);
    }
  }

  // Two opening verbs: "Continue and strengthen" -> strengthen; "Sign and ratify" -> ratify.
  const andAt = skipAdverbs(tokens, first.index + 1);
  if (tokens[andAt]?.lower === 'and' || (tokens[andAt]?.lower === ',' && tokens[andAt + 1]?.lower !== 'and')) {
    const k = skipAdverbs(tokens, andAt + 1);
    const second = tokens[k] && !tokens[k]!.punct ? matchVerb(tokens[k]!.lower) : undefined;
    if (second && second.form === first.match.form && second.lemma !== first.match.lemma) {
      chosen = { index: k, match: second, category: categoryOf(second) };
      verbText = joinWords(tokens, first.index, k);
      twoVerbs = true;
    }
  }

  // "Continue its efforts, including by adopting a law": the means named is what is asked for.
  if (chosen.category === 2) {
    const means = meansOfContinuing(tokens, chosen.index + 1);
    if (means) {
      const name = `${verbText} … ${means.text}`;
      return result(means.category, name, `${quoted(verbText)} asks to go on, but names how (${quoted(means.text)}); that decides: ${explain(means.category, means.text)}`);
    }
  }

  const lemma = chosen.match.lemma;
  const after = chosen.index + 1;
  const nextLower = tokens[after]?.lower ?? '';
  let category = chosen.category;
  let reason = '';

  // Verb phrases whose meaning the verb alone does not give.
  // In a passive ("that further measures be adopted") what is acted on is the subject before "be".
  const passive = passiveSubject(tokens, chosen);
  // "the adoption of further measures": after a noun made from the verb, the object follows "of".
  const objectStart = (chosen.match.form === 'noun' || chosen.match.form === 'gerund') && nextLower === 'of' ? after + 1 : after;
  const headIndex = passive ?? objectHead(tokens, objectStart);
  const head = tokens[headIndex]?.lower ?? '';
  if (lemma === 'call' && ['on', 'upon'].includes(nextLower)) {
    category = 1; verbText = `${verbText} ${nextLower}`;
  } else if ((lemma === 'seek' || lemma === 'request') && ASSISTANCE.test(lowered)) {
    category = 1;
    reason = `${quoted(verbText)} asks the State to look for help from others (category 1, minimal action).`;
  } else if (category === 4 && passive === undefined && /\bstanding invitations?\b/.test(objectPhrase(tokens, after).join(' '))) {
    // "Address a standing invitation to the special procedures": a concrete, checkable step.
    category = 5;
    reason = `${quoted(verbText)} asks for a standing invitation to the special procedures, a step that can be checked (category 5, specific action).`;
  } else if (category === 4 && SETTING_A_LEVEL.has(lemma) && passive === undefined && objectPhrase(tokens, after).some((w) => QUANTITIES.has(w))) {
    // "Increase the age of criminal responsibility", "raise the budget allocation": a figure one can check.
    category = 5;
    reason = `${quoted(verbText)} asks to change a figure the State sets itself, which can be checked (category 5, specific action).`;
  } else if (category === 4 && passive === undefined && objectPhrase(tokens, after).some((w) => REPORT_OBJECTS.has(w))) {
    // "Provide a follow-up report", "meet its reporting obligations": a report due is a step one can check.
    category = 5;
    reason = `${quoted(verbText)} asks for a report or a reply, a step that can be checked (category 5, specific action).`;
  } else if (GIVING.has(lemma) && passive === undefined && objectPhrase(tokens, after).some((w) => TRAINING_OBJECTS.has(w))) {
    category = 5;
    reason = `${quoted(verbText)} asks for training or education to be given, a step that can be checked (category 5, specific action).`;
  } else if (DOING.has(lemma) && passive === undefined && objectPhrase(tokens, lemma === 'carry' && nextLower === 'out' ? after + 1 : after).some((w) => STUDY_OBJECTS.has(w))) {
    category = 3;
    verbText = `${verbText}${lemma === 'carry' ? ' out' : ''} a ${objectPhrase(tokens, lemma === 'carry' ? after + 1 : after).find((w) => STUDY_OBJECTS.has(w))}`;
    reason = `${quoted(verbText)} asks the State to study the question first, without committing to a change (category 3, considering action).`;
  } else if (category === 4 && INTO_LAW_VERBS.has(lemma) && intoLaw(tokens, after)) {
    // "Include sexual orientation in equality laws": writing something into law is a legal step.
    category = 5;
    reason = `${quoted(verbText)} asks for something to be written into law, a step that can be checked (category 5, specific action).`;
  } else if (HELP_SEEKING.has(lemma) && HELP_WORDS.test(clauseAfter(tokens, chosen.index, 20))) {
    category = 1;
    reason = `${quoted(verbText)} asks the State to seek help or say what help it needs (category 1, minimal action).`;
  } else if (lemma === 'share' || lemma === 'exchange' || first.match.lemma === 'share') {
    category = 1;
    reason = `${quoted(verbText)} asks the State to share information or experience (category 1, minimal action).`;
  } else if (lemma === 'proceed' && ['with', 'to'].includes(nextLower)) {
    // "Proceed with ratifying", "proceed to the ratification of": the step named after decides.
    let k = skipAdverbs(tokens, after + 1);
    while (tokens[k] && DETERMINERS.has(tokens[k]!.lower)) k++;
    const then = tokens[k] && !tokens[k]!.punct ? matchVerb(tokens[k]!.lower) : undefined;
    if (then) { chosen = { index: k, match: then, category: categoryOf(then) }; category = chosen.category; verbText = `${verbText} ${nextLower} ${tokens[k]!.text}`; }
  } else if (lemma === 'seek' && nextLower === 'to') {
    // "Seek to promote awareness": the verb after "to" decides.
    const k = skipAdverbs(tokens, after + 1);
    const then = tokens[k] ? matchVerb(tokens[k]!.lower) : undefined;
    if (then) { chosen = { index: k, match: then, category: categoryOf(then) }; category = chosen.category; verbText = `${verbText} to ${tokens[k]!.text}`; }
  } else if (lemma === 'seek' && ['ways', 'means'].includes(nextLower)) {
    category = 4; verbText = `${verbText} ${nextLower}`;
  } else if (lemma === 'give' && tokens.slice(after, after + 5).some((t) => t.lower === 'consideration')) {
    category = 3; verbText = `${verbText} consideration`;
  } else if (lemma === 'take' && ['account', 'into'].includes(nextLower)) {
    category = 4; verbText = `${verbText} into account`;
  } else if (lemma === 'put' && (head === 'end' || nextLower === 'an')) {
    // UPR Info's coders read "put an end to" as general unless a concrete step follows.
    category = 4; verbText = `${verbText} an end to`;
  } else if (lemma === 'put' && tokens.slice(after, after + 8).some((t, n, arr) => t.lower === 'effect' && ['in', 'into'].includes(arr[n - 1]?.lower ?? ''))) {
    category = 5; verbText = `${verbText} into effect`;
  } else if ((lemma === 'put' && nextLower === 'in' && tokens[after + 1]?.lower === 'place') || (lemma === 'set' && nextLower === 'up')) {
    // Setting up something concrete is specific; "put in place measures" is not.
    const particle = lemma === 'put' ? 'in place' : 'up';
    const placed = passive !== undefined ? head : tokens[objectHead(tokens, after + particle.split(' ').length)]?.lower ?? '';
    category = isGeneralObject(placed) ? 4 : 5; verbText = `${verbText} ${particle}`;
  } else if ((lemma === 'step' || lemma === 'speed' || lemma === 'follow') && nextLower === 'up') {
    category = 4; verbText = `${verbText} up`;
  } else if (category === 5 && isGeneralObject(head) && !LEGAL_VERBS.has(lemma) && !STOPPING_VERBS.has(lemma) && !existingDocument(tokens, objectStart, head)) {
    // "Adopt measures", "implement effective steps": a specific verb with an open-ended object.
    category = 4;
    verbText = verbWithObject(tokens, chosen.index, headIndex);
    reason = `${quoted(verbText)} names a kind of action but not which one, so it is a general action (category 4).`;
  } else if (category === 5 && !LEGAL_VERBS.has(lemma) && ABSTRACT_OBJECTS.has(head)) {
    // "Eliminate discrimination", "create a climate of tolerance": a goal, not a step one can check.
    category = 4;
    verbText = verbWithObject(tokens, chosen.index, headIndex);
    reason = `${quoted(verbText)} names a goal rather than a concrete step, so it is a general action (category 4).`;
  } else if (lemma === 'take' || lemma === 'make') {
    if (isGeneralObject(head)) verbText = verbWithObject(tokens, chosen.index, headIndex);
  }

  // A general action made concrete by a specific example: "Improve women's rights by amending the family code".
  if (category === 4) {
    const example = specificExample(tokens, after);
    if (example) {
      return result(5, `${verbText} … ${example}`, `${quoted(verbText)} is general, but the recommendation names a specific step (${quoted(example)}), so it counts as specific action (category 5).`);
    }
  }

  if (!reason) {
    reason = twoVerbs
      ? `It opens with two verbs; the second decides. ${explain(category, tokens[chosen.index]!.text)}`
      : explain(category, verbText);
  }
  return result(category, verbText, reason);
}
