import { describe, expect, it } from 'vitest';
import { groupByReport, searchCatalogue, buildCatalogueIndex } from '@/lib/catalogue/search';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import type { Recommendation } from '@/lib/catalogue/schema';

const kb = knowledgeBase();
const text = (r: Recommendation) => `${r.title} ${r.summary} ${r.upr.map((s) => s.text).join(' ')}`;
const top = (query: string, n = 3) => searchCatalogue(query).slice(0, n).map((h) => h.item);

describe('searchCatalogue: what a delegate types finds the right entries in the top three', () => {
  it.each([
    ['RtoP focal point', (r: Recommendation) => /focal point/i.test(r.title)],
    ['ICC', (r: Recommendation) => r.instruments.includes('rome-statute') || /International Criminal Court|\bICC\b/.test(text(r))],
    ['rome statue', (r: Recommendation) => r.instruments.includes('rome-statute')],
    ['genocide convension', (r: Recommendation) => r.instruments.includes('genocide-convention')],
    ['veto', (r: Recommendation) => /veto/i.test(text(r))],
    ['special procedures visit', (r: Recommendation) => /special procedures/i.test(text(r)) && /visit/i.test(text(r))],
  ])('"%s"', (query, isRight) => {
    const hits = top(query);
    expect(hits.length).toBe(3);
    const titles = hits.map((h) => h.title).join(' | ');
    expect(isRight(hits[0]!), titles).toBe(true);
    expect(hits.filter(isRight).length, titles).toBeGreaterThanOrEqual(2);
  });

  it('puts the best match first: every top-three hit for "early warning" speaks of early warning', () => {
    for (const hit of top('early warning')) expect(text(hit)).toMatch(/early[- ]warning/i);
  });

  it('ranks higher scores first and names the query concepts an entry is linked to', () => {
    const hits = searchCatalogue('hate speech');
    expect(hits.length).toBeGreaterThan(0);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(hits[0]!.concepts.length).toBeGreaterThan(0);
  });

  it('finds nothing for gibberish', () => {
    expect(searchCatalogue('zzqxv wqpq')).toEqual([]);
  });
});

describe('searchCatalogue filters', () => {
  it('narrows by report', () => {
    const hits = searchCatalogue('focal point', { report: ['sg-2017'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.item.report === 'sg-2017')).toBe(true);
    expect(searchCatalogue('focal point').length).toBeGreaterThan(hits.length);
  });

  it('narrows by actor, pillar, UPR step and theme, all at once', () => {
    const filters = { actor: ['member-states'], pillar: [1], uprStep: [2], theme: ['accountability'] } as const;
    const hits = searchCatalogue('', filters);
    expect(hits.length).toBeGreaterThan(0);
    for (const { item } of hits) {
      expect(item.actors).toContain('member-states');
      expect(item.pillars).toContain(1);
      expect(item.uprSteps).toContain(2);
      expect(item.themes).toContain('accountability');
    }
  });

  it('counts an entry citing an indicator under its risk factor', () => {
    const factor = kb.riskFactors.factors.find((f) => f.id === 'foa-rf-9')!;
    const hits = searchCatalogue('', { riskFactor: [factor.id] });
    expect(hits.length).toBeGreaterThan(0);
    const ids = new Set([factor.id, ...factor.indicators.map((i) => i.id)]);
    for (const { item } of hits) expect(item.riskFactors.some((id) => ids.has(id))).toBe(true);
  });
});

describe('empty query', () => {
  it('lists every entry, grouped by report in report order', () => {
    const hits = searchCatalogue('   ');
    expect(hits.length).toBe(kb.recommendations.length);
    const groups = [...groupByReport(hits).keys()];
    expect(groups).toEqual(['sg-2013', 'sg-2014', 'sg-2015', 'sg-2017']);
  });

  it('an index can be built over any knowledge base, e.g. one without concepts', () => {
    const bare = buildCatalogueIndex({ ...kb, concepts: [] });
    expect(bare.search('Rome Statute')[0]?.item.instruments).toContain('rome-statute');
  });
});
