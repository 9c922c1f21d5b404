/**
 * Real coded recommendations written as a delegation says them, for judging the classifier on
 * statement phrasing: the same row behind a fixed set of openings ("Norway recommends that Chad
 * …", "We urge the Government of Chad to …", "Chad should …", a greeting first, a lead-in and a
 * numbered list). Deterministic: the opening a row gets depends only on its text and a fixed seed.
 */
import { stableHash, type CodedRecommendation } from './eval-corpus';

export type OpeningRow = Pick<CodedRecommendation, 'text' | 'sur' | 'from'>;

export interface Opening {
  id: string;
  /** `rest` is the recommendation as the row has it, first letter lowered when it is an ordinary word. */
  write: (row: { sur: string; from: string }, rest: string) => string;
  /** The opening needs the recommendation to start with its verb ("that Chad ratify …", "to ratify …"). */
  verbFirst: boolean;
}

const by = (from: string) => from || 'We';
/** A second recommendation after the row's own, in the openings that hold two: the row's still decides. */
const SECOND = 'report on progress before its next review';
const withoutStop = (t: string) => t.replace(/[\s.;]+$/, '');
const recommends = (from: string) => (from ? `${from} recommends` : 'We recommend');

/** The openings, one of each kind the issue names. */
export const OPENINGS: readonly Opening[] = [
  { id: 'name-recommends-that', verbFirst: true, write: (r, t) => `${recommends(r.from)} that ${r.sur} ${t}` },
  { id: 'we-recommend-that', verbFirst: true, write: (r, t) => `We recommend that ${r.sur} ${t}` },
  { id: 'we-recommend-government', verbFirst: true, write: (r, t) => `We recommend that the Government of ${r.sur} ${t}` },
  { id: 'we-urge-to', verbFirst: true, write: (r, t) => `We urge ${r.sur} to ${t}` },
  { id: 'we-urge-government-to', verbFirst: true, write: (r, t) => `We urge the Government of ${r.sur} to ${t}` },
  { id: 'name-calls-on', verbFirst: true, write: (r, t) => `${by(r.from)} ${r.from ? 'calls' : 'call'} on ${r.sur} to ${t}` },
  { id: 'name-encourages', verbFirst: true, write: (r, t) => `${by(r.from)} ${r.from ? 'encourages' : 'encourage'} the authorities of ${r.sur} to ${t}` },
  { id: 'sur-should', verbFirst: true, write: (r, t) => `${r.sur} should ${t}` },
  { id: 'government-should', verbFirst: true, write: (r, t) => `The Government of ${r.sur} should ${t}` },
  { id: 'would-like-to-recommend', verbFirst: true, write: (r, t) => `${by(r.from)} would like to recommend that ${r.sur} ${t}` },
  { id: 'bare-to', verbFirst: true, write: (_r, t) => `To ${t}` },
  { id: 'greeting-then-we', verbFirst: true, write: (r, t) => `Thank you, Mr. President. ${r.from ? `${r.from} welcomes` : 'We welcome'} the delegation of ${r.sur}. We recommend that ${r.sur} ${t}` },
  { id: 'lead-in-numbered', verbFirst: true, write: (r, t) => `${recommends(r.from)} that ${r.sur}:\n1. ${withoutStop(t)};\n2. ${SECOND}.` },
  { id: 'and-that-second', verbFirst: true, write: (r, t) => `We recommend that ${r.sur} ${withoutStop(t)}, and that it ${SECOND}.` },
  { id: 'recommend-to-colon', verbFirst: false, write: (r, t) => `${recommends(r.from)} the following to ${r.sur}: ${t}` },
  { id: 'mr-president-colon', verbFirst: false, write: (r, t) => `Mr. President, ${by(r.from)} ${r.from ? 'has' : 'have'} one recommendation for ${r.sur}: ${t}` },
  { id: 'our-recommendation-is', verbFirst: true, write: (r, t) => `Our recommendation is that ${r.sur} ${t}` },
  { id: 'first-comma', verbFirst: true, write: (r, t) => `First, we recommend that ${r.sur} ${t}` },
  // Typed in haste: no capital anywhere, the State's name included.
  { id: 'all-lower-case', verbFirst: true, write: (r, t) => `${recommends(r.from)} that ${r.sur} ${t}`.toLowerCase() },
];

/**
 * Does the row read as an imperative that can follow "that Chad" or "to"? Rows such as
 * "Recommended that …", "That Benin …", "Indonesia is encouraged to …", "In …, continue …" cannot,
 * and get an opening that ends with a colon instead. This check is the generator's, not the
 * classifier's: the first word is lower-case English only when it is not a name or an acronym.
 */
export function takesVerbOpening(text: string): boolean {
  const first = text.match(/^\s*([A-Za-z][A-Za-z'-]*)/)?.[1] ?? '';
  if (!first || first.length > 1 && first === first.toUpperCase()) return false;
  if (/^(?:recommended|recommends|recommend|that|it|the|a|an|in|with|while|within|to|for|as|on|by|at|under|given|taking|bearing|noting|following|regarding|concerning|considering|further to|this|these|there|all|its|their|his|her|every|each|any|both|no|not|mr|mrs|ms|states|state|government|authorities)$/i.test(first)) return false;
  // A name opening the row ("Indonesia is encouraged", "Benin should"): a capital word followed by "is", "should" or a verb in -s.
  const second = text.match(/^\s*[A-Za-z][A-Za-z'-]*\s+([A-Za-z]+)/)?.[1]?.toLowerCase() ?? '';
  if (/^(?:is|are|should|must|shall|will|has|have|to)$/.test(second)) return false;
  return true;
}

/** "Ratify the ..." -> "ratify the ..."; "ICC ..." and "Benin's ..." stay as they are. */
export function lowerOpening(text: string): string {
  const t = text.trim();
  return /^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

/** The row behind the given opening, or, when its text cannot follow a verb opening, behind a colon opening. */
export function withOpening(row: OpeningRow, opening: Opening): { text: string; opening: Opening } {
  const verb = takesVerbOpening(row.text);
  const chosen = opening.verbFirst && !verb ? OPENINGS.filter((o) => !o.verbFirst)[stableHash(row.text) % 2]! : opening;
  const rest = chosen.verbFirst ? lowerOpening(row.text) : row.text.trim();
  return { text: chosen.write({ sur: row.sur, from: row.from }, rest), opening: chosen };
}

/** One opening per row, picked by a hash of its text. */
export function pickOpening(row: OpeningRow): { text: string; opening: Opening } {
  return withOpening(row, OPENINGS[stableHash(row.text) % OPENINGS.length]!);
}
