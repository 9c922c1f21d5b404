/**
 * Cross-file integrity of the knowledge base: unique ids and links that resolve. Pure, so the
 * data tests and the validation script share it.
 */
import type { KnowledgeBase } from './knowledge';

export function checkKnowledgeBase(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${what}: duplicate id "${id}"`);
      seen.add(id);
    }
    return seen;
  };
  const reports = unique('reports', kb.reports.map((r) => r.id));
  const recs = unique('recommendations', kb.recommendations.map((r) => r.id));
  const factors = unique(
    'risk factors',
    kb.riskFactors.factors.flatMap((f) => [f.id, ...f.indicators.map((i) => i.id)]),
  );
  const instruments = unique('instruments', kb.instruments.map((i) => i.id));
  const concepts = unique('concepts', kb.concepts.map((c) => c.id));
  const states = unique('states', kb.states.map((s) => s.code));
  unique('states (alpha-2)', kb.states.map((s) => s.alpha2));

  const expect = (where: string, ids: Iterable<string>, known: Set<string>, what: string) => {
    for (const id of ids) if (!known.has(id)) problems.push(`${where}: unknown ${what} "${id}"`);
  };
  for (const r of kb.recommendations) {
    const where = `recommendation ${r.id}`;
    expect(where, [r.report], reports, 'report');
    expect(where, r.riskFactors, factors, 'risk factor');
    expect(where, r.instruments, instruments, 'instrument');
    expect(where, r.statePractice.map((p) => p.state), states, 'State');
  }
  for (const c of kb.concepts) {
    const where = `concept ${c.id}`;
    expect(where, c.recommendations, recs, 'recommendation');
    expect(where, c.riskFactors, factors, 'risk factor');
    if (c.instrument) expect(where, [c.instrument], instruments, 'instrument');
  }
  const rel = kb.atrocityRelevance;
  for (const list of [...rel.counts, rel.notByThemselves, rel.onlyForAProtectedGroup]) {
    expect(`atrocity-relevance "${list.why.slice(0, 40)}…"`, list.concepts, concepts, 'concept');
  }
  for (const a of rel.ambiguous) expect(`atrocity-relevance ambiguous ${a.concept}`, [a.concept, ...a.unlessAlso], concepts, 'concept');
  return problems;
}
