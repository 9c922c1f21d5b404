/** One action per UPR sentence: the check the bundled data is held to (lib/upr/one-action.ts). */
import { describe, expect, it } from 'vitest';
import { actionsIn } from '@/lib/upr/one-action';

const verbs = (text: string) => actionsIn(text).map((a) => a.verb);

describe('the actions a UPR sentence asks for', () => {
  it('finds a second imperative joined by "and", by ", and" or after a semicolon', () => {
    expect(verbs('Establish an independent ombudsperson and ensure that it can visit all places of detention')).toEqual(['establish', 'ensure']);
    expect(verbs('Ratify the Arms Trade Treaty and establish a national control system for arms transfers')).toEqual(['ratify', 'establish']);
    expect(verbs('Designate a senior official as focal point, with a clear mandate and resources, and join the Global Network')).toEqual(['designate', 'join']);
    expect(verbs('Adopt a national action plan; allocate a budget to it')).toEqual(['adopt', 'allocate']);
    expect(verbs('Support initiatives for restraint on the use of the veto, and publicly explain any vote against action')).toEqual(['support', 'explain']);
  });

  it('counts each verb of a chain: "sign, ratify and implement" asks for three things', () => {
    expect(verbs('Sign, ratify and implement the Rome Statute')).toEqual(['sign', 'ratify', 'implement']);
    expect(verbs('Adopt and implement a national action plan against hate speech')).toEqual(['adopt', 'implement']);
  });

  it('leaves verbs of a subordinate clause to that clause', () => {
    expect(verbs('Mandate the institution to monitor and report on risks of atrocity crimes')).toEqual(['mandate']);
    expect(verbs('Establish an agency with powers to prevent and investigate corruption in public bodies')).toEqual(['establish']);
    expect(verbs('Ensure that defenders can take part and speak freely in risk assessments')).toEqual(['ensure']);
    expect(verbs('Ensure that emergency measures comply with human rights law and do not weaken the protection of any group')).toEqual(['ensure']);
  });

  it('but a clause long left behind does not swallow a new action', () => {
    expect(verbs('Vote for the inclusion of the responsibility to protect as a formal item on the General Assembly agenda and contribute a national statement to its debate')).toEqual(['vote', 'contribute']);
  });

  it('does not take nouns for verbs: "report", "support", "review" in an object', () => {
    expect(verbs('Include in the national report and the dialogue a section on atrocity prevention')).toEqual(['include']);
    expect(verbs('Provide resources and support to victims of atrocity crimes')).toEqual(['provide']);
    expect(verbs('Establish an early warning and response mechanism')).toEqual(['establish']);
    expect(verbs('Establish or strengthen a national human rights institution')).toEqual(['establish']);
  });

  it('finds no action where no verb opens the sentence', () => {
    expect(verbs('The national human rights institution')).toEqual([]);
  });
});
