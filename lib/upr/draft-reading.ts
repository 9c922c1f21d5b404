/**
 * Finds the recommendations inside what a delegate types. A statement wraps them in openings a
 * UPR Info row does not have: "Ireland recommends that Chad ratify …", "We urge the Government of
 * Chad to …", "Chad should …", "To ratify …", a lead-in and a numbered list, several sentences, two
 * recommendations joined by "and that". Each recommendation comes back as UPR Info lists one,
 * starting with its own verb ("Ratify the Rome Statute …"), with where it stands in the draft and
 * who it is addressed to. Plain rules over words, no dictionary of names: a name is a run of
 * capitalised words.
 *
 * In layers, each readable and testable alone (lib/upr/draft-reading/): tokens (the words and
 * their offsets), words (the lists the readers turn on), names (who speaks, who is asked),
 * openings (where one sentence's recommendation starts), units (sentences, list items, joined
 * recommendations); this file walks the units and puts each recommendation together.
 */
import { gerundLemma, matchVerb } from './verb-forms';
import { capitalised, tokens, upperFirst, type Tok } from './draft-reading/tokens';
import { OBJECT_START } from './draft-reading/words';
import { verbStart } from './draft-reading/names';
import { readOpeningAt, readThatClause, readUnit } from './draft-reading/openings';
import { joined, trimSpan, units, type Span } from './draft-reading/units';

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

/**
 * "By 2027, adopt …", "Without delay, ratify …": a short phrase of time or manner, its comma, then
 * the verb. Such a recommendation still follows "recommends that Chad" as a clause.
 */
function verbAfterLead(ts: Tok[]): boolean {
  const comma = ts.findIndex((t, n) => n > 0 && n <= 6 && t.text === ',');
  return comma > 0 && !ts.slice(0, comma).some((t) => verbStart(t)) && verbStart(ts[comma + 1]);
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
    let ts = tokens(text, start, s.end);
    // "Ireland recommends to Chad: to ratify …; to abolish …".
    if (!clause && ts[0]?.lower === 'to' && verbStart(ts[1])) {
      ts = ts.slice(1);
      start = ts[0]!.start;
    }
    const first = ts[0];
    const m = first ? matchVerb(first.lower) : undefined;
    let lemma: string | undefined;
    if (!clause && first) {
      // "We recommend establishing …" asks to "Establish …"; "ending the use of …" too, though
      // "ending" alone is more often a noun.
      if (stated && m?.form === 'gerund') lemma = m.lemma;
      else if (stated && !m && OBJECT_START.has(ts[1]?.lower ?? '')) lemma = gerundLemma(first.lower);
      // "recommends that Syria ensures …", British usage: the verb asked for is "Ensure …".
      else if ((stated || who) && m?.form === 'third-person') lemma = m.lemma;
    }
    const own = lemma ? lemma + text.slice(first!.end, s.end) : text.slice(start, s.end);
    // A lower-case word the lists do not know may be a verb typed in lower case; "the", "a", "all"
    // open a noun phrase ("We recommend the ratification of …").
    const verbFirst = !clause && !!first && (verbStart(first) || (first.word && !capitalised(first) && first.lower !== 'that' && !OBJECT_START.has(first.lower)) || verbAfterLead(ts));
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
