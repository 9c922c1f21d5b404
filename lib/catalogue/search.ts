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
import { readQuestion } from './question';
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

/** How the search read the query, for the line above the results. */
export interface CatalogueReading {
  /** What was searched for: the question's topic, typos corrected ("Rome Statute" for "rome statue"). */
  searched: string;
  /** A misspelt word was read as another. */
  corrected: boolean;
  /** Words of a question left out ("what", "did", "the SG", "recommend", "on"). */
  dropped: string[];
  /** Typed words that no entry holds, nor anything near them. */
  missing: string[];
}

export interface CatalogueResult {
  /** Entries holding every word searched for (or one of its readings); when none does, those holding most of them. */
  hits: CatalogueHit[];
  /** `hits` hold only some of the words: no entry holds them all. */
  partial: boolean;
  reading: CatalogueReading;
}

export interface SearchOptions {
  /** The words as typed: no question frame dropped, no typo corrected ("Search instead for …"). */
  literal?: boolean;
}

export interface CatalogueIndex {
  /** Ranked entries that match the query (see `query` for partial matches and how it was read). */
  search(query: string, filters?: CatalogueFilters): CatalogueHit[];
  query(query: string, filters?: CatalogueFilters, options?: SearchOptions): CatalogueResult;
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

  const listAll = (filters: CatalogueFilters | undefined): CatalogueHit[] =>
    kb.recommendations
      .filter((rec) => passes(rec, filters))
      .sort((a, b) => (reportOrder.get(a.report) ?? 0) - (reportOrder.get(b.report) ?? 0) || order.get(a.id)! - order.get(b.id)!)
      .map((item) => ({ item, score: 0, concepts: [] }));

  const query = (typedQuery: string, filters?: CatalogueFilters, { literal = false }: SearchOptions = {}): CatalogueResult => {
    const lastWordComplete = /\s$/.test(typedQuery);
    const question = literal ? { topic: typedQuery, dropped: [] } : readQuestion(typedQuery.trim(), { typing: !lastWordComplete });
    const trimmed = question.topic.trim();
    const reading: CatalogueReading = { searched: trimmed, corrected: false, dropped: question.dropped, missing: [] };
    if (!trimmed) return { hits: listAll(filters), partial: false, reading };
    const { ids: found, corrected, typos } = findQueryConcepts(trimmed, lexicon, { typos: !literal });
    // The reports may use another name than the one typed: "RtoP" also looks for the label,
    // as optional words that add to the score but are not required.
    const synonyms = found
      .flatMap((c) => [conceptById.get(c)!.label, ...conceptById.get(c)!.acronyms])
      .filter((t) => !foldText(corrected).includes(foldText(t)));
    const required = index.parse(corrected, { lastWordComplete, corrections: !literal });
    const queryWords = [...required, ...index.parse(synonyms.join(' '), { lastWordComplete: true }).map((w) => ({ ...w, optional: true }))];
    const wordTypos = required.filter((w) => w.correction);
    reading.corrected = typos.length > 0 || wordTypos.length > 0;
    // Spelt as the lexicon spells what it corrected ("Rome Statute"); as typed otherwise.
    if (reading.corrected) reading.searched = wordTypos.reduce((text, w) => text.replace(new RegExp(`\\b${w.typed}\\b`, 'i'), w.correction!), corrected);
    reading.missing = required.filter((w) => !w.alternatives.length).map((w) => w.typed!);
    const need = required.filter((w) => w.alternatives.length).length;

    const hits: Array<CatalogueHit & { matched: number }> = [];
    let best = 0;
    const phrase = foldText(corrected);
    for (const [i, { score: raw, matched }] of index.scoreWithCoverage(queryWords)) {
      const rec = docs[i]!.rec;
      if (!passes(rec, filters)) continue;
      const linked = conceptsByRec.get(rec.id);
      const concepts = found.filter((c) => linked?.has(c) || rec.instruments.includes(conceptById.get(c)?.instrument ?? ''));
      const boost = found.length ? (CONCEPT_BOOST * concepts.length) / found.length : 0;
      const inTitle = corrected.includes(' ') && foldText(rec.title).includes(phrase) ? PHRASE_IN_TITLE : 1;
      const score = raw * (1 + boost) * inTitle;
      best = Math.max(best, score);
      hits.push({ item: rec, score, concepts, matched });
    }
    // An entry that holds every word searched for is an answer; one holding some of them is not,
    // unless no entry holds them all (then the best partial ones are shown, and said to be partial).
    const most = hits.reduce((m, h) => Math.max(m, h.matched), 0);
    const partial = need > 1 && most < need;
    const kept = hits.filter((h) => h.matched === most);
    const top = kept.reduce((m, h) => Math.max(m, h.score), 0) || best;
    // Relative to the best hit, so a score reads the same whatever the query: 1 is the top.
    const out = kept.map(({ item, score, concepts }) => ({ item, concepts, score: top > 0 ? score / top : 0 }));
    out.sort((a, b) => b.score - a.score || order.get(a.item.id)! - order.get(b.item.id)!);
    return { hits: out, partial, reading };
  };

  return {
    size: docs.length,
    query,
    search: (q, filters) => query(q, filters).hits,
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
