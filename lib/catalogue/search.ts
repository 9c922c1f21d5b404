/**
 * Catalogue search: "what did the Secretary-General recommend on X".
 *
 * A BM25F index over weighted fields ranks the recommendations; Fuse.js proposes the spellings a
 * mistyped word may stand for. In front of both, the concept lexicon turns what a delegate types
 * into what the reports say: "RtoP" matches entries about the responsibility to protect, a misspelt
 * "rome statue" is read as the Rome Statute, and entries linked to a recognised concept are lifted.
 */
import { knowledgeBase, type KnowledgeBase } from './knowledge';
import { findQueryConcepts, type ConceptLexicon, buildConceptLexicon } from './query-concepts';
import { TextIndex } from './text-index';
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
  /** Relevance relative to the best hit (1), higher is better; 0 in the unranked listing of an empty query. */
  score: number;
  /** Concepts recognised in the query that this entry is linked to. */
  concepts: string[];
}

interface SearchDoc {
  rec: Recommendation;
  title: string;
  summary: string;
  upr: string;
  conceptTerms: string;
  context: string;
}

export interface CatalogueIndex {
  search(query: string, filters?: CatalogueFilters): CatalogueHit[];
  readonly size: number;
}

/** How much an entry linked to every concept recognised in the query gains over one linked to none. */
const CONCEPT_BOOST = 0.5;
/** An entry whose title holds the whole query as typed is what was asked for. */
const PHRASE_IN_TITLE = 1.3;

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
      upr: rec.upr.map((s) => s.text).join(' · '),
      conceptTerms: linked.flatMap((c) => [c.label, ...c.variants, ...c.acronyms]).join(' · '),
      context: [
        rec.section,
        ...rec.instruments.flatMap((id) => {
          const i = instrumentById.get(id);
          return i ? [i.name, i.shortName, ...i.acronyms] : [];
        }),
        ...rec.statePractice.flatMap((p) => [stateByCode.get(p.state)?.name ?? p.state, p.what]),
      ].join(' · '),
    };
  });

  const index = new TextIndex(docs, [
    { weight: 3, text: (d) => d.title },
    { weight: 2, text: (d) => d.conceptTerms },
    { weight: 1, text: (d) => d.summary },
    { weight: 0.6, text: (d) => d.upr },
    { weight: 0.5, text: (d) => d.context },
  ]);
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
      const { ids: found, corrected } = findQueryConcepts(trimmed, lexicon);
      const lastWordComplete = /\s$/.test(query);
      // The reports may use another name than the one typed: "RtoP" also looks for the label,
      // as optional words that add to the score but are not required.
      const synonyms = found
        .flatMap((c) => [conceptById.get(c)!.label, ...conceptById.get(c)!.acronyms])
        .filter((t) => !foldText(corrected).includes(foldText(t)));
      const queryWords = [
        ...index.parse(corrected, { lastWordComplete }),
        ...index.parse(synonyms.join(' '), { lastWordComplete: true }).map((w) => ({ ...w, optional: true })),
      ];
      const hits: CatalogueHit[] = [];
      let best = 0;
      const phrase = foldText(corrected);
      for (const [i, raw] of index.score(queryWords)) {
        const rec = docs[i]!.rec;
        if (!passes(rec, filters)) continue;
        const linked = conceptsByRec.get(rec.id);
        const concepts = found.filter(
          (c) => linked?.has(c) || rec.instruments.includes(conceptById.get(c)?.instrument ?? ''),
        );
        const boost = found.length ? (CONCEPT_BOOST * concepts.length) / found.length : 0;
        const inTitle = corrected.includes(' ') && foldText(rec.title).includes(phrase) ? PHRASE_IN_TITLE : 1;
        const score = raw * (1 + boost) * inTitle;
        best = Math.max(best, score);
        hits.push({ item: rec, score, concepts });
      }
      // Relative to the best hit, so a score reads the same whatever the query: 1 is the top.
      for (const h of hits) h.score = best > 0 ? h.score / best : 0;
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
