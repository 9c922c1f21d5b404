/**
 * Finding the verb that decides: past "Recommended that", "is encouraged to", an introductory
 * clause and adverbs, to the first verb of the lists that asks for something.
 */
import { VERB_CATEGORY, type ActionCategory } from '../action-verbs';
import { matchVerb, type VerbMatch } from '../verb-forms';
import { isAdverb, plainAdverb, skipAdverbs, type Token } from './tokens';
import { REPORTING, ADDRESSEE_WORDS, PASSIVE_ASK, ACTIVE_ASK, INTRO_WORDS, DETERMINERS, NOT_IMPERATIVE, SAME_PARTICIPLE, BE, MODALS, PREPOSITIONS } from './words';

export interface Found {
  index: number;
  match: VerbMatch;
  category: ActionCategory;
}

export function categoryOf(match: VerbMatch): ActionCategory {
  return VERB_CATEGORY.get(match.lemma) ?? 4;
}

export function skipReporting(tokens: Token[], start: number, clause: { that: boolean }): number {
  let i = start;
  for (let guard = 0; guard < 4; guard++) {
    const before = i;
    if (tokens[i]?.lower === 'it' && ['is', 'was'].includes(tokens[i + 1]?.lower ?? '')) i += 2;
    if (tokens[i] && REPORTING.has(tokens[i]!.lower)) {
      const verbIndex = i;
      i++;
      // "Recommended to the Government that", "Encourage Tunisia to work", "encouraged to".
      const stop = Math.min(tokens.length, i + 8);
      for (let j = i; j < stop; j++) {
        const t = tokens[j]!;
        if (t.lower === 'that') { i = j + 1; clause.that = true; break; }
        if (t.lower === 'to' && j > verbIndex + 1 && matchVerb(tokens[j + 1]?.lower ?? '')) { i = j + 1; break; }
        if (t.lower === 'to' && j === verbIndex + 1) { i = j + 1; break; }
        // Only an addressee may stand between: "Recommended to the Government that", "Encourage Tunisia to".
        const addressee = t.text[0] !== t.lower[0] || ADDRESSEE_WORDS.has(t.lower);
        if (!addressee) break;
      }
      if (['on', 'upon'].includes(tokens[i]?.lower ?? '')) i++;
    }
    if (tokens[i]?.lower === 'that') { i++; clause.that = true; }
    if (tokens[i]?.lower === 'to' && matchVerb(tokens[i + 1]?.lower ?? '')) i++;
    if (i === before) break;
  }
  return i;
}

/**
 * "Indonesia is encouraged to continue", "Welcomes X and encourages it to continue",
 * "Encouraged Benin, in particular in ..., to continue": what follows "to" is the request.
 */
export function encouragedTo(tokens: Token[]): number | undefined {
  const limit = Math.min(tokens.length, 40);
  for (let j = 1; j < limit; j++) {
    const t = tokens[j]!.lower;
    if (t === '.' || t === ';') break;
    if (BE.has(t) && PASSIVE_ASK.has(tokens[skipAdverbs(tokens, j + 1)]?.lower ?? '')) {
      let k = skipAdverbs(tokens, j + 1) + 1;
      if (['on', 'upon'].includes(tokens[k]?.lower ?? '')) k++;
      if (tokens[k]?.lower === 'to') return k + 1;
    }
    if (ACTIVE_ASK.has(t) && ['it', 'them'].includes(tokens[j + 1]?.lower ?? '') && tokens[j + 2]?.lower === 'to') return j + 3;
  }
  if (ACTIVE_ASK.has(tokens[0]?.lower ?? '') && tokens[1] && tokens[1].text[0] !== tokens[1].lower[0] && tokens[2]?.lower === ',') {
    for (let j = 3; j < limit; j++) {
      if (tokens[j]!.lower === '.') return undefined;
      if (tokens[j]!.lower === ',' && tokens[j + 1]?.lower === 'to') return j + 2;
    }
  }
  return undefined;
}

/** "While commending X, continue ..." / "With the support of the international community, continue ...": the main clause decides. */
export function skipIntroClause(tokens: Token[], start: number): number {
  const first = tokens[start];
  // "In line with …,", "Without delay,", "By 2027,", "Urgently,": what comes before the comma is not the ask.
  // An adverb only with its own comma: "Fully implement X, and give …" is not an intro clause.
  if (!first || !(INTRO_WORDS.has(first.lower) || (isAdverb(first.lower) && tokens[start + 1]?.lower === ','))) return start;
  if (first.lower === 'to' || first.lower === 'further') {
    // "To ratify ..." is an imperative, "Further strengthen" an adverb: no intro clause.
    return start;
  }
  for (let j = start + 1; j < tokens.length; j++) {
    if (tokens[j]!.lower !== ',') continue;
    const after = tokens[j + 1]?.lower ?? '';
    if (REPORTING.has(after) || after === 'it' || after === 'to') return j + 1;
    const k = skipAdverbs(tokens, j + 1);
    const m = tokens[k] ? matchVerb(tokens[k]!.lower) : undefined;
    // "release", "repeal" are read as nouns elsewhere, but here they open the main clause.
    if (m && (m.form === 'base' || m.form === 'third-person' || VERB_CATEGORY.has(tokens[k]!.lower))) return k;
  }
  return start;
}

/** "Display greater firmness" but not "Indonesia is encouraged" or "Sri Lanka's plan ... should be". */
export function looksImperative(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.punct) return false;
  if (BE.has(next.lower) || MODALS.has(next.lower) || next.lower === 's' || next.lower.startsWith("'")) return false;
  if (next.text[0] !== next.lower[0]) return false;
  return !tokens[i]!.lower.endsWith("'s");
}

/** The first action word: the imperative verb, or in a "that ... be adopted" clause the verb of the clause. */
export function findFirstVerb(tokens: Token[], start: number, thatClause: boolean): Found | undefined {
  let i = skipAdverbs(tokens, start);
  const headStart = i;
  while (tokens[i] && DETERMINERS.has(tokens[i]!.lower) && !matchVerb(tokens[i]!.lower)) i++;
  // "the swift adoption of", "the legislative sanctioning of": up to two adjectives before the noun.
  if (i > headStart && !thatClause) {
    for (let k = i + 1; k <= i + 2 && tokens[k]; k++) {
      const m = matchVerb(tokens[k]!.lower);
      if (m && (m.form === 'noun' || m.form === 'gerund') && tokens[k + 1]?.lower === 'of' && !matchVerb(tokens[i]!.lower)) { i = k; break; }
    }
  }
  const head = tokens[i];
  if (head && !head.punct) {
    // "Recommended including the right to strike in the law": a gerund heading the request.
    const m = head.lower === 'including' && start > 0 && i === headStart ? { lemma: 'include', form: 'gerund' as const } : matchVerb(head.lower);
    // After "the", only a noun made from a verb counts: "the adoption of", not "the draft law".
    // In a "that" clause the head is the subject: "that the prohibition of discrimination be strengthened".
    const nounPosition = i > headStart;
    // "the review of", "an exchange of": a verb that is also its own noun, followed by "of".
    const ownNoun = m?.form === 'base' && tokens[i + 1]?.lower === 'of';
    const accepted = !thatClause && (!nounPosition || m?.form === 'noun' || m?.form === 'gerund' || ownNoun);
    if (m && accepted) return { index: i, match: m, category: categoryOf(m) };
    // An imperative whose verb is not in the lists ("Display greater firmness"): general, and no later verb decides.
    if (!m && !thatClause && !nounPosition && head.text[0] !== head.lower[0] && i === 0 && !NOT_IMPERATIVE.has(head.lower) && looksImperative(tokens, i)) {
      return { index: i, match: { lemma: head.lower, form: 'base' }, category: 4 };
    }
  }
  // A clause with its own subject: "that the authorities take", "that polygamy be eliminated".
  const limit = Math.min(tokens.length, i + 30);
  let previous: Token | undefined;
  for (let j = i; j < limit; j++) {
    const t = tokens[j]!;
    if (t.punct) { previous = t; continue; }
    if (isAdverb(t.lower) && !matchVerb(t.lower)) continue;
    const capitalised = t.text[0] !== t.lower[0];
    const m = capitalised ? undefined : matchVerb(t.lower);
    if (m) {
      const prev = previous?.lower ?? '';
      const afterBe = BE.has(prev);
      const afterModal = MODALS.has(prev);
      const afterNounish = !!previous && !previous.punct && !DETERMINERS.has(prev) && !PREPOSITIONS.has(prev) && !BE.has(prev);
      // "that limits be set": a few verbs whose participle is their base form.
      if ((m.form === 'participle' || SAME_PARTICIPLE.has(t.lower)) && afterBe) return { index: j, match: { ...m, form: 'participle' }, category: categoryOf(m) };
      // "that Benin, following the Committee's advice, establish": a bare base form after an aside.
      const afterAside = thatClause && prev === ',' && m.form === 'base' && j > i + 1;
      if ((m.form === 'base' || m.form === 'third-person') && (afterModal || afterNounish || afterAside)) {
        return { index: j, match: m, category: categoryOf(m) };
      }
    }
    previous = t;
  }
  return undefined;
}

/** Index of the subject of "measures should be adopted": the word before the modal or "be". */
export function passiveSubject(tokens: Token[], verb: Found): number | undefined {
  if (verb.match.form !== 'participle') return undefined;
  let j = verb.index - 1;
  while (j >= 0 && plainAdverb(tokens[j])) j--;
  if (!BE.has(tokens[j]?.lower ?? '')) return undefined;
  j--;
  while (j >= 0 && (MODALS.has(tokens[j]!.lower) || plainAdverb(tokens[j]))) j--;
  return j >= 0 && !tokens[j]!.punct ? j : undefined;
}
