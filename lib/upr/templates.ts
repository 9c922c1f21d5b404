/**
 * Draft texts from the catalogue: a recommendation from an entry, an advance question from an
 * indicator marked present, and the catalogue entries worth suggesting for that indicator.
 */
import { knowledgeBase, type KnowledgeBase } from '../catalogue/knowledge';
import type { Indicator, Recommendation, RiskFactor } from '../catalogue/schema';
import { sentenceText, uprSentence, withoutFinalStop } from './sentences';

export interface DraftTemplate {
  text: string;
  /** Links the draft keeps, so it can cite its source and be traced to the risk it answers. */
  catalogueIds: string[];
  riskFactorIds: string[];
}

function lowerFirst(text: string): string {
  // Keep acronyms and names ("ICC", "Kenya") as written; lower an ordinary opening word.
  return /^[A-Z](?:[a-z]|\s)/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * A recommendation draft from one of a catalogue entry's UPR sentences (the first by default),
 * with its time element; `previously` marks one made in an earlier cycle.
 */
export function recommendationDraft(rec: Recommendation, options: { sentence?: number; previously?: boolean } = {}): DraftTemplate {
  const base = sentenceText(uprSentence(rec, options.sentence));
  const text = options.previously ? `${withoutFinalStop(base)}, as recommended previously.` : base;
  return { text, catalogueIds: [rec.id], riskFactorIds: [...rec.riskFactors] };
}

/**
 * An advance question from a catalogue entry: "What steps is the Syrian Arab Republic taking to
 * adopt ...?". `stateName` is the State as a sentence names it (data/states.json nameInSentence).
 */
export function questionFromRecommendation(rec: Recommendation, stateName: string, sentence = 0): DraftTemplate {
  const action = lowerFirst(withoutFinalStop(uprSentence(rec, sentence).text));
  return {
    text: `What steps is ${stateName.trim() || 'the State'} taking to ${action}?`,
    catalogueIds: [rec.id],
    riskFactorIds: [...rec.riskFactors],
  };
}

export interface IndicatorRef {
  factor: RiskFactor;
  /** Absent for the 2013 report's risk factors and triggers, which have no numbered indicators. */
  indicator?: Indicator;
}

/** Finds a Framework indicator ("foa-1.1") or a risk factor / trigger by id. */
export function findIndicator(id: string, kb: KnowledgeBase = knowledgeBase()): IndicatorRef | undefined {
  for (const factor of kb.riskFactors.factors) {
    if (factor.id === id) return { factor };
    const indicator = factor.indicators.find((i) => i.id === id);
    if (indicator) return { factor, indicator };
  }
  return undefined;
}

function sourceLabel(ref: IndicatorRef): string {
  // A number we are not sure of is not put in a text a delegation may read out: the factor is cited instead.
  if (ref.indicator && ref.indicator.numbering !== 'uncertain') return `Framework of Analysis, indicator ${ref.indicator.number}`;
  if (ref.factor.kind === 'trigger') return 'trigger named in the 2013 report';
  const framework = ref.factor.framework === 'foa-2014' ? 'Framework of Analysis' : '2013 report';
  return ref.factor.number ? `${framework}, risk factor ${ref.factor.number}` : framework;
}

/**
 * An advance question from an indicator marked present: "What measures is the Syrian Arab Republic
 * taking to address the following risk (Framework of Analysis, indicator 1.2): a security crisis ...?"
 * `stateName` is the State as a sentence names it (data/states.json nameInSentence).
 */
export function questionFromIndicator(indicatorId: string, stateName: string, kb: KnowledgeBase = knowledgeBase()): DraftTemplate | undefined {
  const ref = findIndicator(indicatorId, kb);
  if (!ref) return undefined;
  const risk = lowerFirst(withoutFinalStop(ref.indicator?.text ?? ref.factor.title));
  return {
    text: `What measures is ${stateName.trim() || 'the State'} taking to address the following risk (${sourceLabel(ref)}): ${risk}?`,
    catalogueIds: [],
    riskFactorIds: ref.indicator ? [ref.factor.id, ref.indicator.id] : [ref.factor.id],
  };
}

export interface Suggested {
  rec: Recommendation;
  score: number;
  /** Why it is suggested, in plain English. */
  why: string;
}

const REPORT_YEAR: Record<Recommendation['report'], number> = { 'sg-2013': 2013, 'sg-2014': 2014, 'sg-2015': 2015, 'sg-2017': 2017 };

/**
 * Catalogue entries to suggest for an indicator (or a risk factor): those the data links to its
 * risk factor, and those linked through a concept tied to the indicator or factor. Entries a
 * State can act on in the UPR dialogue rank first; ties go to the newer report.
 */
export function suggestedRecommendations(
  indicatorId: string,
  options: { knowledge?: KnowledgeBase; limit?: number } = {},
): Suggested[] {
  const kb = options.knowledge ?? knowledgeBase();
  const ref = findIndicator(indicatorId, kb);
  if (!ref) return [];
  const factorId = ref.factor.id;

  const viaIndicator = new Map<string, string[]>();
  const viaFactor = new Map<string, string[]>();
  for (const concept of kb.concepts) {
    const onIndicator = !!ref.indicator && concept.riskFactors.includes(ref.indicator.id);
    const onFactor = concept.riskFactors.includes(factorId);
    if (!onIndicator && !onFactor) continue;
    for (const recId of concept.recommendations) {
      const map = onIndicator ? viaIndicator : viaFactor;
      map.set(recId, [...(map.get(recId) ?? []), concept.label]);
    }
  }

  const out: Suggested[] = [];
  for (const rec of kb.recommendations) {
    const direct = rec.riskFactors.includes(factorId);
    const conceptsOnIndicator = viaIndicator.get(rec.id) ?? [];
    const conceptsOnFactor = viaFactor.get(rec.id) ?? [];
    if (!direct && conceptsOnIndicator.length === 0 && conceptsOnFactor.length === 0) continue;
    let score = (direct ? 3 : 0) + 2 * conceptsOnIndicator.length + conceptsOnFactor.length;
    if (rec.actors.includes('member-states')) score += 1;
    if (rec.uprSteps.includes(2) || rec.uprSteps.includes(3)) score += 1;
    const reasons: string[] = [];
    if (direct) reasons.push(`addresses risk factor "${ref.factor.title}"`);
    const concepts = [...conceptsOnIndicator, ...conceptsOnFactor];
    if (concepts.length) reasons.push(`on ${concepts.slice(0, 2).join(', ')}`);
    out.push({ rec, score, why: reasons.join('; ') });
  }
  out.sort((a, b) => b.score - a.score || REPORT_YEAR[b.rec.report] - REPORT_YEAR[a.rec.report] || a.rec.id.localeCompare(b.rec.id));
  return options.limit === undefined ? out : out.slice(0, options.limit);
}
