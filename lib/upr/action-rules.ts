/**
 * The rules behind UPR Info's action category (1 minimal ... 5 specific) of one recommendation as
 * UPR Info lists it, by its method note: the first verb decides; of two opening verbs the second; a
 * general action made concrete by a specific example is specific; recommendations to other States
 * are minimal. Verb lists and phrase rules only; lib/upr/action-category.ts reads the draft first
 * and weighs these rules' reading with what the coders did in rows like it (lib/upr/action-model.ts).
 */
import { CATEGORY_NAMES, VERB_CATEGORY, type ActionCategory } from './action-verbs';
import { matchVerb, type VerbMatch } from './verb-forms';

export type { ActionCategory } from './action-verbs';
export { CATEGORY_NAMES } from './action-verbs';

export interface ActionCategoryResult {
  category: ActionCategory;
  /** The words that decided, as written ("Continue and strengthen", "take measures"); "" when none was found. */
  verb: string;
  /** Why, in plain English. */
  reason: string;
}

interface Token {
  text: string;
  lower: string;
  /** Punctuation tokens (",", ";", ".", ":") carry no verb. */
  punct: boolean;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const clean = text.replace(/[\u2018\u2019\u02BC`]/g, "'").replace(/[\u2010-\u2015]/g, '-');
  for (const m of clean.matchAll(/[A-Za-z\u00C0-\u024F]+(?:['-][A-Za-z\u00C0-\u024F]+)*|\d+|[,;.:()]/g)) {
    const t = m[0];
    if (t.includes('-')) {
      // "re-instate" is one verb, "follow-up" and "ratify-consider" are two words.
      const joined = t.replace(/-/g, '');
      if (matchVerb(joined.toLowerCase())) {
        out.push({ text: t, lower: joined.toLowerCase(), punct: false });
        continue;
      }
      // "Re-establish", "re-examine": the verb after "re-" is the one that decides.
      const again = t.match(/^re-([a-z]+)$/i)?.[1]?.toLowerCase();
      if (again && matchVerb(again)) {
        out.push({ text: t, lower: again, punct: false });
        continue;
      }
      for (const part of t.split('-')) out.push({ text: part, lower: part.toLowerCase(), punct: false });
      continue;
    }
    out.push({ text: t, lower: t.toLowerCase(), punct: /^[,;.:()]$/.test(t) });
  }
  return out;
}

const ADVERBS = new Set([
  'further', 'also', 'still', 'again', 'please', 'duly', 'soon', 'henceforth', 'thereby', 'hence', 'thus',
  'therefore', 'now', 'swiftly', 'quickly', 'rapidly', 'not', 'even', 'more', 'much', 'very', 'resolutely',
  'as', 'well', 'both', 'either', 'without', 'delay', 'priority', 'matter', 'a', 'of', 'possible', 'asap',
  'expeditiously', 'consistently', 'vigorously', 'steadily', 'inter', 'alia', 'where', 'appropriate',
  'necessary', 'relevant', 'applicable', 'feasible', 'then', 'subsequently', 'together', 'jointly',
]);

function isAdverb(lower: string): boolean {
  return ADVERBS.has(lower) || (lower.length > 4 && lower.endsWith('ly') && !VERB_CATEGORY.has(lower));
}

/** Openings that only report who recommended: "It is recommended that", "Recommended to the Government that". */
const REPORTING = new Set([
  'recommended', 'recommends', 'recommend', 'recommendation', 'recommending', 'suggested', 'suggests', 'suggest',
  'urged', 'urges', 'urge', 'invited', 'encouraged', 'encourages', 'encourage', 'asked',
  'asks', 'requested', 'requests', 'called', 'calls', 'proposed', 'proposes', 'advised', 'wished', 'hoped',
  'expressed', 'appealed', 'exhorted', 'exhorts', 'insisted', 'stressed', 'emphasized',
]);

export const OTHER_STATES = [
  /\binternational community\b/, /\bdonors?\b/, /\bdonor (?:countries|community|states|agencies|organi[sz]ations)\b/,
  /\bdeveloped countries\b/, /\bother (?:states|countries|governments)\b/, /\ball (?:states|countries)\b/,
  /\bthe (?:united nations|un) system\b/, /\bdevelopment partners\b/, /\binternational partners\b/,
  /\bthe international organi[sz]ations\b/, /\bbilateral partners\b/,
];

/** Verbs that ask someone to act: what follows them is who is asked. */
const ASKING = new Set(['call', 'encourage', 'urge', 'invite', 'request', 'appeal', 'ask', 'seek', 'exhort', 'advise']);
const REQUESTING = new Set(['requested', 'requests', 'request', 'asked']);

const HELP_GIVING = new Set(['provide', 'give', 'extend', 'offer', 'grant']);
/**
 * Working with others to get their help, or saying what help is needed: "Cooperate with OHCHR to
 * receive technical assistance", "Identify its needs for technical assistance", "Avail itself of
 * the advisory services offered". The method note's "calling upon the SuR to request technical
 * assistance" (category 1).
 */
const HELP_SEEKING = new Set(['cooperate', 'collaborate', 'engage', 'work', 'identify', 'formulate', 'define', 'determine', 'accept', 'avail']);
const HELP_WORDS = /\b(?:assistance|support|capacity[- ]building|advisory services|aid)\b/;
const ASSISTANCE = /\b(?:technical|financial|international)?\s*(?:assistance|support|cooperation|help|expertise|capacity[- ]building)\b/;

/** Objects that say only that something is to be done: "measures", "steps", "efforts". */
const GENERAL_OBJECTS = new Set([
  'measures', 'measure', 'steps', 'step', 'efforts', 'effort', 'action', 'actions', 'means', 'initiatives',
  'ways', 'endeavours', 'endeavors',
  // UPR Info's coders read a policy, an approach or a process as general however it is qualified
  // ("Adopt a comprehensive national policy on …": 49 of 68 such rows in sessions 1-9 are coded 4).
  'policy', 'policies', 'approach', 'approaches', 'process', 'processes',
]);
/** Objects that are open-ended only when nothing qualifies them: "policies" but not "education policies". */
const BARE_GENERAL_OBJECTS = new Set([
  'activities', 'strategies', 'practices', 'reforms', 'work', 'role', 'strategy',
]);
/** Verbs that stay specific whatever their object: stopping something is checkable. */
const STOPPING_VERBS = new Set(['stop', 'end', 'cease', 'halt', 'suspend', 'discontinue', 'dismantle', 'complete', 'finalize', 'finalise']);

/** "action plan", "measures committee": the general word only qualifies a concrete head. */
const COMPOUND_HEADS = new Set(['plan', 'plans', 'programme', 'programmes', 'program', 'programs', 'strategy', 'strategies', 'framework', 'group', 'committee', 'council', 'team', 'agenda', 'unit']);

function isGeneralObject(word: string): boolean {
  return GENERAL_OBJECTS.has(word) || BARE_GENERAL_OBJECTS.has(word);
}

/** "Implement the national strategy": one already written, so carrying it out can be checked (unlike "a strategy"). */
function existingDocument(tokens: Token[], from: number, head: string): boolean {
  return head === 'strategy' && ['the', 'its', 'their'].includes(tokens[from]?.lower ?? '');
}

/** Verbs whose object is always a legal act or instrument: specific whatever follows. */
const LEGAL_VERBS = new Set([
  'ratify', 'accede', 'sign', 'amend', 'repeal', 'abolish', 'decriminalize', 'decriminalise', 'criminalize',
  'criminalise', 'withdraw', 'lift', 'revoke', 'abrogate', 'rescind', 'prosecute', 'investigate',
  'submit', 'invite', 'release', 'legislate', 'penalize', 'penalise', 'outlaw', 'prohibit', 'ban', 'extradite',
]);

/** Objects that name a state of affairs to reach rather than a thing to create or change. */
const ABSTRACT_OBJECTS = new Set([
  'environment', 'climate', 'conditions', 'equality', 'inequality', 'inequalities', 'restrictions', 'dialogue',
  'protection', 'work', 'capacity', 'capacities', 'independence', 'situation', 'tolerance', 'respect', 'cooperation',
  'discrimination', 'violence', 'stereotypes', 'impunity', 'culture',
]);

const OBJECT_FILLERS = new Set([
  'all', 'the', 'any', 'a', 'an', 'its', 'their', 'every', 'possible', 'further', 'additional', 'more', 'new',
  'necessary', 'appropriate', 'adequate', 'effective', 'concrete', 'specific', 'relevant', 'urgent', 'immediate',
  'practical', 'legal', 'administrative', 'other', 'and', 'or', 'such', 'strong', 'firm',
  'decisive', 'serious', 'active', 'positive', 'proactive', 'comprehensive', 'targeted', 'required', 'needed',
  'suitable', 'efficient', 'real', 'genuine', 'sustained', 'significant', 'substantial', 'greater', 'vigorous',
  'stronger', 'special', 'particular', 'in', 'order', 'policy', 'political', 'national', 'public', 'measurable',
]);

const SPECIFIC_EXAMPLE_LEAD = /\b(?:by|through|including|notably|particularly|especially|namely|inter alia|such as|e\.g\.|for example|for instance|in particular)\b/;

interface Found {
  index: number;
  match: VerbMatch;
  category: ActionCategory;
}

function categoryOf(match: VerbMatch): ActionCategory {
  return VERB_CATEGORY.get(match.lemma) ?? 4;
}

function plainAdverb(token: Token | undefined): boolean {
  return !!token && !token.punct && isAdverb(token.lower) && !matchVerb(token.lower);
}

/** Skips "Further", "Fully and immediately", "Promptly, impartially and thoroughly". */
function skipAdverbs(tokens: Token[], i: number): number {
  for (;;) {
    if (plainAdverb(tokens[i])) { i++; continue; }
    const joiner = tokens[i]?.lower;
    if ((joiner === 'and' || joiner === ',' || joiner === 'or') && i > 0 && plainAdverb(tokens[i - 1]) && plainAdverb(tokens[i + 1])) { i++; continue; }
    return i;
  }
}

/** Skips "Recommended that", "It is recommended to the Government that", "[State] is encouraged to". */
const ADDRESSEE_WORDS = new Set(['to', 'the', 'its', 'it', 'government', 'authorities', 'state', 'country', 'them', 'all', 'relevant', 'competent', 'concerned', 'also', 'further', 'strongly']);

function skipReporting(tokens: Token[], start: number, clause: { that: boolean }): number {
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

const PASSIVE_ASK = new Set(['encouraged', 'urged', 'invited', 'requested', 'asked', 'called', 'recommended']);
const ACTIVE_ASK = new Set(['encourages', 'encourage', 'encouraged', 'urges', 'urge', 'urged', 'invites', 'invited', 'calls', 'requests', 'asks']);

/**
 * "Indonesia is encouraged to continue", "Welcomes X and encourages it to continue",
 * "Encouraged Benin, in particular in ..., to continue": what follows "to" is the request.
 */
function encouragedTo(tokens: Token[]): number | undefined {
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

const INTRO_WORDS = new Set([
  'while', 'with', 'in', 'within', 'taking', 'bearing', 'noting', 'recognizing', 'recognising', 'acknowledging',
  'as', 'following', 'further', 'on', 'regarding', 'concerning', 'for', 'after', 'upon', 'mindful', 'given',
  'commending', 'welcoming', 'appreciating', 'having', 'considering', 'referring', 'according', 'under',
  'pursuant', 'since', 'if', 'when', 'where', 'notwithstanding', 'despite', 'through', 'at', 'to',
]);

/** "While commending X, continue ..." / "With the support of the international community, continue ...": the main clause decides. */
function skipIntroClause(tokens: Token[], start: number): number {
  const first = tokens[start];
  if (!first || !INTRO_WORDS.has(first.lower)) return start;
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

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'such', 'any', 'all', 'some', 'further', 'more', 'greater', 'full', 'continued', 'enhanced', 'increased', 'effective', 'immediate', 'urgent', 'prompt', 'early', 'timely', 'serious', 'due', 'special', 'particular', 'adequate', 'appropriate', 'necessary', 'new', 'an']);
/** Openings that are not an imperative verb, though capitalised at the start. */
const NOT_IMPERATIVE = new Set(['the', 'a', 'an', 'that', 'all', 'there', 'it', 'this', 'these', 'its', 'his', 'her', 'their', 'any', 'each', 'every', 'no', 'state', 'government', 'authorities']);

/** "Display greater firmness" but not "Indonesia is encouraged" or "Sri Lanka's plan ... should be". */
function looksImperative(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.punct) return false;
  if (BE.has(next.lower) || MODALS.has(next.lower) || next.lower === 's' || next.lower.startsWith("'")) return false;
  if (next.text[0] !== next.lower[0]) return false;
  return !tokens[i]!.lower.endsWith("'s");
}

const SAME_PARTICIPLE = new Set(['set', 'put']);
const BE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);
const MODALS = new Set(['should', 'must', 'shall', 'will', 'would', 'could', 'can', 'may', 'might', 'ought']);
const PREPOSITIONS = new Set(['to', 'that', 'which', 'who', 'and', 'or', 'of', 'for', 'in', 'on', 'with', 'by', 'from', 'at', 'into', 'against', 'about', 'among', 'between', 'under', 'over', 'without', 'within', 'towards', 'toward']);

/** The first action word: the imperative verb, or in a "that ... be adopted" clause the verb of the clause. */
function findFirstVerb(tokens: Token[], start: number, thatClause: boolean): Found | undefined {
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

/** The words after `from`, up to the clause's end or `limit` words, lower-case: what a verb acts on. */
function clauseAfter(tokens: Token[], from: number, limit: number): string {
  const out: string[] = [];
  for (let j = from + 1; j < Math.min(tokens.length, from + 1 + limit); j++) {
    if (tokens[j]!.lower === ';' || tokens[j]!.lower === '.') break;
    out.push(tokens[j]!.lower);
  }
  return out.join(' ');
}

function joinWords(tokens: Token[], from: number, to: number): string {
  return tokens.slice(from, to + 1).filter((t) => !t.punct).map((t) => t.text).join(' ');
}

/** "adopt measures", or for a passive "measures be adopted": the words from the first to the last. */
function verbWithObject(tokens: Token[], verb: number, head: number): string {
  return joinWords(tokens, Math.min(verb, head), Math.max(verb, head));
}

const NOUN_PHRASE_END = new Set(['to', 'of', 'for', 'in', 'on', 'that', 'which', 'with', 'by', 'against', 'aimed', 'so', 'as', 'towards', 'regarding', 'concerning']);

/**
 * Index of the object's head noun: "take all necessary measures" -> "measures". Adjectives it does
 * not know are passed over too ("concrete grassroots policies"), up to the end of the noun phrase.
 */
function objectHead(tokens: Token[], from: number): number {
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

function quoted(s: string): string {
  return `"${s}"`;
}

/** Does the rest name a specific step by way of example ("including by adopting a law")? */
function specificExample(tokens: Token[], from: number): string | undefined {
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

/** Index of the subject of "measures should be adopted": the word before the modal or "be". */
function passiveSubject(tokens: Token[], verb: Found): number | undefined {
  if (verb.match.form !== 'participle') return undefined;
  let j = verb.index - 1;
  while (j >= 0 && plainAdverb(tokens[j])) j--;
  if (!BE.has(tokens[j]?.lower ?? '')) return undefined;
  j--;
  while (j >= 0 && (MODALS.has(tokens[j]!.lower) || plainAdverb(tokens[j]))) j--;
  return j >= 0 && !tokens[j]!.punct ? j : undefined;
}

const REPORT_OBJECTS = new Set(['report', 'reports', 'reporting', 'response', 'responses', 'reply', 'replies']);
/** "Provide human rights training to the police": training given is a step one can check. */
const TRAINING_OBJECTS = new Set(['training', 'trainings', 'education']);
const GIVING = new Set(['provide', 'give', 'offer', 'deliver']);
/** "Undertake a study on …": a study or review is a way of considering a change (category 3). */
const STUDY_OBJECTS = new Set(['study', 'studies', 'review', 'assessment', 'assessments', 'evaluation', 'analysis', 'survey', 'research']);
const DOING = new Set(['undertake', 'conduct', 'carry']);

/** The words of the object's noun phrase, up to its end: "a follow up report". */
function objectPhrase(tokens: Token[], from: number): string[] {
  const words: string[] = [];
  for (let j = from; j < Math.min(tokens.length, from + 5); j++) {
    const t = tokens[j]!;
    if (t.punct || NOUN_PHRASE_END.has(t.lower) || t.lower === 'and') break;
    words.push(t.lower);
  }
  return words;
}

const SETTING_A_LEVEL = new Set(['increase', 'raise', 'lower', 'reduce']);
const QUANTITIES = new Set(['age', 'number', 'budget', 'budgets', 'allocation', 'allocations', 'percentage', 'proportion', 'share', 'rate', 'quota', 'quotas', 'length', 'scope']);

const INTO_LAW_VERBS = new Set(['include', 'integrate']);
const LAW_WORDS = new Set(['legislation', 'law', 'laws', 'code', 'codes', 'constitution', 'bill', 'act', 'acts', 'statute', 'statutes', 'curriculum', 'curricula']);

/** "... in its legislation", "... into the criminal code", with a concrete object (not "measures"). */
function intoLaw(tokens: Token[], from: number): boolean {
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

const MEANS_LEAD = new Set(['by', 'through']);

/**
 * The way of going on that a continuing recommendation names ("including by criminalizing",
 * "by taking necessary measures"): its own verb and object, read as an opening verb would be.
 */
function meansOfContinuing(tokens: Token[], from: number): { text: string; category: ActionCategory } | undefined {
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

interface Opening {
  tokens: Token[];
  /** Where the request itself starts, after "Recommended that", "While noting ..., " and the like. */
  start: number;
  /** The request sits in a clause with its own subject: "Recommended that the authorities take ...". */
  thatClause: boolean;
  first: Found | undefined;
  /** Who is asked, when it is not the State under Review: "the international community", "donors". */
  otherAddressee: string | undefined;
}

function readOpeningTokens(tokens: Token[]): Opening {
  const clause = { that: false };
  let start = skipReporting(tokens, 0, clause);
  const encouraged = encouragedTo(tokens);
  if (encouraged !== undefined) start = encouraged;
  start = skipIntroClause(tokens, start);
  start = skipReporting(tokens, start, clause);
  const first = findFirstVerb(tokens, start, clause.that);

  // Addressed to someone other than the State under Review: as the subject ("that the international
  // community provide"), or as the one asked ("Call on donors to", "Encourage the international community to").
  const subjectEnd = first ? first.index : Math.min(tokens.length, start + 8);
  const subject = tokens.slice(0, subjectEnd).map((t) => t.lower).join(' ');
  const askedEnd = first && ASKING.has(first.match.lemma) ? Math.min(tokens.length, first.index + 6) : subjectEnd;
  const addressee = tokens.slice(0, askedEnd).map((t) => t.lower).join(' ');
  const other = OTHER_STATES.find((re) => re.test(addressee));
  const withHelpOf = /\b(?:with|from|of|by)(?: the)? (?:support|assistance|help|cooperation)\b/.test(subject);
  return { tokens, start, thatClause: clause.that, first, otherAddressee: other && !withHelpOf ? addressee.match(other)![0] : undefined };
}

export interface RecommendationOpening {
  /** Starts with its action verb, as UPR recommendations should ("Ratify ...", "Further strengthen ..."). */
  verbFirst: boolean;
  /** The words naming the State that must act when the sentence names one ("that Benin establish"). */
  subject: string;
  /** Set when the recommendation asks other States, donors or the international community to act. */
  otherAddressee: string | undefined;
}

/** How a recommendation opens: who is asked to act, and whether it leads with the verb. */
export function readOpening(text: string): RecommendationOpening {
  const opening = readOpeningTokens(tokenize(text));
  const { tokens, start, first } = opening;
  const verbFirst = !!first && !opening.thatClause && first.index === skipAdverbs(tokens, start);
  const subject = first && !verbFirst ? joinWords(tokens, start, first.index - 1) : '';
  return { verbFirst, subject, otherAddressee: opening.otherAddressee };
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

  // "Continue to seek assistance" stays a request for help; "Continue to strengthen" stays continuing.
  if (chosen.category === 2) {
    const to = tokens[chosen.index + 1]?.lower === 'to' ? 1 : 0;
    const nextToken = tokens[skipAdverbs(tokens, chosen.index + 1 + to)]?.lower ?? '';
    const next = matchVerb(nextToken);
    if (next && categoryOf(next) === 1) {
      return result(1, `${verbText} to ${next.lemma}`, `It asks the State to go on asking for help or sharing information (${quoted(next.lemma)}): category 1, minimal action.`);
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
