/**
 * A SMART checklist for a draft UPR recommendation: does it ask the State under Review for a
 * specific, checkable step on a named object, with a measure and a deadline? Plus the one hint
 * that would most improve it. Plain rules, so the user can see why a box is ticked.
 */
import { knowledgeBase, type KnowledgeBase } from '../catalogue/knowledge';
import { stateLookup, type StateLookup } from '../import/state-names';
import { escapeRegExp, foldText } from '../text/normalize';
import { classifyDraft, otherStates, readOpening, type ActionCategoryResult, type DraftCategory } from './action-category';

export type SmartCheckId = 'specific-verb' | 'concrete-object' | 'measurable' | 'time-bound' | 'addressed';

export interface SmartCheck {
  id: SmartCheckId;
  label: string;
  passed: boolean;
}

export interface SmartResult {
  checks: SmartCheck[];
  hint: string | null;
}

const LABELS: Record<SmartCheckId, string> = {
  'specific-verb': 'Specific action verb',
  'concrete-object': 'Concrete object (a law, treaty, institution or mechanism)',
  measurable: 'Measurable',
  'time-bound': 'Time-bound',
  addressed: 'Addressed to the State under Review',
};

/** Nouns that name something one can point at: an act, an instrument, a body, a plan. */
const CONCRETE_NOUNS =
  /\b(?:law|laws|act|code|bill|legislation|constitution|decree|ordinance|article|convention|covenant|protocol|statute|treaty|charter|declaration|reservations?|commission|committee|council|ombudsman|ombudsperson|institution|court|tribunal|office|agency|ministry|unit|mechanism|focal point|plan|strategy|programme|program|policy|budget|fund|moratorium|standing invitation|special rapporteur|special procedures?|working group|register|registry|database|hotline|curriculum|campaign|training|inquiry|investigation|census)\b/;

/** One-off acts whose completion is itself the measure: ratified or not, repealed or not. */
const ONE_OFF_ACT = /\b(?:ratif(?:y|ies|ying|ication)|accede|accession|withdraw(?:al)?|repeal|abolish|abolition|amend(?:ment)?|enact|submit|sign(?:ing|ature)?|standing invitation)\b/;

/** Acts that bring a thing into being: measurable when that thing is concrete (a plan, a law, a focal point). */
const FOUNDING_ACT = /\b(?:adopt(?:s|ed|ing|ion)?|establish(?:es|ed|ing|ment)?|creat(?:e|es|ed|ing|ion)|set(?:ting)? up|appoint(?:s|ed|ing|ment)?|designat(?:e|es|ed|ing|ion)|launch(?:es|ed|ing)?|enact(?:s|ed|ing|ment)?)\b/;

const MEASURE =
  /(?:\d|%|\b(?:all|every|each|number of|per ?cent|percentage|proportion|rate|target|targets|indicator|indicators|benchmark|benchmarks|baseline|statistics|disaggregated data|data on|report(?:ing)? (?:on|back)|publish|annual|annually|quarterly|each year|zero|at least|no fewer than|double|halve)\b)/;

const DEADLINE =
  /\b(?:by|before|until|no later than|not later than|in|during|within|ahead of|prior to)\s+(?:the\s+)?(?:end\s+of\s+|mid-?\s*)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\b|\bwithin\s+(?:a|one|two|three|four|five|six|twelve|eighteen|\d+)\s+(?:years?|months?|weeks?|days?)\b|\b(?:before|by|ahead of|prior to|in time for)\s+(?:its\s+|the\s+)?(?:next|fourth|fifth|following|subsequent|mid-?term)\s+(?:review|cycle|upr|universal periodic review|report)\b|\bby\s+(?:its\s+|the\s+)?mid-?term\s+report\b|\bno later than\b|\bdeadline\b|\btimeline\b|\btime-?frame\b/;

interface ObjectTerm {
  term: string;
  /** Acronyms match as written ("ICC"), everything else folded. */
  exact: boolean;
}

const OBJECT_CATEGORIES = new Set(['instrument', 'mechanism', 'institution', 'policy-tool', 'upr-process']);
const termCache = new WeakMap<KnowledgeBase, ObjectTerm[]>();

/** Names of instruments, mechanisms and institutions in the bundled lexicon. */
function objectTerms(kb: KnowledgeBase): ObjectTerm[] {
  const cached = termCache.get(kb);
  if (cached) return cached;
  const terms: ObjectTerm[] = [];
  for (const c of kb.concepts) {
    if (!OBJECT_CATEGORIES.has(c.category)) continue;
    for (const t of [c.label, ...c.variants]) terms.push({ term: foldText(t), exact: false });
    for (const a of c.acronyms) terms.push({ term: a, exact: true });
  }
  for (const i of kb.instruments) {
    terms.push({ term: foldText(i.name), exact: false }, { term: foldText(i.shortName), exact: false });
    for (const a of i.acronyms) terms.push({ term: a, exact: true });
  }
  const usable = terms.filter((t) => t.term.length >= 3);
  termCache.set(kb, usable);
  return usable;
}

function containsTerm(folded: string, raw: string, term: ObjectTerm): boolean {
  const haystack = term.exact ? raw : folded;
  const index = haystack.indexOf(term.term);
  if (index < 0) return false;
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(term.term)}(?:$|[^\\p{L}\\p{N}])`, 'u').test(haystack);
}

/** The named object, if any: a lexicon term, or else a concrete noun. */
export function concreteObject(text: string, kb: KnowledgeBase = knowledgeBase()): string | undefined {
  const folded = foldText(text);
  const term = objectTerms(kb).find((t) => containsTerm(folded, text, t));
  if (term) return term.term;
  return folded.match(CONCRETE_NOUNS)?.[0];
}

function hintFor(failed: Set<SmartCheckId>, category: ActionCategoryResult, the: string, other: string | undefined, toOthers: boolean): string | null {
  if (failed.has('addressed')) {
    if (other) return `It names ${other}, but this review is of ${the}: address it to ${the}.`;
    if (toOthers) return `Address it to ${the} directly: start with the action verb ("Ratify …", "Adopt …") rather than asking others to act.`;
    // "The ratification of …": nobody is asked.
    return `Start with the action verb ("Ratify …", "Adopt …"), so that it reads as asked of ${the}.`;
  }
  if (failed.has('specific-verb')) {
    const v = category.verb ? `"${category.verb}"` : 'The opening';
    if (category.category === 2) return `${v} only asks ${the} to keep going: say what more it should do, e.g. "adopt", "establish" or "ratify".`;
    if (category.category === 3) return `${v} commits ${the} to nothing: ask for the step itself, e.g. "Ratify …" instead of "Consider ratifying …".`;
    if (category.category === 1) return `${v} asks for help or information only: ask ${the} for a step of its own, e.g. "adopt …", "establish …".`;
    return `${v} leaves open what is done: name one concrete step, e.g. "adopt a law on …", "establish …", or add "by adopting …".`;
  }
  if (failed.has('concrete-object')) return 'Name the law, treaty, institution or mechanism concerned.';
  if (failed.has('time-bound')) return 'Add a deadline, e.g. "by 2027" or "before the next review".';
  if (failed.has('measurable')) return 'Say how progress will be seen: a number, "all", or a result to report on at the next review.';
  return null;
}

const IDS: SmartCheckId[] = ['specific-verb', 'concrete-object', 'measurable', 'time-bound', 'addressed'];

let lookup: StateLookup | undefined;

/** "the Government of Chad", "Chad's authorities", "Togo" -> the State named, when it is one. */
function stateNamed(addressee: string, kb: KnowledgeBase): string | undefined {
  const name = addressee
    .replace(/^(?:the\s+)?(?:[a-z]+\s+)*(?:government|authorities|state|delegation)\s+(?:of|in)\s+/i, '')
    .replace(/['’]s\s+(?:government|authorities)$/i, '')
    .trim();
  return (lookup ??= stateLookup(kb.states))(name);
}

interface OneResult {
  passed: Record<SmartCheckId, boolean>;
  category: ActionCategoryResult;
  /** The other State it names, when it names one that is not under review. */
  other: string | undefined;
  /** It asks other States or the international community. */
  toOthers: boolean;
}

/** The five checks on one recommendation read out of a draft. */
function checkOne(rec: DraftCategory, state: { name?: string; code?: string }, kb: KnowledgeBase): OneResult {
  const { text, addressee, verbFirst, listed } = rec.recommendation;
  const folded = foldText(text);
  const opening = readOpening(listed);
  // Who is asked: the opening's addressee ("that Syria", "urge the Government of Chad to"), or for a
  // row-like draft the subject it names ("Recommended that Benin establish").
  const who = addressee || opening.subject.replace(/\s+(?:should|must|shall)$/i, '');
  const named = who ? stateNamed(who, kb) : undefined;
  const surCode = state.code ?? (state.name ? stateNamed(state.name, kb) : undefined);
  const other = named && surCode && named !== surCode ? who.replace(/^the\s+(?:government|authorities)\s+of\s+/i, '') : undefined;
  const toOthers = rec.category === 1 && (otherStates(addressee) || !!opening.otherAddressee);
  const subjectIsState = /^(?:the\s+)?(?:state|government|authorities|country|it)\b/.test(foldText(who));
  const concrete = concreteObject(text, kb) !== undefined;
  const passed: Record<SmartCheckId, boolean> = {
    'specific-verb': rec.category === 5,
    'concrete-object': concrete,
    // A date is a deadline, not a measure: "by 2027" alone does not make it measurable.
    measurable:
      MEASURE.test(folded.replace(new RegExp(DEADLINE.source, 'g'), ' ')) ||
      (rec.category === 5 && (ONE_OFF_ACT.test(folded) || (concrete && FOUNDING_ACT.test(folded)))) || /\bby (?:establishing|adopting|setting up|creating)\b/.test(folded),
    'time-bound': DEADLINE.test(folded),
    addressed: !toOthers && !other && (verbFirst || opening.verbFirst || !!named || subjectIsState),
  };
  return { passed, category: rec, other, toOthers };
}

export interface SmartOptions {
  /** The State under Review as a sentence names it ("the Syrian Arab Republic"): hints speak of it. */
  stateUnderReview?: string;
  /** Its code (data/states.json), so "Syria" in a draft is known for the Syrian Arab Republic. */
  stateCode?: string;
  knowledge?: KnowledgeBase;
}

/**
 * The checklist for one draft, read as a delegate writes it: "We recommend that Syria ratify the
 * Rome Statute before its next review" is checked on "ratify the Rome Statute before its next
 * review", addressed to Syria. A draft holding several recommendations passes a check when each
 * of them does; the hint is for the first that needs one.
 */
export function checkSmart(text: string, options: SmartOptions = {}): SmartResult {
  const kb = options.knowledge ?? knowledgeBase();
  const the = options.stateUnderReview?.trim() || 'the State under Review';
  const recs = text.trim() ? classifyDraft(text) : [];
  if (recs.length === 0) {
    return { checks: IDS.map((id) => ({ id, label: LABELS[id], passed: false })), hint: 'Start with an action verb addressed to the State under Review, e.g. "Ratify …".' };
  }
  const results = recs.map((r) => checkOne(r, { name: options.stateUnderReview, code: options.stateCode }, kb));
  const checks = IDS.map((id) => ({ id, label: LABELS[id], passed: results.every((r) => r.passed[id]) }));
  let hint: string | null = null;
  results.some((r, n) => {
    const h = hintFor(new Set(IDS.filter((id) => !r.passed[id])), r.category, the, r.other, r.toOthers);
    if (h) hint = recs.length > 1 ? `Recommendation ${n + 1}: ${h}` : h;
    return h !== null;
  });
  return { checks, hint };
}
