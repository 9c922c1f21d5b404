import { describe, expect, it } from 'vitest';
import { classifyActionCategory, readOpening } from '@/lib/upr/action-category';
import { CONSIDERING_VERBS, CONTINUING_VERBS, GENERAL_VERBS, MINIMAL_VERBS, SPECIFIC_VERBS } from '@/lib/upr/action-verbs';
import {
  decodeMacRoman,
  firstWordBaseline,
  HELD_OUT_SESSIONS,
  parseCodedRecommendations,
  score,
  splitBySession,
} from '@/lib/upr/eval-corpus';
import { OPENINGS, pickOpening, withOpening } from '@/lib/upr/eval-openings';
import { UPR_INFO_HELD_OUT_ROWS, UPR_INFO_SAMPLE_ROWS, uprInfoHeldOutBytes, uprInfoSampleBytes } from '../fixtures/upr-info-sample';

const category = (text: string) => classifyActionCategory(text).category;

describe('classifyActionCategory: the method note', () => {
  it('reads the five categories from the first verb', () => {
    expect(category('Call on the international community to provide technical assistance.')).toBe(1);
    expect(category('Seek technical assistance from OHCHR for treaty body reporting.')).toBe(1);
    expect(category('Share its best practices on poverty reduction.')).toBe(1);
    expect(category('Continue its efforts to combat trafficking in persons.')).toBe(2);
    expect(category('Maintain the moratorium on executions.')).toBe(2);
    expect(category('Consider ratifying the Optional Protocol to the Convention against Torture.')).toBe(3);
    expect(category('Envisage a review of the press law.')).toBe(3);
    expect(category('Ensure the independence of the judiciary.')).toBe(4);
    expect(category('Take measures to prevent torture in places of detention.')).toBe(4);
    expect(category('Ratify the Rome Statute of the International Criminal Court.')).toBe(5);
    expect(category('Establish an independent national human rights institution.')).toBe(5);
  });

  it('with two opening verbs, the second decides', () => {
    const r = classifyActionCategory('Continue and strengthen its efforts to combat trafficking.');
    expect(r).toMatchObject({ category: 4, verb: 'Continue and strengthen' });
    expect(r.reason).toMatch(/second/);
    expect(category('Sign and ratify the Convention on Enforced Disappearance.')).toBe(5);
    expect(category('Continue and further strengthen its anti-corruption policy.')).toBe(4);
  });

  it('skips opening adverbs', () => {
    expect(classifyActionCategory('Further strengthen the national human rights institution.')).toMatchObject({ category: 4, verb: 'strengthen' });
    expect(classifyActionCategory('Urgently adopt the draft law on domestic violence.')).toMatchObject({ category: 5, verb: 'adopt' });
    expect(classifyActionCategory('Fully and immediately implement all Council resolutions.').verb).toBe('implement');
  });

  it('reads past a time or manner put first: "Without delay,", "By 2027,", "Urgently,"', () => {
    expect(classifyActionCategory('Without delay, ratify the Rome Statute.')).toMatchObject({ category: 5, verb: 'ratify' });
    expect(classifyActionCategory('By 2027, adopt a national action plan on atrocity prevention.')).toMatchObject({ category: 5, verb: 'adopt' });
    expect(classifyActionCategory('Urgently, release all political prisoners.')).toMatchObject({ category: 5, verb: 'release' });
    expect(classifyActionCategory('Before the next review, establish a national mechanism for reporting and follow-up.')).toMatchObject({ category: 5, verb: 'establish' });
  });

  it('reads through "recommended that" and reported-speech openings', () => {
    expect(classifyActionCategory('Recommended that the Government establish a national preventive mechanism.')).toMatchObject({ category: 5, verb: 'establish' });
    expect(category('Recommended that the death penalty be abolished.')).toBe(5);
    expect(category('Recommended the ratification of the Convention against Torture.')).toBe(5);
    expect(category('Recommended the continuation of the moratorium on the death penalty.')).toBe(2);
    expect(category('Indonesia is encouraged to consider ratifying the Rome Statute.')).toBe(3);
    expect(category('While noting the progress made, continue to strengthen the judiciary.')).toBe(2);
  });

  it('a subject that looks like a verb does not decide: "the draft law", "the prohibition"', () => {
    expect(category('Recommended that the prohibition of discrimination be strengthened.')).toBe(4);
  });

  it('is minimal when addressed to other States or the international community', () => {
    expect(category('The international community should support the national plan of action.')).toBe(1);
    expect(classifyActionCategory('Encourage donors to increase their support to the national plan.')).toMatchObject({ category: 1, verb: 'donors' });
    // Help from others as a means does not change who must act.
    expect(category('With the support of the international community, continue to fight poverty.')).toBe(2);
    expect(category('Intensify dialogue with the international community on ill-treatment.')).toBe(4);
  });

  it('going on seeking help is continuing action, as UPR Info\'s coders code it; seeking help alone stays minimal', () => {
    // Sessions 1-9: 15 of the 18 rows "Continue to seek / share / request …" are coded 2, not 1.
    expect(classifyActionCategory('Continue to seek technical assistance where capacity is lacking.')).toMatchObject({ category: 2, verb: 'Continue' });
    expect(category('Continue to share its experience and good practices with other countries.')).toBe(2);
    expect(category('Seek technical assistance from OHCHR to train the police.')).toBe(1);
    expect(category('Actively seek to promote awareness of Roma rights.')).toBe(4);
  });

  it('a general action made concrete by a specific example is specific', () => {
    const r = classifyActionCategory("Improve women's rights by amending the family code.");
    expect(r.category).toBe(5);
    expect(r.reason).toMatch(/amending/);
    expect(category('Promote gender equality, including by adopting a law on domestic violence.')).toBe(5);
    // An example that is itself open-ended does not.
    expect(category('Promote gender equality, including by adopting measures.')).toBe(4);
  });

  it('a specific verb with an open-ended object is general', () => {
    expect(classifyActionCategory('Adopt measures to protect journalists.')).toMatchObject({ category: 4, verb: 'Adopt measures' });
    expect(category('Adopt a national action plan against hate speech.')).toBe(5);
    expect(category('Implement all necessary steps to end impunity.')).toBe(4);
  });

  it('a continuing recommendation that names how is read by the means it names', () => {
    expect(classifyActionCategory('Continue its efforts to promote gender equality, including by criminalizing marital rape.')).toMatchObject({ category: 5, verb: 'Continue … criminalizing' });
    expect(category('Continue efforts to strengthen the institutional framework, including by providing necessary funding.')).toBe(4);
    expect(category('Continue efforts to advance the right to assembly, especially by adopting measures.')).toBe(4);
    // Without a means it stays continuing, and "especially improving" is an example, not a means.
    expect(category('Continue its efforts to combat trafficking in persons, especially improving victim support.')).toBe(2);
  });

  it('a passive reads its subject as the object: "that further measures be adopted"', () => {
    expect(classifyActionCategory('Recommended that further measures be adopted to overcome stereotypes.')).toMatchObject({ category: 4, verb: 'measures be adopted' });
    expect(category('Recommended that further measures be put in place to protect children.')).toBe(4);
    expect(category('Recommended that a national preventive mechanism be adopted.')).toBe(5);
    expect(category('Recommended that limits be set for pre-trial detention.')).toBe(5);
  });

  it('a noun made from a verb reads its object after "of"', () => {
    expect(category('Recommended the adoption of further measures to fight impunity.')).toBe(4);
    expect(category('Recommended the adoption of a law on domestic violence.')).toBe(5);
  });

  it('enacting measures is as open-ended as adopting them; enacting a law is not', () => {
    expect(category('Enact new measures to combat trafficking in women and children.')).toBe(4);
    expect(category('Enact a law prohibiting corporal punishment.')).toBe(5);
  });

  it('"a strategy" leaves the steps open, carrying out "the national strategy" does not', () => {
    expect(category('Develop a strategy for preventing and combating all forms of violence against women.')).toBe(4);
    expect(category('Fully implement the national strategy to fight against child labour.')).toBe(5);
  });

  it('concrete, checkable objects make a general verb specific', () => {
    expect(category('Include sexual orientation and gender identity in equality laws.')).toBe(5);
    expect(category('Include in the draft legislation comprehensive anti-discrimination measures.')).toBe(4);
    expect(category('Provide a follow-up report on efforts to address extrajudicial killings.')).toBe(5);
    expect(category('Provide further information on efforts to reduce poverty.')).toBe(4);
    expect(category('Address a standing invitation to all special procedures of the Council.')).toBe(5);
    expect(category('Increase the age of criminal responsibility of children.')).toBe(5);
    expect(category('Increase awareness of the rights of the child.')).toBe(4);
  });

  it('reads the request after an aside: "Encouraged Benin, in particular ..., to continue"', () => {
    expect(classifyActionCategory('Encouraged Benin, in particular in the areas of economic, social and cultural rights, to continue achieving its progress.')).toMatchObject({ category: 2, verb: 'continue' });
    expect(category('Recommended that Benin, following the recommendation of the Committee against Torture, establish a national preventive mechanism.')).toBe(5);
  });

  it('help to be given to the State, or asked of donors, is minimal action', () => {
    expect(category('Recommended that Mali be provided with the necessary technical assistance it is seeking.')).toBe(1);
    expect(category('Advise potential donor agencies of the type of technical assistance needed.')).toBe(1);
  });

  it('reads verb phrases as a whole', () => {
    expect(category('Give consideration to the abolition of the death penalty.')).toBe(3);
    expect(category('Set up an independent police complaints body.')).toBe(5);
    expect(category('Step up efforts to combat torture.')).toBe(4);
    expect(category('Follow-up the recommendations of CEDAW.')).toBe(4);
    expect(category('Re-instate the dismissed judges.')).toBe(5);
  });

  it('a prohibition is read by the verb after "not"', () => {
    expect(classifyActionCategory('Do not apply the death penalty to juvenile offenders.')).toMatchObject({ category: 5, verb: 'Do not apply' });
  });

  it('never throws and explains itself for empty or verbless text', () => {
    expect(classifyActionCategory('')).toMatchObject({ category: 4, verb: '' });
    expect(classifyActionCategory('   ').reason).toMatch(/action verb/);
    expect(classifyActionCategory('!!! ... ???').category).toBe(4);
    expect(classifyActionCategory('Display greater firmness in preventing abuses.')).toMatchObject({ category: 4, verb: 'Display' });
  });

  it('gives a plain-English reason naming the category', () => {
    expect(classifyActionCategory('Ratify the Arms Trade Treaty.').reason).toMatch(/specific action/);
    expect(classifyActionCategory('Consider a moratorium on executions.').reason).toMatch(/without committing/);
  });

  it('lists each verb in exactly one category', () => {
    const all = [...MINIMAL_VERBS, ...CONTINUING_VERBS, ...CONSIDERING_VERBS, ...GENERAL_VERBS, ...SPECIFIC_VERBS];
    expect(all.filter((v, i) => all.indexOf(v) !== i)).toEqual([]);
  });
});

describe('readOpening', () => {
  it('tells verb-first recommendations from those naming a subject or asking others', () => {
    expect(readOpening('Further strengthen the national human rights institution.')).toMatchObject({ verbFirst: true, otherAddressee: undefined });
    expect(readOpening('Recommended that Benin establish a national preventive mechanism.')).toMatchObject({ verbFirst: false, subject: 'Benin' });
    expect(readOpening('Call on the international community to help.').otherAddressee).toBe('international community');
  });
});

describe('agreement with UPR Info coders on real rows', () => {
  const early = parseCodedRecommendations(decodeMacRoman(uprInfoSampleBytes()));
  // Sessions 10-13 were kept aside while the rules were tuned on sessions 1-9.
  const heldOut = parseCodedRecommendations(decodeMacRoman(uprInfoHeldOutBytes()));
  const opened = (o?: (typeof OPENINGS)[number]) => heldOut.map((r) => ({ ...r, text: o ? withOpening(r, o).text : pickOpening(r).text }));

  it('reads every coded row of the Mac Roman, CR-only exports', () => {
    expect(early).toHaveLength(UPR_INFO_SAMPLE_ROWS);
    expect(heldOut).toHaveLength(UPR_INFO_HELD_OUT_ROWS);
    expect(heldOut.every((r) => r.session >= HELD_OUT_SESSIONS[0] && r.session <= HELD_OUT_SESSIONS[1])).toBe(true);
    expect(splitBySession([...early, ...heldOut]).heldOut).toHaveLength(UPR_INFO_HELD_OUT_ROWS);
    expect(early.some((r) => r.text.includes('Habré'))).toBe(true);
    expect(heldOut.every((r) => r.sur !== '')).toBe(true);
  });

  it('agrees with the coders on rows of the sessions kept aside, well above the first-word baseline', () => {
    const ours = score(heldOut, category);
    const baseline = score(heldOut, firstWordBaseline);
    // Measured 90.3% on this sample with the model, 89.2% rules alone (90.9% and 90.5% on all 9,047
    // rows kept aside; bench/action-category.ts).
    expect(ours.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(ours.accuracy - baseline.accuracy).toBeGreaterThan(0.04);
  });

  it('agrees as well when the same rows are written behind the openings of a statement', () => {
    const bare = score(heldOut, category).accuracy;
    expect(score(opened(), category).accuracy).toBeGreaterThanOrEqual(bare - 0.01);
    for (const o of OPENINGS) expect(score(opened(o), category).accuracy, o.id).toBeGreaterThanOrEqual(bare - 0.01);
    // 454 rows behind 17 openings: about 7,700 drafts read, 3 s on a quiet machine, more on a shared one.
  }, 30_000);

  it('decides by the recommendation\'s own verb behind any opening, never by "We" or the delegation', () => {
    for (const r of heldOut.slice(0, 60)) {
      const bare = classifyActionCategory(r.text);
      for (const o of OPENINGS) {
        const read = classifyActionCategory(withOpening(r, o).text);
        expect(read.category, `${o.id}: ${r.text}`).toBe(bare.category);
        expect(read.verb.toLowerCase(), `${o.id}: ${r.text}`).toBe(bare.verb.toLowerCase());
      }
    }
  });

  it('agrees with the coders on the tuning sessions', () => {
    expect(score(early, category).accuracy).toBeGreaterThanOrEqual(0.92);
  });
});
