/** The highlight card's contents for one concept, from the bundled knowledge base. */
import type { KnowledgeBase } from '../catalogue/knowledge';
import { CATEGORY_LABELS } from '../catalogue/labels';
import type { CardDetails } from '../messages/highlight';

export const CARD_RECOMMENDATIONS = 3;

export function cardDetails(kb: KnowledgeBase, conceptId: string): CardDetails | null {
  const concept = kb.concepts.find((c) => c.id === conceptId);
  if (!concept) return null;
  const factors = new Map(kb.riskFactors.factors.map((f) => [f.id, f]));
  const recs = new Map(kb.recommendations.map((r) => [r.id, r]));
  const reports = new Map(kb.reports.map((r) => [r.id, r]));
  return {
    conceptId,
    label: concept.label,
    categoryLabel: CATEGORY_LABELS[concept.category],
    definition: concept.definition,
    riskFactors: concept.riskFactors.flatMap((id) => {
      const f = factors.get(id);
      return f ? [{ id, title: f.title }] : [];
    }),
    // The lexicon lists a concept's recommendations most relevant first.
    recommendations: concept.recommendations
      .flatMap((id) => {
        const rec = recs.get(id);
        const report = rec && reports.get(rec.report);
        return rec && report ? [{ id, title: rec.title, citation: `${report.year} · ${report.symbol} · ${rec.section}` }] : [];
      })
      .slice(0, CARD_RECOMMENDATIONS),
  };
}
