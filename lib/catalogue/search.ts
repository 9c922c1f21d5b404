/**
 * Catalogue search: "what did the Secretary-General recommend on X".
 *
 * Fuse.js token search ranks the recommendations (per-word fuzzy matching, BM25-style weights).
 * In front of it, the concept lexicon turns what a delegate types into what the reports say:
 * "RtoP" also looks for "responsibility to protect", a misspelt "rome statue" is recognised as the
 * Rome Statute, and entries linked to a recognised concept are lifted.
 */
import Fuse from 'fuse.js';
import { knowledgeBase, type KnowledgeBase } from './knowledge';
import { findQueryConcepts, type ConceptLexicon, buildConceptLexicon } from './query-concepts';
import type { ActorId, Recommendation, ThemeId } from './schema';
import { foldText } from '../text/normalize';

export interface CatalogueFilters {
  report?: readonly Recommendation['report'][];
  actor?: readonly ActorId[];
  pillar?: readonly (1 | 2 | 3)[];
  /** A risk factor id (either framework); an entry citing one of its indicators counts too. */
  riskFactor?: readonly string[];
  uprStep?: readonly (1 | 2 | 3 | 4)[];
  theme?: readonly ThemeId[];
}

export interface CatalogueHit {
  item: Recommendation;
  /** Relevance, higher is better; 0 for the unranked listing of an empty query. */
  score: number;
  /** Concepts recognised in the query that this entry is linked to. */
  concepts: string[];
}

interface SearchDoc {
  rec: Recommendation;
  title: string;
  summary: string;
  upr: string;
  conceptTerms: string[];
  context: string[];
}

export interface CatalogueIndex {
  search(query: string, filters?: CatalogueFilters): CatalogueHit[];
  readonly size: number;
}

const CONCEPT_BOOST = 0.35;

export function buildCatalogueIndex(kb: KnowledgeBase): CatalogueIndex {
  const lexicon: ConceptLexicon = buildConceptLexicon(kb.concepts);
  const conceptsByRec = new Map<string, Set<string>>();
  for (const c of kb.concepts) {
    for (const id of c.recommendations) {
      let set = conceptsByRec.get(id);
      if (!set) conceptsByRec.set(id, (set = new Set()));
      set.add(c.id);
    }
  }
  const conceptById = new Map(kb.concepts.map((c) => [c.id, c]));
  const instrumentById = new Map(kb.instruments.map((i) => [i.id, i]));
  const stateByCode = new Map(kb.states.map((s) => [s.code, s]));

  const docs: SearchDoc[] = kb.recommendations.map((rec) => {
    const linked = [...(conceptsByRec.get(rec.id) ?? [])].map((id) => conceptById.get(id)!);
    for (const instrumentId of rec.instruments) {
      const concept = kb.concepts.find((c) => c.instrument === instrumentId);
      if (concept && !linked.includes(concept)) linked.push(concept);
    }
    return {
      rec,
      title: rec.title,
      summary: rec.summary,
      upr: rec.uprRecommendation,
      conceptTerms: linked.flatMap((c) => [c.label, ...c.variants, ...c.acronyms]),
      context: [
        rec.section,
        ...rec.instruments.flatMap((id) => {
          const i = instrumentById.get(id);
          return i ? [i.name, i.shortName, ...i.acronyms] : [];
        }),
        ...rec.statePractice.flatMap((p) => [stateByCode.get(p.state)?.name ?? p.state, p.what]),
      ],
    };
  });

  const fuse = new Fuse(docs, {
    useTokenSearch: true,
    ignoreDiacritics: true,
    includeScore: true,
    threshold: 0.34,
    keys: [
      { name: 'title', weight: 3 },
      { name: 'conceptTerms', weight: 2 },
      { name: 'summary', weight: 1 },
      { name: 'upr', weight: 0.6 },
      { name: 'context', weight: 0.5 },
    ],
  });
  const order = new Map(kb.recommendations.map((r, i) => [r.id, i]));
  const reportOrder = new Map(kb.reports.map((r) => [r.id, r.year]));
  const factorOf = new Map(
    kb.riskFactors.factors.flatMap((f) => f.indicators.map((i) => [i.id, f.id] as const)),
  );

  const passes = (rec: Recommendation, f: CatalogueFilters | undefined): boolean => {
    if (!f) return true;
    const any = <T>(wanted: readonly T[] | undefined, has: readonly T[]) =>
      !wanted?.length || wanted.some((w) => has.includes(w));
    return (
      any(f.report, [rec.report]) &&
      any(f.actor, rec.actors) &&
      any(f.pillar, rec.pillars) &&
      any(f.uprStep, rec.uprSteps) &&
      any(f.theme, rec.themes) &&
      any(f.riskFactor, [...rec.riskFactors, ...rec.riskFactors.map((id) => factorOf.get(id) ?? id)])
    );
  };

  return {
    size: docs.length,
    search(query, filters) {
      const trimmed = query.trim();
      if (!trimmed) {
        return kb.recommendations
          .filter((rec) => passes(rec, filters))
          .sort(
            (a, b) =>
              (reportOrder.get(a.report) ?? 0) - (reportOrder.get(b.report) ?? 0) ||
              order.get(a.id)! - order.get(b.id)!,
          )
          .map((item) => ({ item, score: 0, concepts: [] }));
      }
      const found = findQueryConcepts(trimmed, lexicon);
      const expansion = found.flatMap((c) => {
        const concept = conceptById.get(c)!;
        return [concept.label, ...concept.acronyms];
      });
      const fuseQuery = foldText([trimmed, ...expansion].join(' '));
      const hits: CatalogueHit[] = [];
      for (const r of fuse.search(fuseQuery)) {
        const rec = r.item.rec;
        if (!passes(rec, filters)) continue;
        const linked = conceptsByRec.get(rec.id);
        const concepts = found.filter(
          (c) => linked?.has(c) || rec.instruments.includes(conceptById.get(c)?.instrument ?? ''),
        );
        const boost = found.length ? (CONCEPT_BOOST * concepts.length) / found.length : 0;
        hits.push({ item: rec, score: 1 - (r.score ?? 1) + boost, concepts });
      }
      return hits.sort((a, b) => b.score - a.score || order.get(a.item.id)! - order.get(b.item.id)!);
    },
  };
}

let defaultIndex: CatalogueIndex | undefined;

/** Ranked hits over the bundled catalogue; the index is built on first use. */
export function searchCatalogue(query: string, filters?: CatalogueFilters): CatalogueHit[] {
  defaultIndex ??= buildCatalogueIndex(knowledgeBase());
  return defaultIndex.search(query, filters);
}

/** Hits grouped by report, in report order: the listing an empty query shows. */
export function groupByReport(hits: CatalogueHit[]): Map<Recommendation['report'], CatalogueHit[]> {
  const groups = new Map<Recommendation['report'], CatalogueHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.item.report);
    if (list) list.push(hit);
    else groups.set(hit.item.report, [hit]);
  }
  return groups;
}
