/**
 * UPR Info action category: agreement of classifyActionCategory with UPR Info's coders on the
 * 6,094 coded recommendations of sessions 1-5 (../shared/data/upr-info-sessions-1-5.csv).
 * Sessions 1-3 were used to tune the rules; sessions 4-5 are held out. Beside it, in the same
 * run: a baseline that reads only the first word. Goal: at least 90% on the held-out sessions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyActionCategory } from '../lib/upr/action-category';
import {
  CATEGORIES,
  decodeMacRoman,
  firstWordBaseline,
  parseCodedRecommendations,
  score,
  splitBySession,
  type CodedRecommendation,
  type Score,
} from '../lib/upr/eval-corpus';
import { ms, time } from './stats';

export const UPR_INFO_CSV = process.env.UPR_INFO_CSV ?? fileURLToPath(new URL('../../shared/data/upr-info-sessions-1-5.csv', import.meta.url));

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function matrix(s: Score): string[] {
  const head = `    coded \\ predicted ${CATEGORIES.map((c) => String(c).padStart(6)).join('')}`;
  return [head, ...s.confusion.map((row, i) => `    ${String(i + 1).padStart(18)} ${row.map((n) => String(n).padStart(6)).join('')}`)];
}

function perCategory(s: Score): string {
  return s.perCategory.map((c) => `${c.category}: P ${pct(c.precision)} R ${pct(c.recall)} (n=${c.support})`).join(' · ');
}

export function benchActionCategory(): { lines: string[] } {
  if (!existsSync(UPR_INFO_CSV)) return { lines: [`- skipped: ${UPR_INFO_CSV} not found (set UPR_INFO_CSV)`] };
  const [rows, parseMs] = time(() => parseCodedRecommendations(decodeMacRoman(readFileSync(UPR_INFO_CSV))));
  const { tuning, heldOut } = splitBySession(rows);
  const classify = (text: string) => classifyActionCategory(text).category;

  // One untimed pass first, so the first set timed does not also pay for warming up the JIT.
  score(rows, classify);
  score(rows, firstWordBaseline);

  const lines = [`- ${rows.length} coded rows read in ${ms(parseMs)}; tuning = sessions 1-3 (${tuning.length}), held out = sessions 4-5 (${heldOut.length})`];
  const sets: [string, CodedRecommendation[]][] = [['tuning (sessions 1-3)', tuning], ['held out (sessions 4-5)', heldOut], ['all', rows]];
  for (const [name, set] of sets) {
    const [ours, oursMs] = time(() => score(set, classify));
    const [base, baseMs] = time(() => score(set, firstWordBaseline));
    lines.push(
      `- ${name}: rules ${pct(ours.accuracy)} vs first-word baseline ${pct(base.accuracy)} ` +
        `(${(ours.accuracy - base.accuracy >= 0 ? '+' : '') + (100 * (ours.accuracy - base.accuracy)).toFixed(1)} points); ` +
        `time ${ms(oursMs)} vs ${ms(baseMs)} (${(oursMs / baseMs).toFixed(1)}x), ${((1000 * oursMs) / set.length).toFixed(1)} µs per recommendation`,
      `  rules per category: ${perCategory(ours)}`,
      `  baseline per category: ${perCategory(base)}`,
    );
    if (set !== rows) lines.push(`  rules, confusion matrix (${set === tuning ? 'tuning' : 'held out'}):`, ...matrix(ours));
  }
  return { lines };
}
