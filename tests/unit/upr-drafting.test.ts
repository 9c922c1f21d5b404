import { describe, expect, it } from 'vitest';
import {
  countWords,
  DEFAULT_ALLOTTED_SECONDS,
  DEFAULT_WORDS_PER_MINUTE,
  formatDuration,
  overBy,
  speakingTime,
  wordsToCut,
} from '@/lib/upr/speaking-time';
import { closestEarlier, findNearDuplicates, similarity } from '@/lib/upr/near-duplicates';
import {
  findIndicator,
  questionFromIndicator,
  questionFromRecommendation,
  recommendationDraft,
  suggestedRecommendations,
} from '@/lib/upr/templates';
import { knowledgeBase } from '@/lib/catalogue/knowledge';

describe('speaking time', () => {
  it('counts words as spoken', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  Thank you,   Mr President. ')).toBe(4);
    expect(countWords('UN-led review — by 2027')).toBe(4);
  });

  it('converts words to seconds at a pace, rounding up', () => {
    expect(speakingTime(130, 130)).toBe(60);
    expect(speakingTime(195)).toBe(90);
    expect(speakingTime('one two three', 60)).toBe(3);
    expect(speakingTime(1, 130)).toBe(1);
    // A nonsense pace falls back to the default rather than dividing by zero.
    expect(speakingTime(130, 0)).toBe(speakingTime(130, DEFAULT_WORDS_PER_MINUTE));
  });

  it('formats durations as people say them', () => {
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(-5)).toBe('0 s');
  });

  it('defaults to 90 seconds allotted and says by how much a statement is over', () => {
    expect(DEFAULT_ALLOTTED_SECONDS).toBe(90);
    expect(overBy(100)).toBe(10);
    expect(overBy(80)).toBe(0);
    const long = 'word '.repeat(200);
    expect(wordsToCut(long)).toBe(200 - 195);
  });
});

describe('near-duplicates', () => {
  it('flags the same recommendation reworded, not two different treaties', () => {
    expect(similarity('Ratify the Rome Statute', 'Ratify the Rome Statute of the ICC')).toBeGreaterThan(0.75);
    expect(similarity(
      'Ratify the Optional Protocol to the Convention against Torture',
      'Ratify the Optional Protocol to the Convention on the Rights of the Child',
    )).toBeLessThan(0.75);
    expect(similarity('Adopt a law against hate speech', 'Abolish the death penalty')).toBe(0);
  });

  it('finds the duplicate pairs among drafts, most similar first', () => {
    const drafts = [
      { id: 'a', text: 'Establish a national human rights institution in line with the Paris Principles.' },
      { id: 'b', text: 'Abolish the death penalty.' },
      { id: 'c', text: 'Establish a national human rights institution in accordance with the Paris Principles.' },
      { id: 'd', text: '' },
    ];
    const pairs = findNearDuplicates(drafts);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['a', 'c']]);
    expect(findNearDuplicates(drafts, 0.99)).toEqual([]);
  });

  it('suggests the earlier recommendation a new draft repeats', () => {
    const earlier = [
      { id: 'cycle3-12', text: 'Accede to the Rome Statute of the International Criminal Court.' },
      { id: 'cycle3-40', text: 'Adopt a law on domestic violence.' },
    ];
    expect(closestEarlier('Ratify the Rome Statute of the International Criminal Court.', earlier)).toMatchObject({ id: 'cycle3-12' });
    expect(closestEarlier('Abolish the death penalty.', earlier)).toBeNull();
  });
});

describe('templates', () => {
  const kb = knowledgeBase();
  const rec = kb.recommendations.find((r) => r.riskFactors.length > 0)!;

  it('turns a catalogue entry into a draft that keeps its links', () => {
    const draft = recommendationDraft(rec);
    expect(draft.text).toMatch(/\.$/);
    expect(draft.text.startsWith(rec.upr[0]!.text.slice(0, 20))).toBe(true);
    expect(draft).toMatchObject({ catalogueIds: [rec.id], riskFactorIds: rec.riskFactors });
    expect(recommendationDraft(rec, { previously: true }).text).toMatch(/, as recommended previously\.$/);
  });

  it('drafts the sentence the user chose, with its time element after the action', () => {
    const att = kb.recommendations.find((r) => r.id === '2013-ratify-arms-trade-treaty')!;
    expect(recommendationDraft(att).text).toBe('Ratify the Arms Trade Treaty before the next review.');
    expect(recommendationDraft(att, { sentence: 1 }).text).toBe('Adopt the legislation needed to implement the Arms Trade Treaty.');
    expect(recommendationDraft(att, { sentence: 0, previously: true }).text).toBe('Ratify the Arms Trade Treaty before the next review, as recommended previously.');
    // A question asks about the action, without the time element.
    expect(questionFromRecommendation(att, 'Kenya', 1).text).toBe('What steps is Kenya taking to adopt the legislation needed to implement the Arms Trade Treaty?');
    expect(questionFromRecommendation(att, 'Kenya').text).toBe('What steps is Kenya taking to ratify the Arms Trade Treaty?');
  });

  it('turns a catalogue entry into an advance question to the State', () => {
    const q = questionFromRecommendation(rec, 'Kenya').text;
    expect(q).toMatch(/^What steps is Kenya taking to [a-z]/);
    expect(q).toMatch(/\?$/);
  });

  it('asks about an indicator marked present, citing its number', () => {
    const q = questionFromIndicator('foa-1.2', 'Kenya', kb)!;
    expect(q.text).toMatch(/^What measures is Kenya taking to address the following risk \(Framework of Analysis, indicator 1\.2\): a security crisis/);
    expect(q.riskFactorIds).toEqual(['foa-rf-1', 'foa-1.2']);
    expect(questionFromIndicator('foa-99.9', 'Kenya', kb)).toBeUndefined();
  });

  it('cites the risk factor, not a number that may not be the official one', () => {
    const q = questionFromIndicator('foa-14.4', 'Kenya', kb)!;
    expect(q.text).toMatch(/\(Framework of Analysis, risk factor 14\): past or present attacks on humanitarian or peacekeeping personnel/);
    expect(q.text).not.toContain('14.4');
    expect(q.riskFactorIds).toEqual(['foa-rf-14', 'foa-14.4']);
  });

  it('suggests catalogue entries linked to the indicator\'s risk factor, best first', () => {
    const ref = findIndicator('foa-9.1', kb)!;
    const suggestions = suggestedRecommendations('foa-9.1', { knowledge: kb });
    expect(suggestions.length).toBeGreaterThan(0);
    const conceptLinked = new Set(kb.concepts.filter((c) => c.riskFactors.includes(ref.factor.id) || c.riskFactors.includes('foa-9.1')).flatMap((c) => c.recommendations));
    for (const s of suggestions) expect(s.rec.riskFactors.includes(ref.factor.id) || conceptLinked.has(s.rec.id)).toBe(true);
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(suggestedRecommendations('foa-9.1', { knowledge: kb, limit: 3 })).toHaveLength(3);
    expect(suggestedRecommendations('no-such-indicator', { knowledge: kb })).toEqual([]);
  });

  it('works for the 2013 report\'s risk factors, which have no numbered indicators', () => {
    expect(suggestedRecommendations('sg2013-rf-1', { knowledge: kb }).length).toBeGreaterThan(0);
  });
});
