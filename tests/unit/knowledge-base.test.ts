import { describe, expect, it } from 'vitest';
import { knowledgeBase, parseKnowledgeBase, RAW_FILES } from '@/lib/catalogue/knowledge';
import { checkKnowledgeBase } from '@/lib/catalogue/check-links';
import { CONCEPT_CATEGORIES, type Recommendation } from '@/lib/catalogue/schema';

const kb = knowledgeBase();
const recs = (pred: (r: Recommendation) => boolean) => kb.recommendations.filter(pred);
const orders = (list: Recommendation[]) => list.map((r) => r.order).sort((a, b) => a! - b!);

describe('bundled knowledge base', () => {
  it('every file parses with its schema', () => {
    expect(() => parseKnowledgeBase()).not.toThrow();
  });

  it('has unique ids and every link resolves', () => {
    expect(checkKnowledgeBase(kb)).toEqual([]);
  });

  it('the link checker does catch a broken link and a duplicate id', () => {
    const [first, second] = kb.recommendations;
    const broken = {
      ...kb,
      recommendations: [{ ...first!, riskFactors: ['foa-rf-99'] }, { ...second!, id: first!.id }],
    };
    const problems = checkKnowledgeBase(broken);
    expect(problems).toContain(`recommendation ${first!.id}: unknown risk factor "foa-rf-99"`);
    expect(problems).toContain(`recommendations: duplicate id "${first!.id}"`);
  });

  it('a malformed entry is refused with the field that is wrong', () => {
    const bad = structuredClone(RAW_FILES) as unknown as Record<string, unknown[]>;
    (bad['recommendations/2013.json']![0] as Record<string, unknown>).pillars = [4];
    expect(() => parseKnowledgeBase(bad as unknown as typeof RAW_FILES)).toThrow(/pillars/);
  });

  it('holds the four reports', () => {
    expect(kb.reports.map((r) => [r.year, r.symbol])).toEqual([
      [2013, 'A/67/929–S/2013/399'],
      [2014, 'A/68/947–S/2014/449'],
      [2015, 'A/69/981–S/2015/500'],
      [2017, 'A/71/1016–S/2017/556'],
    ]);
  });

  it('holds well over 100 recommendations, each citing its report and section', () => {
    expect(kb.recommendations.length).toBeGreaterThan(100);
    for (const r of kb.recommendations) expect(r.id.startsWith(r.report.slice(3))).toBe(true);
  });
});

describe('the counts the seeds state', () => {
  it('2013: six risk factors and seven "way forward" steps', () => {
    const factors = kb.riskFactors.factors.filter((f) => f.framework === 'sg-2013' && f.kind === 'risk-factor');
    expect(factors.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const steps = recs((r) => r.report === 'sg-2013' && r.kind === 'step' && /way forward/i.test(r.section));
    expect(orders(steps)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('2013: the triggers are listed', () => {
    const triggers = kb.riskFactors.factors.filter((f) => f.framework === 'sg-2013' && f.kind === 'trigger');
    expect(triggers.length).toBeGreaterThanOrEqual(9);
  });

  it('2015: six priorities for the next decade and five Pillar III prerequisites', () => {
    expect(orders(recs((r) => r.report === 'sg-2015' && r.kind === 'priority'))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(orders(recs((r) => r.report === 'sg-2015' && r.kind === 'prerequisite'))).toEqual([1, 2, 3, 4, 5]);
  });

  it('2017: five steps for all Member States, five initiatives, four pledges, four UPR steps', () => {
    const r2017 = (pred: (r: Recommendation) => boolean) => recs((r) => r.report === 'sg-2017' && pred(r));
    expect(orders(r2017((r) => r.kind === 'step' && /five steps for all Member States/i.test(r.section)))).toEqual([1, 2, 3, 4, 5]);
    expect(orders(r2017((r) => r.kind === 'initiative'))).toEqual([1, 2, 3, 4, 5]);
    expect(orders(r2017((r) => r.kind === 'pledge'))).toEqual([1, 2, 3, 4]);
    const upr = ['2017-upr-step-1-preparation', '2017-upr-step-2-dialogue', '2017-upr-step-3-outcome', '2017-upr-step-4-assistance'];
    expect(upr.map((id) => kb.recommendations.find((r) => r.id === id)?.uprSteps)).toEqual([[1], [2], [3], [4]]);
  });

  it('Framework of Analysis: 14 risk factors, each with numbered indicators under its own number', () => {
    const foa = kb.riskFactors.factors.filter((f) => f.framework === 'foa-2014');
    expect(foa.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    for (const f of foa) {
      f.indicators.forEach((ind, i) => expect(ind.number).toBe(`${f.number}.${i + 1}`));
    }
    expect(foa.reduce((n, f) => n + f.indicators.length, 0)).toBeGreaterThan(100);
  });

  it('193 Member States and 2 observer States, each in at most one regional group', () => {
    expect(kb.states.filter((s) => s.status === 'member')).toHaveLength(193);
    expect(kb.states.filter((s) => s.status === 'observer').map((s) => s.code).sort()).toEqual(['PSE', 'VAT']);
  });

  it('the instruments the reports name are there', () => {
    const ids = kb.instruments.map((i) => i.id);
    for (const id of ['genocide-convention', 'geneva-conventions', 'additional-protocol-i', 'additional-protocol-ii', 'rome-statute', 'refugee-convention', 'refugee-protocol', 'arms-trade-treaty', 'hague-convention-1954', 'cped']) {
      expect(ids).toContain(id);
    }
  });

  it('the concept lexicon holds at least 150 concepts across every category', () => {
    expect(kb.concepts.length).toBeGreaterThanOrEqual(150);
    expect(new Set(kb.concepts.map((c) => c.category)).size).toBe(CONCEPT_CATEGORIES.length);
  });
});
