import { describe, expect, it } from 'vitest';
import { knowledgeBase, parseKnowledgeBase, RAW_FILES } from '@/lib/catalogue/knowledge';
import { checkKnowledgeBase } from '@/lib/catalogue/check-links';
import { checkEditorialRules } from '@/lib/catalogue/check-rules';
import { actionsIn } from '@/lib/upr/one-action';
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
      expect(f.indicators.length).toBeGreaterThan(0);
      f.indicators.forEach((ind, i) => expect(ind.number).toBe(`${f.number}.${i + 1}`));
    }
    expect(foa.reduce((n, f) => n + f.indicators.length, 0)).toBeGreaterThan(120);
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

const clone = () => structuredClone(kb);
const sentence = (id: string, n = 0) => kb.recommendations.find((r) => r.id === id)!.upr[n]!;

describe('editorial rules (scripts/validate-data.ts checks them)', () => {
  it('the bundled data keeps every rule', () => {
    expect(checkEditorialRules(kb)).toEqual([]);
  });

  it('refuses a Framework risk factor without indicators, or with a gap in its numbering', () => {
    const bad = clone();
    const f14 = bad.riskFactors.factors.find((f) => f.id === 'foa-rf-14')!;
    f14.indicators = [];
    const f3 = bad.riskFactors.factors.find((f) => f.id === 'foa-rf-3')!;
    f3.indicators.splice(2, 1);
    const problems = checkEditorialRules(bad);
    expect(problems).toContain('risk factor foa-rf-14: has no indicators; every Framework risk factor lists its own (mark unchecked ones "verified": false)');
    expect(problems).toContain('risk factor foa-rf-3: indicator foa-3.4 is number 3.4 in position 3; expected 3.3 (delegates cite by number)');
  });

  it('refuses a UPR sentence with two actions, unless it says why', () => {
    const bad = clone();
    const rec = bad.recommendations.find((r) => r.id === '2013-ratify-arms-trade-treaty')!;
    rec.upr = [{ text: 'Ratify the Arms Trade Treaty and establish a national control system', scope: 'own-record' }];
    expect(checkEditorialRules(bad)).toEqual([
      'recommendation 2013-ratify-arms-trade-treaty, UPR sentence 1: asks for 2 actions (ratify, establish); split it, one action per sentence, or say why in "multipleActionsReason"',
    ]);
    rec.upr[0]!.multipleActionsReason = 'Kept together for the test.';
    expect(checkEditorialRules(bad)).toEqual([]);
  });

  it('refuses a sentence on the State\'s conduct in UN bodies without the label, and the old word "accept"', () => {
    const bad = clone();
    const rec = bad.recommendations.find((r) => r.id === '2017-sc-timely-decisive-action')!;
    rec.upr[0]!.scope = 'own-record';
    const hrc = bad.recommendations.find((r) => r.id === '2015-call-hrc-pbc-identify-risk-factors')!;
    hrc.upr[0]!.text = 'Accept the recommendations that address atrocity risk factors';
    expect(checkEditorialRules(bad)).toEqual([
      'recommendation 2015-call-hrc-pbc-identify-risk-factors, UPR sentence 1: UPR responses are "supported" or "noted", not "accepted"',
      'recommendation 2017-sc-timely-decisive-action, UPR sentence 1: opens with "support", about the State\'s conduct in UN bodies or abroad; give it "scope": "un-bodies" or "abroad"',
    ]);
  });
});

describe('what a careful reader found (issue 17)', () => {
  it('the missing items are entries of their own, each citing its report and section', () => {
    const expected: [string, string, RegExp][] = [
      ['2015-cross-regional-consensus', 'sg-2015', /^I\. Introduction/],
      ['2015-conceptual-to-practical', 'sg-2015', /^II\. The implementation imperative/],
      ['2017-closing-the-gap-open-scrutiny', 'sg-2017', /^I\. The responsibility to protect and accountability/],
      ['2015-veto-restraint', 'sg-2015', /^V\. Priorities for the next decade – 3\./],
      ['2015-veto-explain-alternative', 'sg-2015', /^V\. Priorities for the next decade – 3\./],
      ['2015-inclusive-coercive-decisions', 'sg-2015', /^V\. Priorities for the next decade – 3\./],
      ['2015-review-protection-missions', 'sg-2015', /^V\. Priorities for the next decade – 3\./],
    ];
    for (const [id, report, section] of expected) {
      const r = kb.recommendations.find((x) => x.id === id);
      expect(r, id).toBeDefined();
      expect([id, r!.report]).toEqual([id, report]);
      expect(r!.section).toMatch(section);
    }
    const consensus = kb.recommendations.find((r) => r.id === '2015-cross-regional-consensus')!.summary;
    expect(consensus).toMatch(/prevention comes first/);
    expect(consensus).toMatch(/last resort, to be used only in accordance with the Charter/);
    expect(kb.recommendations.find((r) => r.id === '2017-closing-the-gap-open-scrutiny')!.summary).toMatch(/gap between rhetoric and reality.*open scrutiny of practice/);
  });

  it('stretched entries say what the source says; what we add is marked as context', () => {
    const r = (id: string) => kb.recommendations.find((x) => x.id === id)!;
    // "exercise restraint", as the report says, not "refrain".
    expect(r('2015-priority-3-timely-decisive-response-veto').summary).toMatch(/exercise restraint in the use of the veto/);
    expect(r('2015-priority-3-timely-decisive-response-veto').summary).not.toMatch(/refrain/);
    expect(r('2015-veto-restraint').summary).not.toMatch(/refrain/);
    // The 2015 summary names no treaty and only "raised concern".
    expect(r('2015-pillar1-ratify-legal-instruments').instruments).toEqual([]);
    expect(r('2015-pillar1-ratify-legal-instruments').summary).toMatch(/raises concern/);
    expect(r('2015-pillar1-ratify-legal-instruments').summary).not.toMatch(/Rome Statute|urges/);
    expect(r('2015-pillar1-ratify-legal-instruments').context).toMatch(/names no treaty/);
    // The UPR as a channel is the 2017 report's idea.
    expect(r('2015-call-hrc-pbc-identify-risk-factors').summary).not.toMatch(/Universal Periodic Review|UPR/);
    expect(r('2015-call-hrc-pbc-identify-risk-factors').context).toMatch(/2017 report/);
    expect(r('2015-call-security-council-back-un-offices').summary).not.toMatch(/Special Adviser/);
    expect(r('2015-call-security-council-back-un-offices').actors).toEqual(['security-council']);
    expect(r('2013-ratify-arms-trade-treaty').summary).not.toMatch(/small arms/);
    expect(r('2013-ratify-arms-trade-treaty').context).toMatch(/small arms and light weapons.*ours, not the report's/);
    expect(r('2017-member-states-2-ratify-treaties').summary).not.toMatch(/Genocide Convention|Rome Statute/);
    for (const id of ['2014-pillar2-encouragement', '2014-pillar2-capacity-building']) {
      expect(r(id).actors).not.toContain('secretary-general');
      expect(r(id).actors).not.toContain('regional-organisations');
      expect(r(id).context).toBeDefined();
    }
    expect(r('2014-pillar2-capacity-building').summary).not.toMatch(/judiciar|security forces/);
  });

  it('factor 12 lists more than three indicators, factor 14 its own, and 7.11 covers cultural and religious property', () => {
    const f = (id: string) => kb.riskFactors.factors.find((x) => x.id === id)!;
    expect(f('foa-rf-12').indicators.length).toBeGreaterThan(3);
    expect(f('foa-rf-14').indicators.length).toBeGreaterThan(0);
    expect(f('foa-rf-14').indicators.every((i) => !i.verified && i.numbering === 'uncertain')).toBe(true);
    expect(f('foa-rf-7').indicators[10]!.text).toMatch(/property related to their cultural and religious identity/);
    for (const x of kb.riskFactors.factors.filter((x) => x.framework === 'foa-2014')) expect(x.numberingNote).toBeDefined();
  });

  it('UPR sentences carry one action each, say when they concern conduct in UN bodies, and offer a time element', () => {
    const all = kb.recommendations.flatMap((r) => r.upr.map((s) => ({ r, s })));
    for (const { r, s } of all) {
      expect([r.id, actionsIn(s.text).length === 1 || !!s.multipleActionsReason]).toEqual([r.id, true]);
      if (/^(Support|Contribute|Vote)\b/.test(s.text)) expect([r.id, s.scope]).not.toEqual([r.id, 'own-record']);
      expect(s.text).not.toMatch(/\baccept\w*\b.*recommendations?/i);
    }
    expect(all.filter(({ s }) => s.scope === 'un-bodies').length).toBeGreaterThanOrEqual(25);
    expect(all.filter(({ s }) => s.timeframe).length).toBeGreaterThan(60);
    expect(sentence('2017-upr-step-3-outcome').text).toMatch(/that it supports in this review$/);
    expect(sentence('2017-sc-veto-restraint').scope).toBe('un-bodies');
    expect(sentence('2013-ratify-arms-trade-treaty').timeframe).toBe('before the next review');
  });
});
