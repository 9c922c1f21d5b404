/**
 * What a delegation assesses in step 1: the Framework of Analysis' 14 risk factors with their
 * numbered indicators, and the 2013 report's six risk factors and its triggers. A factor that
 * comes without indicators is assessed as one item under its own id.
 */
import type { RiskFactor } from '../catalogue/schema';
import type { AssessmentRow, IndicatorStatus } from '../db/rows';

export interface AssessableItem {
  id: string;
  factorId: string;
  /** "1.1" for Framework indicators; empty for a factor assessed as a whole. */
  number: string;
  text: string;
  verified: boolean;
  /** False where the number may not be the official one (see the factor's note). */
  numberSure: boolean;
}

export interface FactorGroup {
  factor: RiskFactor;
  items: AssessableItem[];
}

export function assessableGroups(factors: RiskFactor[]): FactorGroup[] {
  return factors.map((factor) => ({
    factor,
    items:
      factor.indicators.length > 0
        ? factor.indicators.map((i) => ({
            id: i.id, factorId: factor.id, number: i.number, text: i.text, verified: i.verified, numberSure: i.numbering !== 'uncertain',
          }))
        : [{ id: factor.id, factorId: factor.id, number: '', text: factor.summary, verified: factor.verified, numberSure: true }],
  }));
}

/** "7.12–7.14", "12.1, 12.3": numbers as a delegate reads them, runs joined. */
export function numberRanges(numbers: string[]): string {
  const runs: string[][] = [];
  for (const n of numbers) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    const follows = last && last.split('.')[0] === n.split('.')[0] && Number(n.split('.')[1]) === Number(last.split('.')[1]) + 1;
    if (run && follows) run.push(n);
    else runs.push([n]);
  }
  return runs.map((r) => (r.length > 2 ? `${r[0]}–${r.at(-1)}` : r.join(', '))).join(', ');
}

export interface FactorNotes {
  /** Which paraphrases were not checked against the official wording, said once for the factor. */
  unchecked?: string;
  /** Which numbers may not be the official ones, with the factor's own account of its numbering. */
  numbering?: string;
}

export function factorNotes(group: FactorGroup): FactorNotes {
  const notes: FactorNotes = {};
  const unchecked = group.items.filter((i) => !i.verified);
  if (unchecked.length === group.items.length && unchecked.length > 0) {
    notes.unchecked = group.items.length > 1 ? 'Paraphrases not checked against the official wording.' : 'Paraphrase not checked against the official wording.';
  } else if (unchecked.length > 0) {
    notes.unchecked = `Paraphrase not checked against the official wording: ${numberRanges(unchecked.map((i) => i.number))}.`;
  }
  const unsure = group.items.filter((i) => !i.numberSure);
  if (unsure.length > 0) {
    const which = unsure.length === group.items.length ? 'These numbers' : `Numbers ${numberRanges(unsure.map((i) => i.number))}`;
    notes.numbering = `${which} may not be the official ones. ${group.factor.numberingNote ?? "Cite the Framework's own text."}`;
  }
  return notes;
}

/** The factor an item belongs to (used to link drafts to risk factors). */
export function factorOf(groups: FactorGroup[], itemId: string): RiskFactor | undefined {
  return groups.find((g) => g.items.some((i) => i.id === itemId))?.factor;
}

export interface FactorSummary {
  factor: RiskFactor;
  present: number;
  partly: number;
  assessed: number;
  total: number;
}

/**
 * Risk factors ordered by how many of their indicators are present (then partly present);
 * factors with nothing present or partly present are left out.
 */
export function riskSummary(groups: FactorGroup[], assessments: Pick<AssessmentRow, 'indicatorId' | 'status'>[]): FactorSummary[] {
  const status = new Map<string, IndicatorStatus>(assessments.map((a) => [a.indicatorId, a.status]));
  return groups
    .map((g) => {
      const s = g.items.map((i) => status.get(i.id));
      return {
        factor: g.factor,
        present: s.filter((x) => x === 'present').length,
        partly: s.filter((x) => x === 'partly').length,
        assessed: s.filter((x) => x !== undefined && x !== 'unknown').length,
        total: g.items.length,
      };
    })
    .filter((x) => x.present + x.partly > 0)
    .sort((a, b) => b.present - a.present || b.partly - a.partly);
}
