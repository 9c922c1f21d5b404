/**
 * UPR Info action category: agreement of classifyActionCategory with UPR Info's coders on the
 * 23,484 coded recommendations of sessions 1-13 (../shared/data). The split is by session: the
 * rules were tuned on sessions 1-9 only, sessions 10-13 are kept aside (lib/upr/eval-corpus.ts).
 * Each row is scored bare, as UPR Info lists it, and written behind a statement's opening ("Norway
 * recommends that Chad …", "We urge the Government of Chad to …", a lead-in and a numbered list:
 * lib/upr/eval-openings.ts). Beside it, in the same run: a baseline that reads only the first word,
 * and the rules without the draft reading (as before issue 13). Goals: at least 92% bare on the rows
 * kept aside, and the same within 1 point with openings.
 */
import { classifyActionCategory, classifyByRules } from '../lib/upr/action-category';
import { CATEGORIES, firstWordBaseline, HELD_OUT_SESSIONS, score, splitBySession, TUNING_SESSIONS, type Category, type CodedRecommendation, type Score } from '../lib/upr/eval-corpus';
import { OPENINGS, pickOpening, withOpening } from '../lib/upr/eval-openings';
import { ms, time } from './stats';
import { missingExports, readCodedExports, SHARED_DATA } from './upr-info-exports';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const points = (a: number, b: number) => `${a - b >= 0 ? '+' : '−'}${Math.abs(100 * (a - b)).toFixed(1)} points`;

function matrix(s: Score): string[] {
  const head = `    coded \\ predicted ${CATEGORIES.map((c) => String(c).padStart(6)).join('')}`;
  return [head, ...s.confusion.map((row, i) => `    ${String(i + 1).padStart(18)} ${row.map((n) => String(n).padStart(6)).join('')}`)];
}

function perCategory(s: Score): string {
  return s.perCategory.map((c) => `${c.category}: P ${pct(c.precision)} R ${pct(c.recall)} (n=${c.support})`).join(' · ');
}

const ours = (text: string): Category => classifyActionCategory(text).category;
/** The rules on the whole text, as the extension read a draft before it read openings. */
const before = (text: string): Category => classifyByRules(text).category;

/** The rows written behind their opening (one each, picked by a seeded hash of the text). */
const opened = (rows: CodedRecommendation[]) => rows.map((r) => ({ ...r, text: pickOpening(r).text }));

export function benchActionCategory(): { lines: string[] } {
  const missing = missingExports();
  if (missing.length) {
    return { lines: [`- skipped: the coded UPR Info exports are not there (${missing.join(', ')}); set R2P_SHARED_DATA to their folder`] };
  }
  const [rows, readMs] = time(() => readCodedExports(SHARED_DATA));
  const { tuning, heldOut } = splitBySession(rows);
  const [heldOpened, tuningOpened] = [opened(heldOut), opened(tuning)];

  // One untimed pass first, so the first set timed does not also pay for warming up the JIT.
  score(heldOut, ours);
  score(heldOut, firstWordBaseline);

  const [bare, bareMs] = time(() => score(heldOut, ours));
  const [baseline, baseMs] = time(() => score(heldOut, firstWordBaseline));
  const withOpenings = score(heldOpened, ours);
  const baselineOpenings = score(heldOpened, firstWordBaseline);
  const beforeBare = score(heldOut, before);
  const beforeOpenings = score(heldOpened, before);
  const perOpening = OPENINGS.map((o) => ({ id: o.id, s: score(heldOut.map((r) => ({ ...r, text: withOpening(r, o).text })), ours) }));
  const worst = perOpening.reduce((a, b) => (b.s.accuracy < a.s.accuracy ? b : a));
  const tuningBare = score(tuning, ours);
  const tuningOpenings = score(tuningOpened, ours);
  const tuningBaseline = score(tuning, firstWordBaseline);

  const [t0, t1] = TUNING_SESSIONS;
  const [h0, h1] = HELD_OUT_SESSIONS;
  return {
    lines: [
      `- ${rows.length} coded rows read in ${ms(readMs)}; split by session: tuning = sessions ${t0}-${t1} (${tuning.length} rows), kept aside = sessions ${h0}-${h1} (${heldOut.length} rows)`,
      `- kept aside, bare (as UPR Info lists them): **${pct(bare.accuracy)}** vs first-word baseline ${pct(baseline.accuracy)} (${points(bare.accuracy, baseline.accuracy)}); goal ≥ 92%`,
      `- kept aside, behind a statement opening (${OPENINGS.length} kinds, one per row by a seeded hash): **${pct(withOpenings.accuracy)}** (${points(withOpenings.accuracy, bare.accuracy)} against bare; goal within 1 point); first-word baseline ${pct(baselineOpenings.accuracy)}`,
      `  each opening on every kept-aside row: ${perOpening.map((o) => `${o.id} ${pct(o.s.accuracy)}`).join(' · ')}; lowest ${worst.id} (${points(worst.s.accuracy, bare.accuracy)})`,
      `- before the draft reading (rules on the whole text): bare ${pct(beforeBare.accuracy)}, behind openings ${pct(beforeOpenings.accuracy)}`,
      `- tuning sessions ${t0}-${t1}: bare ${pct(tuningBare.accuracy)}, behind openings ${pct(tuningOpenings.accuracy)}; first-word baseline ${pct(tuningBaseline.accuracy)}`,
      `- time on the kept-aside rows: ${ms(bareMs)} vs baseline ${ms(baseMs)} (${(bareMs / baseMs).toFixed(0)}x), ${((1000 * bareMs) / heldOut.length).toFixed(1)} µs per recommendation`,
      `  per category (kept aside, bare): ${perCategory(bare)}`,
      `  baseline per category: ${perCategory(baseline)}`,
      '  confusion matrix (kept aside, bare):',
      ...matrix(bare),
    ],
  };
}
