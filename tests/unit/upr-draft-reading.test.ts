import { describe, expect, it } from 'vitest';
import { classifyActionCategory, classifyDraft } from '@/lib/upr/action-category';
import { readDraft } from '@/lib/upr/draft-reading';

const texts = (draft: string) => readDraft(draft).recommendations.map((r) => r.text);
const addressees = (draft: string) => readDraft(draft).recommendations.map((r) => r.addressee);

describe('readDraft: the recommendation inside what a delegate types', () => {
  it('takes the recommendation out of an opening that names who recommends', () => {
    expect(texts('Ireland recommends that Chad ratify the Rome Statute.')).toEqual(['Ratify the Rome Statute.']);
    expect(texts('Norway recommends that the Syrian Arab Republic continue its efforts')).toEqual(['Continue its efforts']);
    expect(texts('The United Kingdom of Great Britain and Northern Ireland recommends that the Democratic Republic of the Congo investigate all allegations.')).toEqual(['Investigate all allegations.']);
    expect(readDraft('Ireland recommends that Chad ratify the Rome Statute.').recommender).toBe('Ireland');
    expect(texts('My delegation would like to recommend that Chad adopt a law on hate speech')).toEqual(['Adopt a law on hate speech']);
  });

  it('reads "we", "urge", "calls on", "encourages … to" and "the Government of"', () => {
    expect(texts('We recommend that Syria ratify the Rome Statute before its next review')).toEqual(['Ratify the Rome Statute before its next review']);
    expect(texts('We urge Syria to ratify the Rome Statute')).toEqual(['Ratify the Rome Statute']);
    expect(texts('We urge the Government of Chad to consider ratifying the Convention')).toEqual(['Consider ratifying the Convention']);
    expect(addressees('We urge the Government of Chad to consider ratifying the Convention')).toEqual(['the Government of Chad']);
    expect(texts('Ireland calls on Chad to end impunity')).toEqual(['End impunity']);
    expect(texts("Mexico encourages the authorities of Cote d'Ivoire to amend the family code")).toEqual(['Amend the family code']);
    expect(texts('We recommend to Chad to ratify the Rome Statute')).toEqual(['Ratify the Rome Statute']);
  });

  it('reads "X should", "is encouraged to", a bare "to" and the subjunctive after "that"', () => {
    expect(texts('Chad should ratify the Rome Statute')).toEqual(['Ratify the Rome Statute']);
    expect(texts('The Government of Chad should take measures to combat torture')).toEqual(['Take measures to combat torture']);
    expect(texts('Indonesia is encouraged to consider ratifying the Rome Statute.')).toEqual(['Consider ratifying the Rome Statute.']);
    expect(texts('To fully implement the Domestic Violence Act.')).toEqual(['Fully implement the Domestic Violence Act.']);
    expect(texts('that Chad ratify the Rome Statute')).toEqual(['Ratify the Rome Statute']);
    expect(texts('We recommend Syria ratify the Rome Statute.')).toEqual(['Ratify the Rome Statute.']);
    expect(classifyActionCategory('Syria should, as a matter of urgency, release all political prisoners.')).toMatchObject({ category: 5, verb: 'release' });
    expect(texts('We recommend that Peru promptly and thoroughly investigate all reports of torture')).toEqual(['Promptly and thoroughly investigate all reports of torture']);
    expect(texts('Ireland recommends that Chad, as a matter of priority, adopt a law.')).toEqual(['As a matter of priority, adopt a law.']);
  });

  it('finds the recommendations among several sentences and leaves the greetings out', () => {
    const draft = 'Thank you, Mr. President. Ireland welcomes the delegation of Chad. We recommend that Chad ratify the Rome Statute. We also urge it to adopt a law on hate speech.';
    expect(texts(draft)).toEqual(['Ratify the Rome Statute.', 'Adopt a law on hate speech.']);
    expect(addressees(draft)).toEqual(['Chad', 'it']);
  });

  it('reads a lead-in and a numbered list, on lines or on one line', () => {
    expect(texts('Ireland recommends that the Syrian Arab Republic:\n1. ratify the Rome Statute;\n2. adopt a law on hate speech.')).toEqual([
      'Ratify the Rome Statute',
      'Adopt a law on hate speech.',
    ]);
    expect(addressees('Ireland recommends that the Syrian Arab Republic:\n1. ratify the Rome Statute;\n2. adopt a law on hate speech.')).toEqual(['the Syrian Arab Republic', 'the Syrian Arab Republic']);
    expect(texts('We recommend that Chad: (a) ratify the Rome Statute; (b) abolish the death penalty.')).toEqual(['Ratify the Rome Statute', 'Abolish the death penalty.']);
    expect(texts('Mr. President, Austria has two recommendations for Chad: ratify the Rome Statute; and abolish the death penalty.')).toEqual([
      'Ratify the Rome Statute',
      'Abolish the death penalty.',
    ]);
  });

  it('reads a numbered list written inline, one item per sentence, with capitals and "and (2)"', () => {
    expect(texts('Recommendations: 1) Ratify the Rome Statute. 2) Establish a national mechanism for the prevention of genocide.')).toEqual([
      'Ratify the Rome Statute.',
      'Establish a national mechanism for the prevention of genocide.',
    ]);
    expect(texts('Ireland recommends that Chad: 1. Ratify the Rome Statute. 2. Abolish the death penalty.')).toEqual([
      'Ratify the Rome Statute.',
      'Abolish the death penalty.',
    ]);
    expect(texts('Ireland recommends that Chad: (1) ratify the Rome Statute; and (2) establish a national mechanism.')).toEqual([
      'Ratify the Rome Statute',
      'Establish a national mechanism.',
    ]);
    // A number that only ends a sentence's figures is not a list.
    expect(texts('Chad should resettle 2,000 families by 2027. 3 million people remain displaced.')).toHaveLength(2);
  });

  it('leaves out the words that only order the statement: "First,", "Secondly,", "In addition,", "Finally,"', () => {
    expect(texts('First, ratify the Rome Statute. Second, establish a national mechanism. Finally, abolish the death penalty.')).toEqual([
      'Ratify the Rome Statute.',
      'Establish a national mechanism.',
      'Abolish the death penalty.',
    ]);
    expect(texts('In addition, Chad should invite the Special Rapporteur on torture.')).toEqual(['Invite the Special Rapporteur on torture.']);
    expect(classifyDraft('First, ratify the Rome Statute.').map((r) => [r.category, r.verb])).toEqual([[5, 'ratify']]);
  });

  it('reads "Recommend that Chad …" as a delegate\'s note, the recommendation after it', () => {
    expect(texts('Recommend that Chad ratify the Rome Statute.')).toEqual(['Ratify the Rome Statute.']);
    expect(addressees('Recommend that Chad ratify the Rome Statute.')).toEqual(['Chad']);
  });

  it('reads "Our (first) recommendation is that / to …" and "Ireland\'s recommendations are as follows:"', () => {
    expect(texts('Our recommendation is that Chad ratify the Rome Statute.')).toEqual(['Ratify the Rome Statute.']);
    expect(addressees('Our recommendation is that Chad ratify the Rome Statute.')).toEqual(['Chad']);
    expect(texts('Mr. President, our first recommendation is to ratify the Rome Statute.')).toEqual(['Ratify the Rome Statute.']);
    expect(texts("My delegation's second recommendation to Chad is that it adopt a law on hate speech.")).toEqual(['Adopt a law on hate speech.']);
    expect(texts("Ireland's recommendations are as follows: ratify the Rome Statute; abolish the death penalty.")).toEqual([
      'Ratify the Rome Statute',
      'Abolish the death penalty.',
    ]);
    expect(classifyDraft('Our recommendation is that Chad ratify the Rome Statute.').map((r) => [r.category, r.verb])).toEqual([[5, 'ratify']]);
  });

  it('reads the "to" of each item after a lead-in: "Recommends to Chad: to ratify …"', () => {
    expect(texts('Ireland recommends to Chad: to ratify the Rome Statute; to abolish the death penalty.')).toEqual([
      'Ratify the Rome Statute',
      'Abolish the death penalty.',
    ]);
  });

  it('reads a draft typed all in lower case: names are found by what follows them', () => {
    expect(texts('we recommend that syria ratify the rome statute before its next review')).toEqual(['Ratify the rome statute before its next review']);
    expect(addressees('we recommend that syria ratify the rome statute')).toEqual(['syria']);
    expect(texts('we urge syria to ratify the rome statute')).toEqual(['Ratify the rome statute']);
    expect(readDraft('ireland recommends that chad adopt a law on hate speech')).toMatchObject({
      recommender: 'ireland',
      recommendations: [expect.objectContaining({ text: 'Adopt a law on hate speech', addressee: 'chad' })],
    });
    expect(texts('syria should ratify the rome statute')).toEqual(['Ratify the rome statute']);
    expect(addressees('we recommend that the government of chad establish a national mechanism')).toEqual(['the government of chad']);
    expect(classifyDraft('we urge syria to ratify the rome statute').map((r) => [r.category, r.verb])).toEqual([[5, 'ratify']]);
    // A subject that is not who acts stays a clause, in lower case as in capitals.
    expect(texts('we recommend that women enjoy equal rights')).toEqual(['That women enjoy equal rights']);
    expect(texts('we recommend that the death penalty be abolished')).toEqual(['That the death penalty be abolished']);
  });

  it('ends an inline list item at its sentence: what follows the list is read on its own', () => {
    const draft = 'We recommend that Syria: (a) ratify the Convention on Enforced Disappearance; (b) grant the Institution on Missing Persons access to all places of detention. Ireland also recommends that Syria cooperate fully with the Commission of Inquiry. Thank you.';
    expect(texts(draft)).toEqual([
      'Ratify the Convention on Enforced Disappearance',
      'Grant the Institution on Missing Persons access to all places of detention.',
      'Cooperate fully with the Commission of Inquiry.',
    ]);
    expect(texts('Mexico recommends: 1. To adopt a law against discrimination. 2. To strengthen the national commission. We wish Syria every success.')).toEqual([
      'Adopt a law against discrimination.',
      'Strengthen the national commission.',
    ]);
  });

  it('leaves out "However, we remain concerned" and reads "We recommend establishing …" as "Establish …"', () => {
    expect(texts('We take note of the efforts made. However, we remain concerned. We recommend ending the use of barrel bombs.')).toEqual(['End the use of barrel bombs.']);
    expect(texts('Ireland recommends establishing a national mechanism for the prevention of genocide.')).toEqual(['Establish a national mechanism for the prevention of genocide.']);
    expect(classifyDraft('We recommend considering the ratification of the Rome Statute.').map((r) => [r.category, r.verb])).toEqual([[3, 'consider']]);
  });

  it('splits a second recommendation after ";" that has its own "it should"', () => {
    expect(texts('Chad should end impunity; it should also investigate all allegations of torture.')).toEqual([
      'End impunity',
      'Investigate all allegations of torture.',
    ]);
    // One recommendation's own ";" stays whole.
    expect(texts('Adopt a law on hate speech; ensure its implementation.')).toHaveLength(1);
  });

  it('splits two recommendations joined by "and that", not one verb\'s own "that … and that"', () => {
    expect(texts('We recommend that Syria ratify the Rome Statute and that it establish a national mechanism.')).toEqual([
      'Ratify the Rome Statute',
      'Establish a national mechanism.',
    ]);
    expect(texts('Ensure that journalists are protected and that attacks are investigated.')).toEqual(['Ensure that journalists are protected and that attacks are investigated.']);
  });

  it('leaves a clause it cannot put verb-first whole, and a bare recommendation as it is', () => {
    expect(readDraft('We recommend that the death penalty be abolished.').recommendations[0]).toMatchObject({ text: 'That the death penalty be abolished.', verbFirst: false });
    expect(readDraft('Ratify the Rome Statute.').recommendations).toEqual([
      expect.objectContaining({ text: 'Ratify the Rome Statute.', opening: '', verbFirst: true, start: 0 }),
    ]);
    expect(readDraft('').recommendations).toEqual([]);
  });

  it('says where each recommendation stands in the draft', () => {
    const draft = 'We recommend that Syria ratify the Rome Statute.';
    const [r] = readDraft(draft).recommendations;
    expect(draft.slice(r!.start, r!.end)).toBe('ratify the Rome Statute.');
    expect(r!.opening).toBe('We recommend that Syria');
  });
});

describe('classifyActionCategory on a statement', () => {
  it('decides by the recommendation\'s own verb: "ratify", not "We"', () => {
    expect(classifyActionCategory('We recommend that Syria ratify the Rome Statute before its next review')).toMatchObject({ category: 5, verb: 'ratify' });
    expect(classifyActionCategory('We recommend that Syria ratify the Rome Statute').reason).toMatch(/^"ratify" asks for a specific step/);
    expect(classifyActionCategory('Ireland recommends that Chad continue its efforts to combat poverty')).toMatchObject({ category: 2, verb: 'continue' });
    expect(classifyActionCategory('We urge Syria to consider ratifying the Rome Statute')).toMatchObject({ category: 3, verb: 'consider' });
    expect(classifyActionCategory('Chad should take measures to combat torture')).toMatchObject({ category: 4, verb: 'take measures' });
  });

  it('is minimal when the statement asks other States or the international community', () => {
    expect(classifyActionCategory('We call on the international community to support Chad.')).toMatchObject({ category: 1, verb: 'the international community' });
  });

  it('gives each recommendation of a draft its own category', () => {
    const read = classifyDraft('Ireland recommends that Chad:\n1. consider ratifying the Rome Statute;\n2. abolish the death penalty.');
    expect(read.map((r) => [r.category, r.verb])).toEqual([
      [3, 'consider'],
      [5, 'abolish'],
    ]);
  });
});

describe('readDraft: how delegations write in the Working Group', () => {
  it('reads "the State under Review" as who is asked, whatever its capitals', () => {
    expect(readDraft('We recommend that the State under Review ratify the Rome Statute.').recommendations).toEqual([
      expect.objectContaining({ text: 'Ratify the Rome Statute.', addressee: 'the State under Review' }),
    ]);
    expect(texts('Kenya encourages the State under review to continue strengthening its national human rights institution.')).toEqual([
      'Continue strengthening its national human rights institution.',
    ]);
    expect(texts('Peru recommends to the State under review to establish a national mechanism for reporting and follow-up.')).toEqual([
      'Establish a national mechanism for reporting and follow-up.',
    ]);
    expect(classifyDraft('Ireland recommends the State under review to abolish the death penalty.').map((r) => [r.category, r.verb])).toEqual([[5, 'abolish']]);
  });

  it('leaves out the sentences that voice concern and the greetings of the day', () => {
    expect(texts('Thank you, Mr. President. However, Ireland is concerned about the continued use of the death penalty. Ireland recommends that Syria establish a moratorium.')).toEqual([
      'Establish a moratorium.',
    ]);
    expect(texts('The Netherlands is deeply concerned about the shrinking civic space. The Netherlands recommends that Syria repeal the law on associations.')).toEqual([
      'Repeal the law on associations.',
    ]);
    expect(texts('Good morning. We recommend that Syria decriminalize defamation.')).toEqual(['Decriminalize defamation.']);
    expect(texts('Good afternoon, Madam President. Ireland recommends that Syria abolish the death penalty.')).toEqual(['Abolish the death penalty.']);
    expect(texts('Excellencies, distinguished delegates, Ireland welcomes the report. Ireland recommends that Syria ratify the Rome Statute.')).toEqual([
      'Ratify the Rome Statute.',
    ]);
  });

  it('reads "recommend" as a busy delegate misspells it', () => {
    expect(readDraft('we reccomend that syria ratify the rome statute').recommendations).toEqual([
      expect.objectContaining({ text: 'Ratify the rome statute', addressee: 'syria' }),
    ]);
    expect(texts('Ireland recomends that Syria abolish the death penalty')).toEqual(['Abolish the death penalty']);
    expect(texts('We reccommend that Syria ratify the Rome Statute.')).toEqual(['Ratify the Rome Statute.']);
    expect(texts('Ireland recommands that Syria ratify the Rome Statute.')).toEqual(['Ratify the Rome Statute.']);
    expect(classifyDraft('Ireland reccomends that syria abolish the death penalty.').map((r) => [r.category, r.verb])).toEqual([[5, 'abolish']]);
  });

  it('reads the recommendation after "… and recommends that": a welcome first, then the ask', () => {
    expect(readDraft('Ireland commends Syria for ratifying the CRPD and recommends that it adopt implementing legislation.').recommendations).toEqual([
      expect.objectContaining({ text: 'Adopt implementing legislation.', addressee: 'it' }),
    ]);
    expect(texts('Ireland takes note of the national report and recommends that Syria abolish the death penalty.')).toEqual(['Abolish the death penalty.']);
    expect(texts('We welcome the moratorium and urge Syria to abolish the death penalty.')).toEqual(['Abolish the death penalty.']);
    expect(texts('We welcome progress but urge Syria to do more to protect journalists.')).toEqual(['Do more to protect journalists.']);
    expect(texts('Ireland encourages Syria to continue to cooperate with the special procedures, and recommends that it extend a standing invitation.')).toEqual([
      'Continue to cooperate with the special procedures',
      'Extend a standing invitation.',
    ]);
  });

  it('reads the indicative after "recommends (that) Syria" as the verb asked for: "ensures" is "Ensure"', () => {
    expect(texts('The United Kingdom recommends that Syria ensures that all detainees have access to a lawyer.')).toEqual([
      'Ensure that all detainees have access to a lawyer.',
    ]);
    expect(texts('We recommend that the Government ratifies the Optional Protocol.')).toEqual(['Ratify the Optional Protocol.']);
    expect(texts('Ireland recommends Syria ratifies the Rome Statute.')).toEqual(['Ratify the Rome Statute.']);
    expect(classifyDraft('We recommend that Syria guarantees the independence of the judiciary.').map((r) => r.verb)).toEqual(['guarantee']);
    expect(texts('It is recommended that Syria ratify the Rome Statute.')).toEqual(['Ratify the Rome Statute.']);
  });

  it('splits sentences typed without a space after the full stop', () => {
    expect(texts('Ireland recommends that Syria adopt a law on hate speech.Ireland also recommends that Syria establish a truth commission.')).toEqual([
      'Adopt a law on hate speech.',
      'Establish a truth commission.',
    ]);
    // An address or an abbreviation is not a sentence's end.
    expect(texts('Publish the data on www.ohchr.org and report to the U.N.Committee.')).toHaveLength(1);
  });

  it('reads "all parties to the conflict" as who is asked', () => {
    expect(readDraft('Ireland calls on all parties to the conflict to respect international humanitarian law.').recommendations).toEqual([
      expect.objectContaining({ text: 'Respect international humanitarian law.', addressee: 'all parties to the conflict' }),
    ]);
  });
});

