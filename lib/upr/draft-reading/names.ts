/**
 * Who speaks and who is asked: names as runs of capitalised words (or, typed in lower case, by
 * what follows them), "the Government of Chad", "it", and the asides between a name and its verb.
 */
import { VERB_CATEGORY } from '../action-verbs';
import { matchVerb } from '../verb-forms';
import { capitalised, type Tok } from './tokens';
import { ASK, SPEAKER_WORDS, OWN, OWN_NOUNS, ADDRESSEE_NOUNS, ADDRESSEE_ADJECTIVES, NAME_JOINERS, MODALS, BE, ADVERBS, NOT_NAME_START, NAME_WORD_LIKE_VERB, LOWER_JOINERS } from './words';

/** Does the word start an action: a verb of the lists in any form but a noun. */
export function verbStart(t: Tok | undefined): boolean {
  if (!t || !t.word) return false;
  const m = matchVerb(t.lower);
  // "release", "repeal": verbs that are their own nouns are verbs here.
  return !!m && (m.form === 'base' || m.form === 'gerund' || VERB_CATEGORY.has(t.lower));
}

/** Could this word begin a name? Not a function word, an adverb, or a verb of the lists ("Ratify", "Recommended"). */
export function nameStart(t: Tok | undefined): boolean {
  if (!capitalised(t) || NOT_NAME_START.has(t!.lower) || ASK.has(t!.lower)) return false;
  // "Strongly", "Fully", "Immediately", but not "Italy".
  if (/[^a]ly$/.test(t!.lower) && t!.lower.length > 4) return false;
  const m = matchVerb(t!.lower);
  return !m || m.form === 'noun' || NAME_WORD_LIKE_VERB.has(t!.lower);
}

/** A run of capitalised words, with the joiners a name may hold: "the Syrian Arab Republic", "Trinidad & Tobago". */
export function nameEnd(ts: Tok[], i: number): number {
  let k = i;
  if (ts[k]?.lower === 'the' && nameStart(ts[k + 1])) k++;
  if (!nameStart(ts[k])) return i;
  let end = i;
  while (k < ts.length) {
    const t = ts[k]!;
    if (capitalised(t) && !(verbStart(t) && !NAME_WORD_LIKE_VERB.has(t.lower))) {
      end = k + 1;
      k++;
      continue;
    }
    // A joiner counts only when a capitalised word follows: "Trinidad & Tobago", not "Chad and that".
    if (NAME_JOINERS.has(t.lower) && t.lower !== '.' && (capitalised(ts[k + 1]) || (ts[k + 1] && NAME_JOINERS.has(ts[k + 1]!.lower) && capitalised(ts[k + 2])))) {
      k++;
      continue;
    }
    break;
  }
  return end;
}

/**
 * A name typed in lower case ("syria", "côte d'ivoire", "the government of chad" after
 * "government of"): up to five words that are neither verbs of the lists nor function words,
 * taken as a name only when what follows (past adverbs: "fully and immediately") is what follows
 * who is asked to act: a verb of the lists (not its "-ing"), a modal, or "to". Returns the index
 * after it, or `i`.
 */
export function lowerNameEnd(ts: Tok[], i: number, follows: 'verb' | 'ask' = 'verb'): number {
  let k = ts[i]?.lower === 'the' ? i + 1 : i;
  const first = k;
  while (ts[k] && k - first < 5) {
    const t = ts[k]!;
    const joiner = k > first && LOWER_JOINERS.has(t.lower);
    if (!t.word || (!joiner && (NOT_NAME_START.has(t.lower) || adverb(t) || verbStart(t) || ASK.has(t.lower) || MODALS.has(t.lower) || BE.has(t.lower)))) break;
    k++;
  }
  while (k > first && LOWER_JOINERS.has(ts[k - 1]!.lower)) k--;
  if (k === first) return i;
  const next = follows === 'ask' ? ts[k] : ts[skipAsides(ts, k)];
  const ok = follows === 'ask'
    ? !!next && ASK.has(next.lower)
    : !!next && ((verbStart(next) && matchVerb(next.lower)?.form !== 'gerund') || MODALS.has(next.lower) || next.lower === 'to');
  return ok ? k : i;
}

/**
 * Who is asked to act, from `i`: a pronoun, a name, "the Government of Chad", "the competent
 * authorities", "Chad's Government", "the international community". Returns the index after it.
 */
export function addresseeEnd(ts: Tok[], i: number): number {
  const t = ts[i];
  if (!t || !t.word) return i;
  if (t.lower === 'it' || t.lower === 'they') return i + 1;
  let k = i;
  // "its Government", "the authorities", "all States", "the international community".
  if (['the', 'its', 'their', 'all', 'other'].includes(t.lower) || ADDRESSEE_ADJECTIVES.has(t.lower) || ADDRESSEE_NOUNS.has(t.lower)) {
    let j = k + (['the', 'its', 'their'].includes(t.lower) ? 1 : 0);
    while (ts[j] && ADDRESSEE_ADJECTIVES.has(ts[j]!.lower) && !ADDRESSEE_NOUNS.has(ts[j + 0]!.lower)) j++;
    if (ts[j] && ADDRESSEE_NOUNS.has(ts[j]!.lower)) {
      j++;
      // "State party", "Government and Parliament".
      while (ts[j] && ADDRESSEE_NOUNS.has(ts[j]!.lower)) j++;
      // "the State under Review": the Working Group's own name for who is asked.
      if (ts[j]?.lower === 'under' && ts[j + 1]?.lower === 'review') j += 2;
      // "all parties to the conflict": the "to" is theirs, not the one before the verb.
      if (ts[j - 1]?.lower === 'parties' && ts[j]?.lower === 'to' && ts[j + 1]?.lower === 'the' && ts[j + 3]?.lower === 'to' && !verbStart(ts[j + 2])) j += 3;
      if (ts[j]?.lower === 'and' && ADDRESSEE_NOUNS.has(ts[j + 1]?.lower ?? '')) j += 2;
      else if (ts[j]?.lower === 'and' && ts[j + 1]?.lower === 'the' && ADDRESSEE_NOUNS.has(ts[j + 2]?.lower ?? '')) j += 3;
      if (ts[j]?.lower === 'of' || ts[j]?.lower === 'in') {
        const n = Math.max(nameEnd(ts, j + 1), lowerNameEnd(ts, j + 1));
        if (n > j + 1) return n;
        if (['it', 'them'].includes(ts[j + 1]?.lower ?? '')) return j + 2;
      }
      return j;
    }
  }
  const n = nameEnd(ts, k);
  if (n === k) return lowerNameEnd(ts, k);
  k = n;
  // "Chad's Government", "Chad's authorities"; "Morocco's needs" is not who acts.
  if (ts[k - 1]!.lower.endsWith("'s")) return ADDRESSEE_NOUNS.has(ts[k]?.lower ?? '') ? k + 1 : i;
  if (ADDRESSEE_NOUNS.has(ts[k]?.lower ?? '')) k++;
  return k;
}

export function adverb(t: Tok | undefined): boolean {
  if (!t || !t.word) return false;
  return ADVERBS.has(t.lower) || (/[^a]ly$/.test(t.lower) && t.lower.length > 4 && !verbStart(t));
}

/**
 * Looks past adverbs and a comma-bound aside to the verb: "fully and immediately", ", as a matter
 * of priority,", ", in line with its obligations,". The recommendation itself still starts before
 * them: they are its words.
 */
export function skipAsides(ts: Tok[], i: number): number {
  let k = i;
  for (let guard = 0; guard < 6; guard++) {
    const before = k;
    for (;;) {
      const t = ts[k];
      if (adverb(t) && !(t!.lower === 'a' && ts[k - 1]?.lower !== 'as')) { k++; continue; }
      if ((t?.lower === 'and' || t?.text === ',') && adverb(ts[k - 1]) && adverb(ts[k + 1])) { k++; continue; }
      break;
    }
    if (ts[k]?.text === ',') {
      const close = ts.findIndex((t, n) => n > k && n <= k + 25 && t.text === ',');
      if (close > 0) { k = close + 1; continue; }
    }
    if (k === before) break;
  }
  return k;
}

/** Where the recommendation's own words start: the next word, past a comma. */
export const ownStart = (ts: Tok[], k: number) => (ts[k]?.text === ',' ? k + 1 : k);

/** The speaker before the asking verb: "We", "Ireland", "My delegation", "The delegation of Ireland". */
export function speakerEnd(ts: Tok[], i: number): number {
  const t = ts[i];
  if (!t) return i;
  if (SPEAKER_WORDS.has(t.lower)) return i + 1;
  if (OWN.has(t.lower) && OWN_NOUNS.has(ts[i + 1]?.lower ?? '')) return i + 2;
  if (t.lower === 'the' && ts[i + 1]?.lower === 'delegation' && ts[i + 2]?.lower === 'of') return Math.max(nameEnd(ts, i + 3), i + 3);
  const n = nameEnd(ts, i);
  if (n > i) {
    // "Ireland's delegation", "The Government of Ireland".
    let k = n;
    if (ts[k]?.lower === "'" && ts[k + 1]?.lower === 's') k += 2;
    if (OWN_NOUNS.has(ts[k]?.lower ?? '')) k++;
    return k;
  }
  // "ireland recommends", typed in lower case.
  return lowerNameEnd(ts, i, 'ask');
}
