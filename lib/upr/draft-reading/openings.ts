/**
 * The opening of one sentence or list item: where its recommendation starts and to whom it is
 * addressed ("We recommend that Syria", "Ireland calls on the Government of Chad to", "Chad
 * should", "Our recommendation is that", a lead-in ending with a colon), or that it asks nothing.
 */
import { tokens, capitalised, joinTokens, type Tok } from './tokens';
import { matchVerb } from '../verb-forms';
import { ASK, BEFORE_ASK, SPEAKER_WORDS, OWN, MODALS, PASSIVE_ASK, BE, NOT_A_REQUEST, GREETING, WHICH_RECOMMENDATION, ORDERING } from './words';
import { verbStart, addresseeEnd, skipAsides, ownStart, speakerEnd } from './names';

export interface Reading {
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

/**
 * After "that": the addressee, an aside, a modal, then the verb. "that Chad ratify", "that the
 * Government of Chad should ratify", "that it, as a matter of priority, ratify". A passive or a
 * subject that is not who acts ("that the law be repealed") is left as a clause.
 */
export function readThatClause(text: string, ts: Tok[], i: number): Reading {
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
export function readAfterAsk(text: string, ts: Tok[], i: number): Reading {
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
export function toAfterAddressee(ts: Tok[], j: number, addressee: string): Reading {
  if (ts[j + 1]?.text === ':') return { at: j + 2, addressee, clause: false, leadIn: true };
  return { at: ownStart(ts, j + 1), addressee, clause: false, leadIn: false };
}

/** "the following (recommendation(s)) (to Chad):" */
export function followingList(ts: Tok[], k: number, addressee: string): Reading {
  const colon = ts.findIndex((t, n) => n > k && n < k + 15 && t.text === ':');
  return colon > 0 ? { at: colon + 1, addressee, clause: false, leadIn: true } : { at: k, addressee, clause: false, leadIn: false };
}

/**
 * "We (would also like to) recommend": the index after the asking verb, or -1. A named speaker
 * asks in the third person ("Ireland recommends") or after "to" ("Ireland would like to recommend"):
 * "Chad should invite the Special Rapporteur to visit" is Chad asked to invite, not Chad asking.
 */
export function askAfterSpeaker(ts: Tok[], i: number, named = false): number {
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
export function readUnit(text: string, ts: Tok[]): (Reading & { speaker: string }) | undefined {
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

/**
 * "Our (first) recommendation (to Chad) is that it ratify …", "My delegation's recommendation is to
 * ratify …", "Ireland's recommendations are as follows:".
 */
export function recommendationIs(text: string, ts: Tok[], s: number): (Reading & { speaker: string }) | undefined {
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

/** How many tokens "First," or "In addition," take at the start (0 when none). */
export function orderingWords(ts: Tok[]): number {
  for (const words of ORDERING) {
    if (words.every((w, n) => ts[n]?.lower === w) && ts[words.length]?.text === ',' && ts.length > words.length + 1) return words.length + 1;
  }
  return 0;
}

/**
 * The opening at token `s`. After a comma (`atStart` false) only an opening that names who speaks
 * or who must act counts: ", to combat poverty" inside a recommendation is not one.
 */
export function readOpeningAt(text: string, ts: Tok[], s: number, atStart: boolean): (Reading & { speaker: string }) | undefined {
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
