/**
 * A SMART checklist for a draft UPR recommendation: does it ask the State under Review for a
 * specific, checkable step on a named object, with a measure and a deadline? Plus the one hint
 * that would most improve it. Plain rules, so the user can see why a box is ticked.
 */
import { knowledgeBase, type KnowledgeBase } from '../catalogue/knowledge';
import { foldText } from '../text/normalize';
import { classifyActionCategory, readOpening } from './action-category';

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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function containsTerm(folded: string, raw: string, term: ObjectTerm): boolean {
  const haystack = term.exact ? raw : folded;
  const index = haystack.indexOf(term.term);
  if (index < 0) return false;
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(term.term)}(?:$|[^\\p{L}\\p{N}])`, 'u').test(haystack);
}

/** The named object, if any: a lexicon term, or else a concrete noun. */
export function concreteObject(text: string, kb: KnowledgeBase = knowledgeBase()): string | undefined {
  const folded = foldText(text);
  const term = objectTerms(kb).find((t) => containsTerm(folded, text, t));
  if (term) return term.term;
  return folded.match(CONCRETE_NOUNS)?.[0];
}

function hintFor(failed: Set<SmartCheckId>, text: string, state: string | undefined): string | null {
  const the = state ? state : 'the State under Review';
  if (failed.has('addressed')) {
    return `Address it to ${the} directly: start with the action verb ("Ratify …", "Adopt …") rather than asking others to act.`;
  }
  if (failed.has('specific-verb')) {
    const { category, verb } = classifyActionCategory(text);
    const v = verb ? `"${verb}"` : 'The opening';
    if (category === 2) return `${v} only asks ${the} to keep going: say what more it should do, e.g. "adopt", "establish" or "ratify".`;
    if (category === 3) return `${v} commits ${the} to nothing: ask for the step itself, e.g. "Ratify …" instead of "Consider ratifying …".`;
    return `${v} leaves open what is done: name one concrete step, e.g. "adopt a law on …", "establish …", or add "by adopting …".`;
  }
  if (failed.has('concrete-object')) return 'Name the law, treaty, institution or mechanism concerned.';
  if (failed.has('time-bound')) return 'Add a deadline, e.g. "by 2027" or "before the next review".';
  if (failed.has('measurable')) return 'Say how progress will be seen: a number, "all", or a result to report on at the next review.';
  return null;
}

/**
 * The checklist for one draft. `stateUnderReview` lets "Recommended that Benin establish ..." count
 * as addressed to Benin.
 */
export function checkSmart(text: string, options: { stateUnderReview?: string; knowledge?: KnowledgeBase } = {}): SmartResult {
  const folded = foldText(text);
  const category = classifyActionCategory(text);
  const opening = readOpening(text);
  const state = options.stateUnderReview?.trim() || undefined;
  const namesState = !!state && foldText(opening.subject).includes(foldText(state));
  const subjectIsState = /^(?:the\s+)?(?:state|government|authorities|country)\b/.test(foldText(opening.subject));

  const passed: Record<SmartCheckId, boolean> = {
    'specific-verb': category.category === 5,
    'concrete-object': concreteObject(text, options.knowledge) !== undefined,
    // A date is a deadline, not a measure: "by 2027" alone does not make it measurable.
    measurable:
      MEASURE.test(folded.replace(new RegExp(DEADLINE.source, 'g'), ' ')) ||
      (category.category === 5 && ONE_OFF_ACT.test(folded)) || /\bby (?:establishing|adopting|setting up|creating)\b/.test(folded),
    'time-bound': DEADLINE.test(folded),
    addressed: !opening.otherAddressee && (opening.verbFirst || namesState || subjectIsState),
  };

  const ids: SmartCheckId[] = ['specific-verb', 'concrete-object', 'measurable', 'time-bound', 'addressed'];
  const checks = ids.map((id) => ({ id, label: LABELS[id], passed: passed[id] }));
  const failed = new Set(ids.filter((id) => !passed[id]));
  return { checks, hint: text.trim() ? hintFor(failed, text, state) : 'Start with an action verb addressed to the State under Review, e.g. "Ratify …".' };
}
