/**
 * What the deciding verb acts on: its object's head, whether that object is general or concrete,
 * a specific step given as an example ("including by adopting …"), a law it goes into, the means
 * of a continuing action.
 */
import type { ActionCategory } from '../action-verbs';
import { matchVerb } from '../verb-forms';
import { skipAdverbs, joinWords, type Token } from './tokens';
import { GENERAL_OBJECTS, BARE_GENERAL_OBJECTS, COMPOUND_HEADS, OBJECT_FILLERS, SPECIFIC_EXAMPLE_LEAD, NOUN_PHRASE_END, LAW_WORDS, MEANS_LEAD } from './words';
import { categoryOf } from './verbs';

export function isGeneralObject(word: string): boolean {
  return GENERAL_OBJECTS.has(word) || BARE_GENERAL_OBJECTS.has(word);
}

/** "Implement the national strategy": one already written, so carrying it out can be checked (unlike "a strategy"). */
export function existingDocument(tokens: Token[], from: number, head: string): boolean {
  return head === 'strategy' && ['the', 'its', 'their'].includes(tokens[from]?.lower ?? '');
}

/** "adopt measures", or for a passive "measures be adopted": the words from the first to the last. */
export function verbWithObject(tokens: Token[], verb: number, head: number): string {
  return joinWords(tokens, Math.min(verb, head), Math.max(verb, head));
}

/**
 * Index of the object's head noun: "take all necessary measures" -> "measures". Adjectives it does
 * not know are passed over too ("concrete grassroots policies"), up to the end of the noun phrase.
 */
export function objectHead(tokens: Token[], from: number): number {
  let k = from;
  while (tokens[k] && !tokens[k]!.punct && OBJECT_FILLERS.has(tokens[k]!.lower) && !GENERAL_OBJECTS.has(tokens[k]!.lower)) k++;
  if (COMPOUND_HEADS.has(tokens[k + 1]?.lower ?? '')) return k + 1;
  if (GENERAL_OBJECTS.has(tokens[k]?.lower ?? '') || BARE_GENERAL_OBJECTS.has(tokens[k]?.lower ?? '')) return k;
  for (let j = k; j < Math.min(tokens.length, from + 5); j++) {
    const t = tokens[j]!;
    if (t.punct || NOUN_PHRASE_END.has(t.lower) || t.lower === 'and') break;
    if (GENERAL_OBJECTS.has(t.lower) && !COMPOUND_HEADS.has(tokens[j + 1]?.lower ?? '')) return tokens[j - 1]?.lower === 'legislative' ? k : j;
  }
  return k;
}

/** Does the rest name a specific step by way of example ("including by adopting a law")? */
export function specificExample(tokens: Token[], from: number): string | undefined {
  for (let j = from; j < tokens.length - 1; j++) {
    const lead = tokens[j]!.lower;
    if (lead === '.' || lead === ';') return undefined;
    if (!SPECIFIC_EXAMPLE_LEAD.test(lead) && !(lead === 'in' && tokens[j + 1]?.lower === 'particular')) continue;
    let k = j + 1;
    if (lead === 'in') k++;
    if (tokens[k]?.lower === 'alia') k++;
    if (tokens[k]?.lower === ',') k++;
    if (['by', 'through', 'including'].includes(tokens[k]?.lower ?? '')) k++;
    // "by means of training", "especially by setting up".
    if (tokens[k]?.lower === 'means' && tokens[k + 1]?.lower === 'of') k += 2;
    if (['by', 'through'].includes(tokens[k]?.lower ?? '')) k++;
    k = skipAdverbs(tokens, k);
    // "in particular to prohibit and punish": an infinitive names the step as well as a gerund does.
    const infinitive = tokens[k]?.lower === 'to' && lead !== 'by' && lead !== 'through';
    if (infinitive) k++;
    if (['the', 'a', 'an'].includes(tokens[k]?.lower ?? '')) k++;
    const word = tokens[k];
    if (!word || word.punct) continue;
    const m = word.lower === 'setting' && tokens[k + 1]?.lower === 'up' ? { lemma: 'set', form: 'gerund' as const } : matchVerb(word.lower);
    if (!m || (m.form === 'base' && !infinitive) || m.form === 'third-person' || m.form === 'participle') continue;
    if (categoryOf(m) !== 5) continue;
    // "by adopting measures", "through the implementation of a strategy" give no concrete example.
    const objectAt = m.form === 'noun' && tokens[k + 1]?.lower === 'of' ? k + 2 : k + 1;
    if (isGeneralObject(tokens[objectHead(tokens, objectAt)]?.lower ?? '')) continue;
    return word.text;
  }
  return undefined;
}

/** The words of the object's noun phrase, up to its end: "a follow up report". */
export function objectPhrase(tokens: Token[], from: number): string[] {
  const words: string[] = [];
  for (let j = from; j < Math.min(tokens.length, from + 5); j++) {
    const t = tokens[j]!;
    if (t.punct || NOUN_PHRASE_END.has(t.lower) || t.lower === 'and') break;
    words.push(t.lower);
  }
  return words;
}

/** "... in its legislation", "... into the criminal code", with a concrete object (not "measures"). */
export function intoLaw(tokens: Token[], from: number): boolean {
  for (let p = from; p < Math.min(tokens.length, from + 15); p++) {
    const t = tokens[p]!;
    if (t.lower === '.' || t.lower === ';') return false;
    if (t.lower !== 'in' && t.lower !== 'into') continue;
    let lawAt = -1;
    for (let q = p + 1; q < Math.min(tokens.length, p + 8); q++) {
      if (tokens[q]!.punct || NOUN_PHRASE_END.has(tokens[q]!.lower)) break;
      if (LAW_WORDS.has(tokens[q]!.lower)) { lawAt = q; break; }
    }
    if (lawAt < 0) continue;
    const object = p === from ? tokens.slice(lawAt + 1, lawAt + 10) : tokens.slice(from, p);
    return !object.some((o) => isGeneralObject(o.lower));
  }
  return false;
}

/**
 * The way of going on that a continuing recommendation names ("including by criminalizing",
 * "by taking necessary measures"): its own verb and object, read as an opening verb would be.
 */
export function meansOfContinuing(tokens: Token[], from: number): { text: string; category: ActionCategory } | undefined {
  for (let j = from; j < tokens.length - 1; j++) {
    const lead = tokens[j]!.lower;
    if (lead === '.' || lead === ';') return undefined;
    let k: number;
    if (MEANS_LEAD.has(lead)) k = j + 1;
    else if (lead === 'including') k = MEANS_LEAD.has(tokens[j + 1]?.lower ?? '') ? j + 2 : j + 1;
    else continue;
    k = skipAdverbs(tokens, k);
    const word = tokens[k];
    if (!word || word.punct) continue;
    const m = word.lower === 'setting' && tokens[k + 1]?.lower === 'up' ? { lemma: 'set', form: 'gerund' as const } : matchVerb(word.lower);
    if (!m || m.form !== 'gerund') continue;
    let category = categoryOf(m);
    if (category < 4) continue;
    if (category === 5 && isGeneralObject(tokens[objectHead(tokens, k + 1)]?.lower ?? '')) category = 4;
    return { text: word.text, category };
  }
  return undefined;
}
