/**
 * Finds the recommendations inside what a delegate types. A statement wraps them in openings a
 * UPR Info row does not have: "Ireland recommends that Chad ratify …", "We urge the Government of
 * Chad to …", "Chad should …", "To ratify …", a lead-in and a numbered list, several sentences, two
 * recommendations joined by "and that". Each recommendation comes back as UPR Info lists one,
 * starting with its own verb ("Ratify the Rome Statute …"), with where it stands in the draft and
 * who it is addressed to. Plain rules over words, no dictionary of names: a name is a run of
 * capitalised words.
 */
import { VERB_CATEGORY } from './action-verbs';
import { gerundLemma, matchVerb } from './verb-forms';

export interface DraftRecommendation {
  /**
   * The recommendation as UPR Info lists one: its own words from its verb on, first letter capital
   * ("Ratify the Rome Statute before its next review"). A clause the reader cannot put verb-first
   * keeps its "That" ("That the death penalty be abolished").
   */
  text: string;
  /** Offsets in the draft of the recommendation's own words (`text` without the capital it may have gained). */
  start: number;
  end: number;
  /** The words before it that say who recommends and to whom ("We recommend that Syria"); "" when bare. */
  opening: string;
  /** Who is asked to act, as written ("Syria", "the Government of Chad", "it"); "" when not named. */
  addressee: string;
  /** It starts with its verb (an imperative, or the verb after "that Chad", "to", "should"). */
  verbFirst: boolean;
  /**
   * The recommendation as a UPR Info row would hold it, the words UPR Info's coders would read:
   * `text`, or, when the opening is one such rows have themselves ("Recommended that Benin",
   * "Chad should", "To"), the words from that opening on.
   */
  listed: string;
  /** The opening was a statement's: who speaks ("We recommend that …"), or a lead-in. */
  stated: boolean;
  /**
   * It opens with an aside the opening set off by a comma ("that Syria, in line with its
   * obligations, repeal …"): a statement puts the comma back after the State's name.
   */
  aside: boolean;
}

export interface DraftReading {
  recommendations: DraftRecommendation[];
  /** Who recommends, as written ("We", "Ireland"); "" when the draft does not say. */
  recommender: string;
}

interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
}

function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|\d+|[^\s\p{L}\p{M}\d]/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const t = m[0];
    const lower = t.toLowerCase().replace(/’/g, "'");
    out.push({ text: t, lower: spelledRecommend(lower), start: m.index, end: m.index + t.length, word: /^[\p{L}\p{M}\d]/u.test(t) });
  }
  return out;
}

/**
 * "recommend" as a busy delegate types it ("reccomend", "recomends", "reccommended") or a French
 * speaker ("recommands"): the one verb every statement turns on, read whatever its doubled letters.
 */
function spelledRecommend(lower: string): string {
  const m = /^rec+om+[ae]n+d(s|ed|ing)?$/.exec(lower);
  return m ? `recommend${m[1] ?? ''}` : lower;
}

/** "Chad", "d'Ivoire". */
const capitalised = (t: Tok | undefined) => !!t && t.word && /^(?:d')?\p{Lu}/u.test(t.text);

/** Verbs that ask someone to act. "called" and "calls" need "on" or "upon"; "appeal" needs "to". */
const ASK = new Set([
  'recommend', 'recommends', 'recommended', 'urge', 'urges', 'urged', 'encourage', 'encourages', 'encouraged',
  'invite', 'invites', 'invited', 'request', 'requests', 'requested', 'ask', 'asks', 'asked', 'suggest',
  'suggests', 'suggested', 'propose', 'proposes', 'proposed', 'exhort', 'exhorts', 'advise', 'advises',
  'call', 'calls', 'called', 'appeal', 'appeals', 'reiterate', 'reiterates', 'recommending',
]);

/** Words between who recommends and the asking verb: "We would therefore like to recommend". */
const BEFORE_ASK = new Set([
  'also', 'therefore', 'further', 'furthermore', 'thus', 'hence', 'respectfully', 'strongly', 'again', 'once',
  'more', 'hereby', 'kindly', 'would', 'like', 'to', 'wish', 'wishes', 'want', 'wants',
  'firmly', 'warmly', 'sincerely', 'additionally', 'finally', 'lastly', 'now', 'still', 'equally',
  'take', 'takes', 'this', 'the', 'opportunity', 'make', 'makes', 'following', 'recommendation', 'recommendations',
  'its', 'our', 'my', 'same', 'continue', 'continues', 'only', 'both', 'jointly', 'together',
  'is', 'are', 'am', 'pleased', 'glad', 'happy', 'honoured', 'honored', 'in', 'this', 'regard', 'light', 'of',
]);

/** Who recommends, when not a name: "We", "My delegation", "Our Government". */
const SPEAKER_WORDS = new Set(['we', 'i']);
const OWN = new Set(['my', 'our']);
const OWN_NOUNS = new Set(['delegation', 'country', 'government', 'state', 'authorities', 'mission']);

/** What may stand for the State under Review before its verb: "it", "the authorities", "the Government of Chad". */
const PRONOUNS = new Set(['it', 'they', 'its', 'their']);
const ADDRESSEE_NOUNS = new Set([
  'government', 'governments', 'authorities', 'authority', 'state', 'states', 'country', 'countries', 'party', 'parties',
  'delegation', 'administration', 'executive', 'parliament', 'legislature', 'congress', 'assembly', 'judiciary',
  'community', 'donors', 'donor', 'partners', 'partner', 'organizations', 'organisations', 'agencies', 'nations',
  'system', 'ministry', 'ministries', 'institutions', 'bodies', 'officials', 'leadership', 'president', 'people',
]);
const ADDRESSEE_ADJECTIVES = new Set([
  'competent', 'relevant', 'national', 'federal', 'central', 'local', 'regional', 'provincial', 'state', 'new',
  'transitional', 'international', 'other', 'all', 'development', 'bilateral', 'concerned', 'respective',
  'appropriate', 'responsible', 'public', 'judicial', 'security', 'military', 'united', 'un', 'donor', 'its',
  'their', 'his', 'her', 'government', 'governmental', 'interim', 'de', 'facto', 'incoming', 'current',
]);
/** Joiners inside a name: "Bosnia and Herzegovina", "the Democratic Republic of the Congo", "Trinidad & Tobago". */
const NAME_JOINERS = new Set(['of', 'the', 'and', '&', 'de', 'del', 'da', 'do', 'des', 'du', 'la', 'le', 'y', "'", '’', 's', '-', '.']);

/** Verbs after the addressee that mean "should": "Chad should", "the State is encouraged to". */
const MODALS = new Set(['should', 'must', 'shall', 'will', 'would', 'could', 'can', 'may', 'might', 'ought', 'need', 'needs', 'has', 'have']);
const PASSIVE_ASK = new Set(['encouraged', 'urged', 'invited', 'requested', 'asked', 'called', 'recommended', 'advised', 'exhorted', 'expected', 'required', 'obliged', 'bound']);
const BE = new Set(['is', 'are', 'be', 'was', 'were', 'being', 'been']);

/** Adverbs that may come between the addressee and its verb: "that Chad, as a matter of priority, ratify". */
const ADVERBS = new Set([
  'also', 'further', 'urgently', 'immediately', 'promptly', 'swiftly', 'quickly', 'fully', 'effectively', 'duly',
  'still', 'again', 'now', 'soon', 'finally', 'rapidly', 'expeditiously', 'consistently', 'therefore',
  'thus', 'at', 'least', 'as', 'a', 'matter', 'of', 'priority', 'without', 'delay', 'in', 'particular', 'strongly',
  'seriously', 'actively', 'resolutely', 'vigorously', 'genuinely', 'formally', 'officially', 'definitively',
]);

/** Openings of sentences that are not recommendations: thanks, greetings, welcome. */
const NOT_A_REQUEST = new Set([
  'thank', 'thanks', 'welcome', 'welcomes', 'welcomed', 'commend', 'commends', 'commended', 'congratulate',
  'congratulates', 'congratulated', 'note', 'notes', 'noted', 'appreciate', 'appreciates', 'acknowledge',
  'acknowledges', 'recognise', 'recognises', 'recognize', 'recognizes', 'salute', 'salutes', 'applaud',
  'applauds', 'remain', 'remains', 'share', 'shares', 'express', 'expresses', 'join', 'joins', 'take', 'takes',
  'are', 'am', 'is', 'was', 'were', 'have', 'has', 'had', 'hope', 'hopes', 'believe', 'believes', 'regret',
  'regrets', 'support', 'supports', 'align', 'aligns', 'look', 'looks', 'wish', 'wishes', 'value', 'values',
  'thanks', 'stand', 'stands', 'understand', 'understands', 'see', 'sees', 'consider', 'considers', 'reiterate',
  'reiterates', 'echo', 'echoes', 'concur', 'concurs', 'agree', 'agrees', 'want', 'wants', 'remain', 'ask',
  'asks', 'would',
]);

/** Who a statement greets, and the greetings of the day: "Mr. President", "Good morning", "Excellencies, distinguished delegates". */
const GREETING = /^(?:(?:mr\.?|mister|madam|madame|ms\.?|mrs\.?)\s+(?:vice[- ])?(?:president|chair(?:person|man|woman)?)\b|good\s+(?:morning|afternoon|evening|day)\b|(?:your\s+)?excellenc(?:y|ies)\b|(?:dear|distinguished|esteemed)\s+(?:colleagues|delegates?|members|friends|guests)\b|ladies\s+and\s+gentlemen\b)/i;

/** Does the word start an action: a verb of the lists in any form but a noun. */
function verbStart(t: Tok | undefined): boolean {
  if (!t || !t.word) return false;
  const m = matchVerb(t.lower);
  // "release", "repeal": verbs that are their own nouns are verbs here.
  return !!m && (m.form === 'base' || m.form === 'gerund' || VERB_CATEGORY.has(t.lower));
}

/** Capitalised at a sentence's start, but never the first word of a name: "As recommended by", "May develop". */
const NOT_NAME_START = new Set([
  'as', 'in', 'with', 'while', 'for', 'on', 'by', 'at', 'to', 'from', 'that', 'this', 'these', 'those', 'it', 'if',
  'when', 'where', 'may', 'have', 'has', 'an', 'a', 'further', 'also', 'please', 'all', 'each', 'every', 'any',
  'some', 'no', 'not', 'both', 'either', 'there', 'here', 'such', 'after', 'before', 'under', 'over', 'within',
  'without', 'during', 'following', 'given', 'taking', 'bearing', 'noting', 'regarding', 'concerning',
  'considering', 'upon', 'once', 'then', 'thus', 'hence', 'therefore', 'however', 'moreover', 'finally', 'lastly',
  'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'again', 'still', 'yet', 'but', 'or', 'and', 'nor',
  'so', 'what', 'which', 'who', 'whose', 'how', 'why', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'we',
  'i', 'you', 'they', 'he', 'she', 'should', 'must', 'shall', 'will', 'would', 'could', 'can', 'do', 'does',
  'is', 'are', 'be', 'an', 'one', 'two', 'mr', 'mrs', 'ms', 'madam', 'thank', 'thanks', 'other', 'same', 'more',
  'most', 'less', 'only', 'even', 'just', 'very', 'much', 'many', 'few', 'several', 'proposed',
]);

/** Could this word begin a name? Not a function word, an adverb, or a verb of the lists ("Ratify", "Recommended"). */
function nameStart(t: Tok | undefined): boolean {
  if (!capitalised(t) || NOT_NAME_START.has(t!.lower) || ASK.has(t!.lower)) return false;
  // "Strongly", "Fully", "Immediately", but not "Italy".
  if (/[^a]ly$/.test(t!.lower) && t!.lower.length > 4) return false;
  const m = matchVerb(t!.lower);
  return !m || m.form === 'noun' || NAME_WORD_LIKE_VERB.has(t!.lower);
}

/** A run of capitalised words, with the joiners a name may hold: "the Syrian Arab Republic", "Trinidad & Tobago". */
function nameEnd(ts: Tok[], i: number): number {
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
/** Capitalised words of names that are also verbs of the lists. */
const NAME_WORD_LIKE_VERB = new Set(['free', 'united', 'holy', 'see']);

const LOWER_JOINERS = new Set(['of', 'and', 'the']);

/** Words that open a verb's object: after them an "-ing" word is a verb ("ending the use"). */
const OBJECT_START = new Set(['the', 'a', 'an', 'all', 'its', 'their', 'any', 'every', 'this', 'these', 'those', 'such']);

/**
 * A name typed in lower case ("syria", "côte d'ivoire", "the government of chad" after
 * "government of"): up to five words that are neither verbs of the lists nor function words,
 * taken as a name only when what follows (past adverbs: "fully and immediately") is what follows
 * who is asked to act: a verb of the lists (not its "-ing"), a modal, or "to". Returns the index
 * after it, or `i`.
 */
function lowerNameEnd(ts: Tok[], i: number, follows: 'verb' | 'ask' = 'verb'): number {
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
function addresseeEnd(ts: Tok[], i: number): number {
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

function adverb(t: Tok | undefined): boolean {
  if (!t || !t.word) return false;
  return ADVERBS.has(t.lower) || (/[^a]ly$/.test(t.lower) && t.lower.length > 4 && !verbStart(t));
}

/**
 * Looks past adverbs and a comma-bound aside to the verb: "fully and immediately", ", as a matter
 * of priority,", ", in line with its obligations,". The recommendation itself still starts before
 * them: they are its words.
 */
function skipAsides(ts: Tok[], i: number): number {
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
const ownStart = (ts: Tok[], k: number) => (ts[k]?.text === ',' ? k + 1 : k);

interface Reading {
  /** Index of the recommendation's first token. */
  at: number;
  addressee: string;
  /** The recommendation is a "that" clause the reader leaves whole (a passive: "that the law be repealed"). */
  clause: boolean;
  /** A lead-in that ends with ":" and asks nothing itself: "Ireland recommends that Chad:". */
  leadIn: boolean;
  /**
   * The opening is a statement's ("We recommend that Syria", "Ireland urges Chad to", a lead-in),
   * not one a UPR Info row has itself ("Recommended that Benin", "That Chad", "Chad should", "To").
   */
  stated?: boolean;
}

const joinTokens = (text: string, ts: Tok[], from: number, to: number) => (to > from ? text.slice(ts[from]!.start, ts[to - 1]!.end) : '');

/**
 * After "that": the addressee, an aside, a modal, then the verb. "that Chad ratify", "that the
 * Government of Chad should ratify", "that it, as a matter of priority, ratify". A passive or a
 * subject that is not who acts ("that the law be repealed") is left as a clause.
 */
function readThatClause(text: string, ts: Tok[], i: number): Reading {
  const a = addresseeEnd(ts, i);
  if (a > i) {
    const addressee = joinTokens(text, ts, i, a);
    let k = skipAsides(ts, a);
    if (ts[k]?.text === ':') return { at: k + 1, addressee, clause: false, leadIn: true };
    let own = ownStart(ts, a);
    if (MODALS.has(ts[k]?.lower ?? '')) {
      k++;
      if (ts[k]?.lower === 'to') k++;
      own = ownStart(ts, k);
      k = skipAsides(ts, k);
    }
    // "that Chad is encouraged to ratify".
    if (BE.has(ts[k]?.lower ?? '') && PASSIVE_ASK.has(ts[k + 1]?.lower ?? '') && ts[k + 2]?.lower === 'to') return { at: k + 3, addressee, clause: false, leadIn: false };
    const next = ts[k];
    // "that Romania be more proactive" is an imperative "Be more proactive"; "that the law be repealed" a passive.
    if (next?.lower === 'be' && matchVerb(ts[k + 1]?.lower ?? '')?.form !== 'participle') return { at: own, addressee, clause: false, leadIn: false };
    if (next && next.word && !BE.has(next.lower) && (verbStart(next) || (!capitalised(next) && !/^\d/.test(next.text)) || next.lower === 'not')) {
      return { at: own, addressee, clause: false, leadIn: false };
    }
  }
  return { at: i, addressee: '', clause: true, leadIn: false };
}

/**
 * After the asking verb: "that …", "[addressee] to …", "to [addressee] to / that …", "to …",
 * ": …", "the following …:", or a noun phrase ("the ratification of …").
 */
function readAfterAsk(text: string, ts: Tok[], i: number): Reading {
  let k = i;
  if (['on', 'upon'].includes(ts[k]?.lower ?? '')) k++;
  // "Germany recommends to: …".
  if (ts[k]?.lower === 'to' && ts[k + 1]?.text === ':') return { at: k + 2, addressee: '', clause: false, leadIn: true };
  if (ts[k]?.lower === 'to' && ['that', 'to'].includes(ts[k + 1]?.lower ?? '') === false) {
    // "recommends to Chad to ratify", "appeals to the Government to", or "recommend to ratify".
    if (verbStart(ts[k + 1]) && !capitalised(ts[k + 1])) return { at: k + 1, addressee: '', clause: false, leadIn: false };
    const a = addresseeEnd(ts, k + 1);
    if (a > k + 1) {
      const addressee = joinTokens(text, ts, k + 1, a);
      const j = skipAsides(ts, a);
      if (ts[j]?.lower === 'to') return toAfterAddressee(ts, j, addressee);
      if (ts[j]?.lower === 'that') return { ...readThatClause(text, ts, j + 1), addressee };
      if (ts[j]?.text === ':') return { at: j + 1, addressee, clause: false, leadIn: true };
      if (ts[j]?.lower === 'the' && ts[j + 1]?.lower === 'following') return followingList(ts, j, addressee);
      // "recommends to Syria the ratification of …": a noun phrase, asked of the one named.
      if (ts[j]?.lower === 'the' || ts[j]?.lower === 'a' || ts[j]?.lower === 'an') return { at: j, addressee, clause: false, leadIn: false };
    }
  }
  // "We reiterate our recommendation that …", "recommends the following:".
  if (['its', 'our', 'my', 'the'].includes(ts[k]?.lower ?? '') && /^recommendations?$/.test(ts[k + 1]?.lower ?? '')) k += 2;
  if (ts[k]?.lower === 'that') return readThatClause(text, ts, k + 1);
  if (ts[k]?.text === ':') return { at: k + 1, addressee: '', clause: false, leadIn: true };
  if (ts[k]?.lower === 'the' && ts[k + 1]?.lower === 'following') return followingList(ts, k, '');
  if (ts[k]?.lower === 'to' && verbStart(ts[k + 1])) return { at: k + 1, addressee: '', clause: false, leadIn: false };
  // "urge Syria to", "call on the Government of Chad to", "encourage it, as a matter of priority, to".
  const a = addresseeEnd(ts, k);
  if (a > k) {
    const addressee = joinTokens(text, ts, k, a);
    const j = skipAsides(ts, a);
    if (ts[j]?.lower === 'to') return toAfterAddressee(ts, j, addressee);
    if (ts[j]?.text === ':') return { at: j + 1, addressee, clause: false, leadIn: true };
    if (ts[j]?.lower === 'that') return { ...readThatClause(text, ts, j + 1), addressee };
    // "We recommend Syria ratify …": the subjunctive without its "that"; "recommends Syria ratifies …" too.
    if ((verbStart(ts[j]) || matchVerb(ts[j]?.lower ?? '')?.form === 'third-person') && !capitalised(ts[j])) return { at: ownStart(ts, a), addressee, clause: false, leadIn: false };
  }
  // A noun phrase: "We recommend the ratification of the Rome Statute".
  return { at: k, addressee: '', clause: false, leadIn: false };
}

/**
 * The "to" after who is asked (at `j`): "urge Syria to ratify", "recommends Syria to: ratify …;
 * abolish …" (a lead-in), "urge the Government to, as a matter of priority, establish" (an aside).
 */
function toAfterAddressee(ts: Tok[], j: number, addressee: string): Reading {
  if (ts[j + 1]?.text === ':') return { at: j + 2, addressee, clause: false, leadIn: true };
  return { at: ownStart(ts, j + 1), addressee, clause: false, leadIn: false };
}

/** "the following (recommendation(s)) (to Chad):" */
function followingList(ts: Tok[], k: number, addressee: string): Reading {
  const colon = ts.findIndex((t, n) => n > k && n < k + 15 && t.text === ':');
  return colon > 0 ? { at: colon + 1, addressee, clause: false, leadIn: true } : { at: k, addressee, clause: false, leadIn: false };
}

/** The speaker before the asking verb: "We", "Ireland", "My delegation", "The delegation of Ireland". */
function speakerEnd(ts: Tok[], i: number): number {
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

/**
 * "We (would also like to) recommend": the index after the asking verb, or -1. A named speaker
 * asks in the third person ("Ireland recommends") or after "to" ("Ireland would like to recommend"):
 * "Chad should invite the Special Rapporteur to visit" is Chad asked to invite, not Chad asking.
 */
function askAfterSpeaker(ts: Tok[], i: number, named = false): number {
  let k = i;
  for (let n = 0; n < 8 && ts[k] && BEFORE_ASK.has(ts[k]!.lower) && !ASK.has(ts[k]!.lower); n++) k++;
  if (ts[k]?.text === ',') k++;
  const t = ts[k];
  if (!t || !ASK.has(t.lower)) return -1;
  // "Indonesia is encouraged to": the one asked, not the one asking.
  if (/ed$/.test(t.lower) && BE.has(ts[k - 1]?.lower ?? '')) return -1;
  if (named && !/s$/.test(t.lower) && ts[k - 1]?.lower !== 'to') return -1;
  if (/^call/.test(t.lower) && !['on', 'upon'].includes(ts[k + 1]?.lower ?? '')) return -1;
  if (/^appeal/.test(t.lower) && ts[k + 1]?.lower !== 'to') return -1;
  if (/^reiterate/.test(t.lower) && !/^recommendations?$/.test(ts[k + 2]?.lower ?? '')) return -1;
  if (/^appeal/.test(t.lower)) return k + 2;
  return k + 1;
}

/**
 * Reads one sentence or list item from `from`: where its recommendation starts, and to whom.
 * `undefined` when it is not a recommendation ("Ireland welcomes …", "Thank you, Mr. President").
 */
function readUnit(text: string, ts: Tok[]): (Reading & { speaker: string }) | undefined {
  // "First, ratify …", "In addition, Chad should …": the words that order a statement are not the recommendation's.
  const order = orderingWords(ts);
  if (order > 0) {
    const r = readUnit(text, ts.slice(order));
    return r && { ...r, at: r.at + order, stated: true };
  }
  // Try at the start, then after each comma of a short preamble: "Mr. President, we recommend …",
  // "In this regard, Ireland recommends …", "With the support of its partners, Chad should …".
  const starts = [0];
  for (let n = 0; n < Math.min(ts.length, 25); n++) if (ts[n]!.text === ',' || ts[n]!.text === ':') starts.push(n + 1);
  for (const s of starts) {
    const r = readOpeningAt(text, ts, s, s === 0);
    if (r) return r;
  }
  // "Ireland commends Syria for ratifying the CRPD and recommends that it …", "We welcome progress
  // but urge Syria to …": who speaks welcomes first, then asks after "and" or "but".
  const speaker = speakerEnd(ts, 0);
  if (speaker > 0) {
    const named = !SPEAKER_WORDS.has(ts[0]!.lower) && !OWN.has(ts[0]!.lower);
    for (let n = speaker; n < ts.length; n++) {
      if (ts[n]!.lower !== 'and' && ts[n]!.lower !== 'but') continue;
      const after = askAfterSpeaker(ts, n + 1, named);
      if (after > 0) return { ...readAfterAsk(text, ts, after), speaker: joinTokens(text, ts, 0, speaker), stated: true };
    }
  }
  // "Mr. President, Austria has two recommendations for Chad:", "Our recommendations to Chad are:".
  const colon = ts.findIndex((t, n) => n < 30 && t.text === ':');
  if (colon > 0 && ts.slice(0, colon).some((t) => /^recommend/.test(t.lower))) {
    let addressee = '';
    for (let n = colon - 1; n > 0; n--) {
      if (!['for', 'to'].includes(ts[n]!.lower)) continue;
      const end = addresseeEnd(ts, n + 1);
      if (end > n + 1) addressee = joinTokens(text, ts, n + 1, end);
      break;
    }
    return { at: colon + 1, addressee, clause: false, leadIn: true, speaker: '', stated: true };
  }
  // No opening: a bare recommendation, or a sentence that only speaks ("We welcome …", "Thank you").
  if (GREETING.test(text.slice(ts[0]!.start, ts[0]!.start + 40))) return undefined;
  const sp = speakerEnd(ts, 0);
  if (sp > 0 && SPEAKER_WORDS.has(ts[0]!.lower)) return undefined;
  if (sp > 0) {
    let k = sp;
    while (ts[k] && BEFORE_ASK.has(ts[k]!.lower) && !MODALS.has(ts[k]!.lower)) k++;
    const next = ts[k];
    // "Ireland welcomes …", "Chad has made progress".
    if (next && (NOT_A_REQUEST.has(next.lower) || matchVerb(next.lower)?.form === 'third-person')) return undefined;
    // "Ireland is (deeply) concerned …": a speaker who "is" something and asks nothing describes.
    if (ts.slice(sp, k).some((t) => BE.has(t.lower))) return undefined;
  }
  if (NOT_A_REQUEST.has(ts[0]!.lower) && ['you', 'for', 'the', 'mr', 'madam'].includes(ts[1]?.lower ?? '')) return undefined;
  return { at: 0, addressee: '', clause: false, leadIn: false, speaker: '' };
}

/** "first", "second", "main": words between "Our" and "recommendation". */
const WHICH_RECOMMENDATION = new Set([
  'first', 'second', 'third', 'fourth', 'fifth', 'next', 'last', 'final', 'main', 'key', 'only', 'other', 'further',
  'additional', 'specific', 'concrete', 'principal', 'one', 'two', 'three', 'four', 'five',
]);

/**
 * "Our (first) recommendation (to Chad) is that it ratify …", "My delegation's recommendation is to
 * ratify …", "Ireland's recommendations are as follows:".
 */
function recommendationIs(text: string, ts: Tok[], s: number): (Reading & { speaker: string }) | undefined {
  let k = s;
  const t = ts[k];
  if (!t) return undefined;
  if (OWN.has(t.lower) || t.lower === 'the') k++;
  else if (t.lower.endsWith("'s") && capitalised(t)) k++;
  if (/^(?:delegation|government|country)'s$/.test(ts[k]?.lower ?? '')) k++;
  if (k === s) return undefined;
  while (ts[k] && WHICH_RECOMMENDATION.has(ts[k]!.lower)) k++;
  if (!/^recommendations?$/.test(ts[k]?.lower ?? '')) return undefined;
  k++;
  let addressee = '';
  if (['to', 'for'].includes(ts[k]?.lower ?? '')) {
    const a = addresseeEnd(ts, k + 1);
    if (a > k + 1) {
      addressee = joinTokens(text, ts, k + 1, a);
      k = a;
    }
  }
  if (ts[k]?.text === ',') k++;
  if (!BE.has(ts[k]?.lower ?? '')) return undefined;
  k++;
  const stated = { speaker: '', stated: true };
  if (ts[k]?.lower === 'that') {
    const r = readThatClause(text, ts, k + 1);
    return { ...r, addressee: r.addressee || addressee, ...stated };
  }
  if (ts[k]?.lower === 'to' && verbStart(ts[skipAsides(ts, k + 1)])) return { at: k + 1, addressee, clause: false, leadIn: false, ...stated };
  if (ts[k]?.lower === 'as' && ts[k + 1]?.lower === 'follows') k += 2;
  if (ts[k]?.text === ':') return { at: k + 1, addressee, clause: false, leadIn: true, ...stated };
  return undefined;
}

/** Words that only order a statement or tie it to what came before, followed by a comma. */
const ORDERING = [
  'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'fourth', 'fourthly', 'fifth', 'fifthly', 'lastly',
  'finally', 'moreover', 'furthermore', 'additionally', 'also', 'further', 'in addition', 'first of all',
  'last but not least', 'in conclusion', 'to conclude', 'last', 'however', 'nevertheless', 'therefore', 'accordingly',
  'consequently', 'in this regard', 'in that regard', 'in this respect', 'in this context', 'to this end', 'in particular',
  'likewise', 'similarly',
].map((w) => w.split(' '));

/** How many tokens "First," or "In addition," take at the start (0 when none). */
function orderingWords(ts: Tok[]): number {
  for (const words of ORDERING) {
    if (words.every((w, n) => ts[n]?.lower === w) && ts[words.length]?.text === ',' && ts.length > words.length + 1) return words.length + 1;
  }
  return 0;
}

/**
 * The opening at token `s`. After a comma (`atStart` false) only an opening that names who speaks
 * or who must act counts: ", to combat poverty" inside a recommendation is not one.
 */
function readOpeningAt(text: string, ts: Tok[], s: number, atStart: boolean): (Reading & { speaker: string }) | undefined {
  const t = ts[s];
  if (!t) return undefined;
  const said = recommendationIs(text, ts, s);
  if (said) return said;
  // "To ratify …": a bare infinitive.
  if (atStart && t.lower === 'to' && verbStart(ts[skipAsides(ts, s + 1)])) return { at: s + 1, addressee: '', clause: false, leadIn: false, speaker: '', stated: true };
  // "That Chad ratify …", "Recommended that …", "It is recommended that …".
  if (atStart && t.lower === 'that') return { ...readThatClause(text, ts, s + 1), speaker: '' };
  let k = s;
  if (t.lower === 'it' && BE.has(ts[s + 1]?.lower ?? '') && ASK.has(ts[s + 2]?.lower ?? '')) k = s + 2;
  // "Recommended that Benin …", "Recommends that …", and a delegate's note: "Recommend that Chad …".
  const asking = /(?:ed|s)$/.test(ts[k]?.lower ?? '') || (k === 0 && ts[k]?.lower === 'recommend' && ts[k + 1]?.lower === 'that');
  // "It is recommended that …": the asking verb is its own opening, with no one named before it.
  if (k > s && PASSIVE_ASK.has(ts[k]?.lower ?? '') && ts[k + 1]?.lower === 'that') return { ...readThatClause(text, ts, k + 2), speaker: '' };
  if (ASK.has(ts[k]?.lower ?? '') && asking && (k > s || s === 0)) {
    const after = askAfterSpeaker(ts, k);
    if (after > 0) return { ...readAfterAsk(text, ts, after), speaker: '' };
  }
  // "We recommend …", "Ireland (would like to) recommend(s) …".
  const sp = speakerEnd(ts, s);
  if (sp > s) {
    const after = askAfterSpeaker(ts, sp, !SPEAKER_WORDS.has(t.lower) && !OWN.has(t.lower));
    if (after > 0) return { ...readAfterAsk(text, ts, after), speaker: joinTokens(text, ts, s, sp), stated: true };
  }
  // "Chad should ratify", "The Government of Chad is encouraged to", "Chad, as a matter of priority, should".
  const a = addresseeEnd(ts, s);
  if (a > s && !SPEAKER_WORDS.has(t.lower)) {
    let k2 = skipAsides(ts, a);
    const addressee = joinTokens(text, ts, s, a);
    if (MODALS.has(ts[k2]?.lower ?? '') && !['has', 'have', 'will', 'would', 'may', 'can', 'could', 'might'].includes(ts[k2]!.lower)) {
      k2++;
      if (ts[k2]?.lower === 'to') k2++;
      const own = ownStart(ts, k2);
      k2 = skipAsides(ts, k2);
      if (ts[k2]?.word && !BE.has(ts[k2]!.lower)) return { at: own, addressee, clause: false, leadIn: false, speaker: '', stated: true };
    }
    // "Syria ratify the Rome Statute": a subjunctive without its "that".
    const bare = ts[a];
    if (k2 === a && bare && !capitalised(bare) && matchVerb(bare.lower)?.form === 'base') return { at: a, addressee, clause: false, leadIn: false, speaker: '' };
    if (BE.has(ts[k2]?.lower ?? '') && PASSIVE_ASK.has(ts[k2 + 1]?.lower ?? '')) {
      let j = k2 + 2;
      if (['on', 'upon'].includes(ts[j]?.lower ?? '')) j++;
      if (ts[j]?.lower === 'to') return { at: j + 1, addressee, clause: false, leadIn: false, speaker: '' };
    }
  }
  return undefined;
}

const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|No|Nos|Art|Arts|para|paras|e\.g|i\.e|etc|St|vs|Vol|Res|Doc|Rev|Add|Corr|Sess|Suppl|cf|al|approx|incl|Prof|Amb|H\.E|U\.N|U\.S|U\.K)|\b[A-Z])\.$/;

interface Span { start: number; end: number }

/**
 * Sentences: split at ".", "!" or "?" before a capital, a digit or a list marker, not after "Mr." or
 * "No."; and where a hurried delegate left out the space ("hate speech.Ireland also …"): between a
 * lower-case word and a capitalised one, which an abbreviation ("U.N.Committee") or an address is not.
 */
function sentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  const re = /[.!?]+(?=\s+["“(]?[\p{Lu}\d])|(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})|\n+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m[0][0] !== '\n' && ABBREVIATIONS.test(text.slice(Math.max(from, m.index - 6), m.index + 1))) continue;
    out.push({ start, end: m.index + (m[0][0] === '\n' ? 0 : m[0].length) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: to });
  return out.filter((s) => text.slice(s.start, s.end).trim() !== '');
}

/**
 * List markers: "1.", "2)", "(a)", "b)", "(iii)", "-", "•" at a line's start; "(a)", "1.", "2)", "ii.",
 * "b)" after ":", ";" or "; and"; and a numbered item that starts a sentence ("… Statute. 2) Establish …").
 */
const MARKER = /(?:^|\n)[ \t]*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[-•*–—])[ \t]+|(?<=[:;,][ \t]*(?:(?:and|or)[ \t]+)?)(?:\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)|(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)](?=[ \t]+\p{L}))[ \t]*|(?<=[.!?][ \t]+)(?:\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)|\d{1,2}[.)](?=[ \t]+\p{L}))[ \t]*/gu;

interface Unit extends Span {
  /** A list item: read with the lead-in before it when it has no opening of its own. */
  item: boolean;
}

function units(text: string): Unit[] {
  const pieces: Unit[] = [];
  let last = 0;
  let item = false;
  for (const m of text.matchAll(MARKER)) {
    if (m.index! > last || pieces.length === 0) pieces.push({ start: last, end: m.index!, item });
    last = m.index! + m[0].length;
    item = true;
  }
  pieces.push({ start: last, end: text.length, item });
  const out: Unit[] = [];
  for (const p of pieces) {
    if (text.slice(p.start, p.end).trim() === '') continue;
    // An item is its first sentence; what follows it on the same line is the statement going on
    // ("(b) grant access. Ireland also recommends …").
    sentences(text, p.start, p.end).forEach((s, n) => out.push({ ...s, item: p.item && n === 0 }));
  }
  return out;
}

/** Trims spaces, and a list item's closing ";", "; and", "," or ".". */
function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s]/.test(text[end - 1]!)) end--;
  const tail = text.slice(start, end).match(/(?:\s*[;,]\s*(?:and|or)?|\s*\.)$/);
  if (tail && tail[0].trim() !== '.') end -= tail[0].length;
  return { start, end };
}

function upperFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** "; it should also …", "; and the Government should …": a second recommendation with an opening of its own. */
const OWN_OPENING_AFTER_SEMICOLON = /\s*;\s*(?:and\s+)?(?=(?:it|they|the\s+(?:government|authorities|state))\b[^;]{0,40}?\b(?:should|must)\s)/;

/**
 * ", and recommends that it …", "and also urges it to …": who spoke asks a second time in the same
 * sentence ("Ireland encourages Syria to …, and recommends that it …"). Only after a speaker: in a
 * bare recommendation "and encourages" is the recommendation's own verb.
 */
const ASKS_AGAIN = /,?\s+and\s+(?:also\s+|further\s+)?(?=(?:recommends?|urges?|encourages?|calls?\s+(?:up)?on|invites?|requests?)\s+(?:that|it|them)\b)/;

/**
 * Splits "ratify X and that it adopt Y" and "ratify X; adopt Y" (after a lead-in) into their
 * recommendations. An "and that" belongs to the recommendation's own verb ("ensure that X and that
 * Y") when the recommendation already holds a "that".
 */
function joined(text: string, span: Span, afterLeadIn: boolean, spoken = false): Span[] {
  const slice = text.slice(span.start, span.end);
  const cut = afterLeadIn
    ? /\s*;\s*(?:and\s+)?|,?\s+and\s+(?=that\s)/g
    : new RegExp(`,?\\s+and\\s+(?=that\\s)|${OWN_OPENING_AFTER_SEMICOLON.source}${spoken ? `|${ASKS_AGAIN.source}` : ''}`, 'gi');
  const out: Span[] = [];
  let start = 0;
  for (const m of slice.matchAll(cut)) {
    const before = slice.slice(start, m.index);
    if (!m[0].includes(';') && /\bthat\b/i.test(before)) continue;
    out.push({ start: span.start + start, end: span.start + m.index! });
    start = m.index! + m[0].length;
  }
  out.push({ start: span.start + start, end: span.end });
  return out;
}

/** The recommendations a draft holds, each verb-first, with where it stands and to whom. */
export function readDraft(text: string): DraftReading {
  const found: DraftRecommendation[] = [];
  let speaker = '';
  /** Set after a lead-in ("Ireland recommends that Chad:"): the list items that follow are its verb phrases. */
  let lead: { addressee: string } | undefined;
  for (const unit of units(text)) {
    const ts = tokens(text, unit.start, unit.end);
    if (ts.length === 0) continue;
    let r = readUnit(text, ts);
    if (lead && (unit.item || r?.at === 0)) {
      // An item with an opening of its own ("We also urge it to …") keeps it.
      r = r && r.at > 0 ? r : { at: 0, addressee: lead.addressee, clause: false, leadIn: false, speaker: '', stated: true };
    } else if (!unit.item) {
      lead = undefined;
    }
    if (!r) continue;
    if (r.speaker && !speaker) speaker = r.speaker;
    if (r.leadIn) {
      lead = { addressee: r.addressee };
      // "Ireland recommends that Chad: ratify X; adopt Y." on one line.
      if (ts[r.at]) for (const part of joined(text, { start: ts[r.at]!.start, end: unit.end }, true)) push(part, r.addressee, true, false, undefined, part.start);
      continue;
    }
    const at = ts[r.at];
    if (!at) continue;
    const begin = r.clause && ts[r.at - 1]?.lower === 'that' ? ts[r.at - 1]!.start : at.start;
    joined(text, { start: begin, end: unit.end }, false, !!r.speaker).forEach((part, n) => {
      // A row's own opening ("Recommended that Benin", "Chad should") stays in what is classified.
      const listedFrom = !r.stated && n === 0 ? ts[0]!.start : undefined;
      push(part, r.addressee, !!r.stated, r.clause && n === 0, listedFrom, n === 0 ? ts[0]!.start : part.start, n > 0);
    });
  }

  function push(span: Span, addressee: string, stated: boolean, clause = false, listedFrom?: number, openingFrom = span.start, second = false): void {
    const s = trimSpan(text, span);
    if (s.end <= s.start) return;
    let start = s.start;
    let who = addressee;
    // A second recommendation after "and that": its own "that it adopt …".
    if (!clause && /^that\s/i.test(text.slice(start, s.end))) {
      const inner = tokens(text, s.start, s.end);
      const r = readThatClause(text, inner, 1);
      if (!r.clause && inner[r.at]) {
        start = inner[r.at]!.start;
        who = r.addressee || addressee;
      } else clause = true;
    } else if (!clause && second) {
      // After "; ": "it should also investigate …".
      const inner = tokens(text, s.start, s.end);
      const r = readOpeningAt(text, inner, 0, true);
      if (r && r.at > 0 && !r.clause && inner[r.at]) {
        // "it should also investigate": "also" ties it to the first, it is not its own words.
        const at = inner[r.at]!.lower === 'also' && inner[r.at + 1]?.word ? r.at + 1 : r.at;
        start = inner[at]!.start;
        who = r.addressee || addressee;
      }
    }
    // "Ireland recommends to Chad: to ratify …; to abolish …".
    const leading = tokens(text, start, Math.min(s.end, start + 40));
    if (!clause && leading[0]?.lower === 'to' && verbStart(leading[1])) start = leading[1]!.start;
    let own = text.slice(start, s.end);
    const first = tokens(text, start, s.end)[0];
    // "We recommend establishing …" asks to "Establish …"; "ending the use of …" too, though
    // "ending" alone is more often a noun.
    if (stated && !clause && first) {
      const m = matchVerb(first.lower);
      const next = tokens(text, first.end, s.end)[0]?.lower ?? '';
      const lemma = m?.form === 'gerund' ? m.lemma : !m && OBJECT_START.has(next) ? gerundLemma(first.lower) : undefined;
      if (lemma) own = lemma + text.slice(first.end, s.end);
    }
    // "recommends that Syria ensures …", British usage: the verb asked for is "Ensure …".
    if ((stated || who) && !clause && first && matchVerb(first.lower)?.form === 'third-person') own = matchVerb(first.lower)!.lemma + text.slice(first.end, s.end);
    // A lower-case word the lists do not know may be a verb typed in lower case; "the", "a", "all"
    // open a noun phrase ("We recommend the ratification of …").
    const verbFirst = !clause && !!first && (verbStart(first) || (first.word && !capitalised(first) && first.lower !== 'that' && !OBJECT_START.has(first.lower)));
    // What stands just before it: a comma that closes the opening ("Syria should, within one year, …").
    const aside = !clause && start > openingFrom && /,\s*$/.test(text.slice(openingFrom, start));
    found.push({
      text: upperFirst(own),
      listed: listedFrom === undefined ? upperFirst(own) : text.slice(listedFrom, s.end),
      start,
      end: s.end,
      opening: text.slice(Math.min(openingFrom, start), start).replace(/^[\s;,.:]+|[\s:,]+$/g, '').replace(/^(?:and\s+)/i, ''),
      addressee: who,
      verbFirst,
      stated,
      aside,
    });
  }

  if (found.length === 0) {
    const s = trimSpan(text, { start: 0, end: text.length });
    const own = text.slice(s.start, s.end);
    if (own) found.push({ text: own, listed: own, start: s.start, end: s.end, opening: '', addressee: '', verbFirst: verbStart(tokens(text, s.start, s.end)[0]), stated: false, aside: false });
  }
  return { recommendations: found, recommender: speaker };
}
