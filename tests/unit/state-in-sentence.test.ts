import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { StateSchema } from '@/lib/catalogue/schema';
import { atSentenceStart, delegationInSentence, stateNames } from '@/lib/catalogue/state-in-sentence';
import { questionFromIndicator, questionFromRecommendation } from '@/lib/upr/templates';
import { cutAtWord } from '@/lib/text/cut-at-word';

const kb = knowledgeBase();
const inSentence = (code: string) => stateNames(code, kb).inSentence;

describe('State names as a sentence says them (data/states.json nameInSentence)', () => {
  it('gives the UN short names their article where English needs it', () => {
    expect(inSentence('SYR')).toBe('the Syrian Arab Republic');
    expect(inSentence('COD')).toBe('the Democratic Republic of the Congo');
    expect(inSentence('NLD')).toBe('the Netherlands');
    expect(inSentence('GBR')).toBe('the United Kingdom of Great Britain and Northern Ireland');
    expect(inSentence('PHL')).toBe('the Philippines');
    expect(inSentence('BOL')).toBe('the Plurinational State of Bolivia');
    expect(inSentence('IRN')).toBe('the Islamic Republic of Iran');
    expect(inSentence('KEN')).toBe('Kenya');
    expect(inSentence('CIV')).toBe("Côte d'Ivoire");
    expect(stateNames('SYR', kb).name).toBe('Syrian Arab Republic');
  });

  it('every State has one, and no sentence name keeps a parenthesis', () => {
    expect(kb.states.every((s) => s.nameInSentence && !s.nameInSentence.includes('('))).toBe(true);
    expect(kb.states.filter((s) => s.nameInSentence.startsWith('the ')).length).toBeGreaterThanOrEqual(25);
  });

  it('the schema refuses a sentence name that is not the State\'s', () => {
    const row = { code: 'SYR', alpha2: 'SY', name: 'Syrian Arab Republic', status: 'member', regionalGroup: 'Asia-Pacific' } as const;
    expect(StateSchema.safeParse({ ...row, nameInSentence: 'the Syrian Arab Republic' }).success).toBe(true);
    expect(StateSchema.safeParse({ ...row, nameInSentence: 'Syria' }).success).toBe(false);
    expect(StateSchema.safeParse({ ...row }).success).toBe(false);
    const nl = { code: 'NLD', alpha2: 'NL', name: 'Netherlands (Kingdom of the)', status: 'member', regionalGroup: 'Western European and others' } as const;
    expect(StateSchema.safeParse({ ...nl, nameInSentence: 'the Netherlands' }).success).toBe(true);
    expect(StateSchema.safeParse({ ...nl, nameInSentence: 'Netherlands (Kingdom of the)' }).success).toBe(false);
  });

  it('reads the delegation the user typed as the State it names, or keeps it as typed', () => {
    expect(delegationInSentence('Netherlands', kb)).toBe('the Netherlands');
    expect(delegationInSentence(' UK ', kb)).toBe('the United Kingdom of Great Britain and Northern Ireland');
    expect(delegationInSentence('Ireland', kb)).toBe('Ireland');
    expect(delegationInSentence('the European Union', kb)).toBe('the European Union');
    expect(delegationInSentence('  ', kb)).toBe('');
    expect(atSentenceStart('the Netherlands recommends')).toBe('The Netherlands recommends');
  });

  it('question templates name the State as a sentence does', () => {
    const rec = kb.recommendations.find((r) => r.upr.length > 0)!;
    expect(questionFromRecommendation(rec, inSentence('SYR')).text).toMatch(/^What steps is the Syrian Arab Republic taking to [a-z]/);
    expect(questionFromIndicator('foa-1.2', inSentence('SYR'), kb)!.text).toMatch(/^What measures is the Syrian Arab Republic taking to address/);
  });
});

describe('cutAtWord', () => {
  it('cuts at the last whole word and adds an ellipsis', () => {
    expect(cutAtWord('Ratify the Rome Statute of the International Criminal Court', 30)).toBe('Ratify the Rome Statute of the…');
    expect(cutAtWord('Ratify the Rome Statute, and more', 24)).toBe('Ratify the Rome Statute…');
    expect(cutAtWord('Short enough', 30)).toBe('Short enough');
    expect(cutAtWord('  spaced\n out  ', 30)).toBe('spaced out');
    expect(cutAtWord('Supercalifragilisticexpialidocious', 10)).toBe('Supercalif…');
  });
});
