/**
 * How far agreement with UPR Info's coders can go: the coders against themselves. For each
 * kept-aside row, the tuning rows that say nearly the same thing (the same deciding words, and
 * word sets overlapping by at least `threshold` Jaccard, identical texts left out): how often the
 * coders gave them the same category, and how often we agree with the coders on those rows and on
 * the rest. Exact by prefix filtering: two sets with Jaccard >= t share a word among the first
 * |X| - ceil(t |X|) + 1 of each, in one global order (rarest first).
 */
import { classifyByRules } from '../lib/upr/action-rules';
import { words } from '../lib/upr/action-model-features';
import type { CodedRecommendation } from '../lib/upr/eval-corpus';

export interface CoderAgreement {
  /** Kept-aside rows with at least one near-identical tuning row. */
  rows: number;
  /** Share of those rows whose coded category is that of their closest near-identical tuning row. */
  coders: number;
  /** Our agreement with the coders on those rows, and on the kept-aside rows without one. */
  oursWith: number;
  oursWithout: number;
}

export function coderAgreement(
  tuning: CodedRecommendation[],
  heldOut: CodedRecommendation[],
  ours: (text: string) => number,
  threshold = 0.8,
): CoderAgreement {
  const sets = (rows: CodedRecommendation[]) => rows.map((r) => [...new Set(words(r.text))]);
  const tuningSets = sets(tuning);
  const heldSets = sets(heldOut);
  const df = new Map<string, number>();
  for (const s of tuningSets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const order = (s: string[]) => [...s].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : 1));
  const prefix = (s: string[]) => order(s).slice(0, s.length - Math.ceil(threshold * s.length) + 1);
  const index = new Map<string, number[]>();
  tuningSets.forEach((s, i) => {
    for (const w of prefix(s)) (index.get(w) ?? index.set(w, []).get(w)!).push(i);
  });
  const deciding = new Map<string, string>();
  const decidingOf = (text: string) => deciding.get(text) ?? deciding.set(text, classifyByRules(text).verb.toLowerCase()).get(text)!;

  let withN = 0, codersSame = 0, oursWith = 0, withoutN = 0, oursWithout = 0;
  heldOut.forEach((r, i) => {
    const a = new Set(heldSets[i]);
    let best = -1;
    let bestJ = 0;
    const seen = new Set<number>();
    for (const w of prefix(heldSets[i]!)) {
      for (const j of index.get(w) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        const b = tuningSets[j]!;
        const shared = b.filter((x) => a.has(x)).length;
        const jac = shared / (a.size + b.length - shared);
        if (jac < threshold || jac === 1 || jac <= bestJ) continue;
        if (decidingOf(tuning[j]!.text) !== decidingOf(r.text)) continue;
        best = j; bestJ = jac;
      }
    }
    const right = ours(r.text) === r.category;
    if (best < 0) { withoutN++; if (right) oursWithout++; return; }
    withN++;
    if (tuning[best]!.category === r.category) codersSame++;
    if (right) oursWith++;
  });
  return { rows: withN, coders: codersSame / withN, oursWith: oursWith / withN, oursWithout: oursWithout / withoutN };
}
