/**
 * The opening of a recommendation as UPR Info lists it ("Recommended that Benin", "Benin should",
 * "calls on the international community to"): who is asked, for the SMART checks and the draft
 * reading.
 */
import { tokenize, skipAdverbs, joinWords, type Token } from './tokens';
import { OTHER_STATES, ASKING } from './words';
import { skipReporting, encouragedTo, skipIntroClause, findFirstVerb, type Found } from './verbs';

export interface Opening {
  tokens: Token[];
  /** Where the request itself starts, after "Recommended that", "While noting ..., " and the like. */
  start: number;
  /** The request sits in a clause with its own subject: "Recommended that the authorities take ...". */
  thatClause: boolean;
  first: Found | undefined;
  /** Who is asked, when it is not the State under Review: "the international community", "donors". */
  otherAddressee: string | undefined;
}

export function readOpeningTokens(tokens: Token[]): Opening {
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
