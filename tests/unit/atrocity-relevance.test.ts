/**
 * The atrocity-prevention relevance rule (lib/library/relevance.ts, data/atrocity-relevance.json)
 * judged on real UPR recommendations, as UPR Info's export wrote them (the search sample of
 * sessions 1-13): what must count, what must not, and the "relevant only" filter that follows.
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { checkKnowledgeBase } from '@/lib/catalogue/check-links';
import { bundledRelevance } from '@/lib/library/bundled-tagger';
import { relevanceRule } from '@/lib/library/relevance';
import { LibraryIndex } from '@/lib/library/search-index';
import { uprInfoSearchSampleBytes } from '../fixtures/upr-info-sample';
import { taggedRows } from './support/parse-file';

const rows = await taggedRows(uprInfoSearchSampleBytes());
const row = (start: string) => {
  const found = rows.filter((r) => r.text.startsWith(start));
  expect(found.length, `a sample row starting "${start}"`).toBeGreaterThan(0);
  return found[0]!;
};

describe('atrocity-prevention relevance on real recommendations', () => {
  it.each([
    // Ratifying, implementing or cooperating under the treaties of atrocity prevention.
    ['Consider ratifying the Convention on the Prevention and Punishment of the Crime of Genocide', 'genocide-convention'],
    ['Ratify the Rome Statute of the International Criminal Court', 'rome-statute'],
    ['Fully cooperate with the International Criminal Court and its investigations', 'international-criminal-court'],
    ['Ratify the Convention against Torture.', 'cat'],
    ['Ratify the Optional Protocol to the Convention against Torture', 'opcat'],
    ['Ratify the International Convention for the Protection of All Persons from Enforced Disappearance at an early date', 'cped'],
    ['Ratify the International Convention for the Protection of All Persons from the Enforced and Involuntary Disappearance', 'enforced-disappearance'],
    ['Accede to the 1951 Refugee Convention and the 1967 Protocol thereto', 'refugee-convention'],
    ['Abide by its international obligations, including those under the Fourth Geneva Convention', 'geneva-conventions'],
    ['Cooperate with the Commission of Inquiry established by the Human Rights Council', 'commission-of-inquiry'],
    ['Accelerate the process of establishing a Truth and Reconciliation Commission', 'truth-commission'],
    ['Prosecute security officials involved in torturing, raping or killing', 'torture'],
    // Discrimination against a group that genocide and persecution target.
    ['Take further appropriate and effective measures to eliminate discrimination against Roma', 'discrimination'],
    ['Eliminate religious discrimination in access to education', 'discrimination'],
  ])('relevant: "%s"', (start, concept) => {
    const r = row(start);
    expect(r.concepts).toContain(concept);
    expect(r.relevant).toBe(1);
  });

  it.each([
    // Everyday human-rights wording names a concept of the lexicon, but no atrocity risk (the
    // lexicon no longer reads "international assistance" as a concept at all: no concept named).
    ['Seek international assistance to supplement the national efforts to reduce maternal and child mortality', undefined],
    ['Fight corruption at all levels', 'corruption'],
    ['Raise awareness regarding human rights and the rule of law', 'rule-of-law'],
    ['Urgently and comprehensively bring conditions for the prison population into line with international human rights standards', 'international-human-rights-law'],
    // Discrimination, but not against a protected group.
    ['Enact laws to protect women in employment free from any form of discrimination', 'discrimination'],
    // "ICC" here is the International Coordinating Committee that accredits national institutions.
    ['Establish a national human rights institution, accredited by ICC', 'international-criminal-court'],
    ['Set up a national human rights institution accredited by the International Criminal Court', 'international-criminal-court'],
  ])('not relevant: "%s"', (start, concept) => {
    const r = row(start);
    if (concept) expect(r.concepts).toContain(concept);
    expect(r.relevant).toBe(0);
  });

  it('keeps every row on a treaty of atrocity prevention when "relevant only" is ticked', () => {
    const index = LibraryIndex.fromRows(rows);
    for (const q of ['Rome Statute', 'Convention against Torture', 'Enforced Disappearance', 'genocide']) {
      const all = index.search(q).total;
      expect(all, q).toBeGreaterThan(0);
      expect(index.search(q, { relevantOnly: true }).total, q).toBe(all);
    }
  });

  it('names only concepts the lexicon has, and follows the data file when it changes', () => {
    const kb = knowledgeBase();
    expect(checkKnowledgeBase(kb)).toEqual([]);
    const ratify = row('Ratify the Rome Statute of the International Criminal Court');
    const withoutTreaties = relevanceRule(kb.concepts, { ...kb.atrocityRelevance, counts: [{ why: 'none', concepts: ['atrocity-prevention'] }] });
    expect(withoutTreaties(ratify.concepts, ratify.text)).toBe(0);
    expect(bundledRelevance()(['arms-trade-treaty'], 'Ratify the Arms Trade Treaty')).toBe(1);
  });
});
