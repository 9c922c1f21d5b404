/**
 * Catalogue search speed in Node: index build time, and latency per keystroke while typing
 * realistic queries (every prefix of each query is one keystroke). Goal: p95 under 2 ms.
 * Beside it, in the same run: plain Fuse.js token search without the concept layer, so the
 * ratio shows what recognising concepts costs.
 */
import Fuse from 'fuse.js';
import { buildCatalogueIndex } from '../lib/catalogue/search';
import { parseKnowledgeBase } from '../lib/catalogue/knowledge';
import { ms, summarise, time } from './stats';

const QUERIES = [
  'RtoP focal point', 'ICC', 'rome statue', 'genocide convension', 'veto', 'special procedures visit',
  'early warning', 'hate speech', 'security sector reform', 'national human rights institution',
  'small arms', 'transitional justice', 'women', 'elections', 'peacebuilding', 'universal periodic review',
  'non-state armed groups', 'accountability', 'regional organisations', 'refugees', 'education',
  'Human Rights Up Front', 'arms trade treaty', 'commission of inquiry', 'preventive diplomacy',
];

export function benchCatalogueSearch(rounds = 5) {
  const [kb, parseMs] = time(() => parseKnowledgeBase());
  const builds: number[] = [];
  let index = buildCatalogueIndex(kb);
  for (let i = 0; i < rounds; i++) builds.push(time(() => (index = buildCatalogueIndex(kb)))[1]);
  const plain = new Fuse(kb.recommendations, {
    useTokenSearch: true, ignoreDiacritics: true, threshold: 0.34, keys: ['title', 'summary', 'upr.text'],
  });

  const ours: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Fresh index each round: the typo cache must not make later rounds look faster than a first visit.
    index = buildCatalogueIndex(kb);
    for (const q of QUERIES) {
      for (let i = 1; i <= q.length; i++) {
        const prefix = q.slice(0, i);
        ours.push(time(() => index.search(prefix))[1]);
        base.push(time(() => plain.search(prefix))[1]);
      }
    }
  }
  const o = summarise(ours);
  const b = summarise(base);
  const build = summarise(builds);
  return {
    lines: [
      `catalogue: ${kb.recommendations.length} recommendations, ${kb.concepts.length} concepts (data parse ${ms(parseMs)})`,
      `index build: p50 ${ms(build.p50)}, max ${ms(build.max)} over ${build.n} builds`,
      `search per keystroke (${o.n} keystrokes): p50 ${ms(o.p50)}, p95 ${ms(o.p95)}, max ${ms(o.max)}   goal: p95 < 2 ms -> ${o.p95 < 2 ? 'MET' : 'NOT MET'}`,
      `plain Fuse token search, same keystrokes: p50 ${ms(b.p50)}, p95 ${ms(b.p95)}; ours/plain p95 ratio ${(o.p95 / b.p95).toFixed(2)}`,
    ],
    figures: { p50: o.p50, p95: o.p95, buildP50: build.p50 },
  };
}
