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
        ? factor.indicators.map((i) => ({ id: i.id, factorId: factor.id, number: i.number, text: i.text, verified: i.verified }))
        : [{ id: factor.id, factorId: factor.id, number: '', text: factor.summary, verified: factor.verified }],
  }));
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
