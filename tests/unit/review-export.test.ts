import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { DraftRow, ReviewRow } from '@/lib/db/rows';
import { exportFileName, ordinal, reviewDocument, toMarkdown, toPlainText } from '@/lib/export/review-document';
import { docxBuffer } from '@/lib/export/docx';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { delegationInSentence, stateNames } from '@/lib/catalogue/state-in-sentence';
import { blocksToText, questionSentence, recommendationBlocks } from '@/lib/reviews/statement-text';
import { classifyDraft } from '@/lib/upr/action-category';

const review: ReviewRow = { id: 'r1', stateCode: 'KEN', delegation: 'Norway', session: 46, cycle: 4, date: '2025-01-20', createdAt: 0, updatedAt: 0 };
const draft = (id: string, kind: DraftRow['kind'], text: string, order: number): DraftRow => ({
  id,
  reviewId: 'r1',
  kind,
  text,
  order,
  recommendationIds: [],
  riskFactorIds: [],
  response: 'pending',
  reportParagraph: '',
  createdAt: 0,
  updatedAt: 0,
});
const drafts = [
  draft('b', 'recommendation', 'Adopt a national action plan on atrocity prevention by 2026.', 2),
  draft('a', 'recommendation', 'Ratify the Rome Statute of the International Criminal Court.', 1),
  draft('q', 'question', 'What steps does Kenya plan to take to appoint an R2P Focal Point?', 0),
  draft('e', 'recommendation', '   ', 3),
];
const statement = { opening: 'Thank you, Mr. President.', closing: 'We wish Kenya every success.', items: ['a', 'gone', 'q'] };

const kenya = { state: { name: 'Kenya', inSentence: 'Kenya' }, delegation: 'Norway' };

describe('review export', () => {
  const doc = reviewDocument(review, kenya, drafts, statement);

  it('heads the document with delegation, State under Review and session', () => {
    expect(doc.title).toBe('Universal Periodic Review of Kenya');
    expect(doc.subtitle).toBe('Delegation of Norway · State under Review: Kenya · 46th session of the UPR Working Group · 4th cycle · 2025-01-20');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '111th']);
  });

  it('orders the statement as chosen, drafts as drafted, and leaves out empty drafts and deleted items', () => {
    expect(doc.statement).toEqual([
      { kind: 'paragraph', text: 'Thank you, Mr. President.' },
      { kind: 'paragraph', text: 'Norway recommends that Kenya ratify the Rome Statute of the International Criminal Court.' },
      { kind: 'paragraph', text: 'What steps does Kenya plan to take to appoint an R2P Focal Point?' },
      { kind: 'paragraph', text: 'We wish Kenya every success.' },
    ]);
    expect(doc.recommendations).toEqual([
      {
        kind: 'recommendations',
        leadIn: 'Norway recommends that Kenya:',
        clauses: ['ratify the Rome Statute of the International Criminal Court; and', 'adopt a national action plan on atrocity prevention by 2026.'],
      },
    ]);
    expect(doc.questions).toHaveLength(1);
  });

  it('writes Markdown with headings, the lead-in and numbered clauses', () => {
    const md = toMarkdown(doc);
    expect(md).toMatch(/^# Universal Periodic Review of Kenya\n\n\*Delegation of Norway/);
    expect(md).toContain('## Oral statement\n\nThank you, Mr. President.\n\nNorway recommends that Kenya ratify the Rome Statute');
    expect(md).toContain('## Recommendations\n\nNorway recommends that Kenya:\n\n1. ratify the Rome Statute of the International Criminal Court; and\n2. adopt a national action plan');
    expect(md).toContain('## Advance questions\n\n1. What steps does Kenya');
  });

  it('writes plain text without markup', () => {
    const txt = toPlainText(doc);
    expect(txt).not.toMatch(/[#*]/);
    expect(txt).toContain('RECOMMENDATIONS\n\nNorway recommends that Kenya:\n\n1. ratify');
    expect(txt.split('\n')[1]).toContain('Delegation of Norway');
  });

  it('leaves out sections with nothing in them', () => {
    const empty = reviewDocument(review, kenya, [], { opening: '', closing: '', items: [] });
    expect(toMarkdown(empty)).not.toContain('##');
  });

  it('produces a Word document whose text holds the heading, statement, lead-in, questions and recommendations', async () => {
    const zip = await JSZip.loadAsync(await docxBuffer(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const t of ['Universal Periodic Review of Kenya', 'Delegation of Norway', '46th session', 'Oral statement', 'Thank you, Mr. President.', 'Advance questions', 'appoint an R2P Focal Point', 'Recommendations', 'Norway recommends that Kenya:', 'adopt a national action plan on atrocity prevention by 2026.']) {
      expect(text).toContain(t);
    }
    expect(await zip.file('word/numbering.xml')?.async('string')).toContain('%1.');
  });

  it('names files after the State and session', () => {
    expect(exportFileName('Kenya', 46, 'docx')).toBe('Kenya-UPR-46.docx');
    expect(exportFileName("Côte d'Ivoire", undefined, 'md')).toBe('Côte-d-Ivoire-UPR.md');
  });
});

describe('the export reads as a statement does', () => {
  const syria = { ...review, stateCode: 'SYR', delegation: 'Ireland' };
  const names = { state: stateNames('SYR', knowledgeBase()), delegation: delegationInSentence('Ireland', knowledgeBase()) };
  const typed = [
    // As delegates type them: their own opening, no capital, no full stop, a semicolon.
    draft('r1', 'recommendation', 'We recommend that Syria ratify the Rome Statute before its next review', 0),
    draft('r2', 'recommendation', 'abolish the death penalty;', 1),
    draft('r3', 'recommendation', 'Ireland recommends that the Syrian Arab Republic:\n1. release all persons detained for their views.\n2. Allow access for humanitarian agencies', 2),
    draft('q1', 'question', 'what measures is the Syrian Arab Republic taking to protect journalists', 3),
  ];
  const doc = reviewDocument(syria, names, typed, { opening: 'Thank you, Mr. President', closing: '', items: ['q1', 'r1', 'r2'] });

  it('names the State with its article in the title and the sentences, and without it where a list does', () => {
    expect(doc.title).toBe('Universal Periodic Review of the Syrian Arab Republic');
    expect(doc.subtitle).toContain('State under Review: Syrian Arab Republic');
  });

  it('puts one lead-in before numbered clauses, each with its first letter and final punctuation right, never doubled', () => {
    expect(doc.recommendations).toEqual([
      {
        kind: 'recommendations',
        leadIn: 'Ireland recommends that the Syrian Arab Republic:',
        clauses: [
          'ratify the Rome Statute before its next review;',
          'abolish the death penalty;',
          'release all persons detained for their views;',
          'allow access for humanitarian agencies.',
        ].map((c, i, all) => (i === all.length - 2 ? c.replace(/;$/, '; and') : c)),
      },
    ]);
    expect(toPlainText(doc)).not.toMatch(/We recommend|: We|recommends that Syria/);
  });

  it('gives the statement its capitals, question mark and full stops', () => {
    expect(doc.statement.map((b) => (b.kind === 'paragraph' ? b.text : [b.leadIn, ...b.clauses]))).toEqual([
      'Thank you, Mr. President.',
      'What measures is the Syrian Arab Republic taking to protect journalists?',
      ['Ireland recommends that the Syrian Arab Republic:', 'ratify the Rome Statute before its next review; and', 'abolish the death penalty.'],
    ]);
    expect(doc.questions).toEqual(['What measures is the Syrian Arab Republic taking to protect journalists?']);
  });

  it('gives a draft that does not start with its verb a sentence of its own, never a broken clause in the list', () => {
    const own = [
      draft('n1', 'recommendation', 'The ratification of the Rome Statute', 0),
      draft('n2', 'recommendation', 'ICC cooperation should be ensured', 1),
      draft('n3', 'recommendation', 'ratify the Arms Trade Treaty', 2),
      draft('n4', 'recommendation', 'Syria should end impunity; it should also investigate all allegations of torture.', 3),
    ];
    const d = reviewDocument(syria, names, own, { opening: '', closing: '', items: ['n1', 'n2', 'n3', 'n4'] });
    expect(d.statement.map((b) => (b.kind === 'paragraph' ? b.text : [b.leadIn, ...b.clauses]))).toEqual([
      ['Ireland recommends that the Syrian Arab Republic:', 'ratify the Arms Trade Treaty;', 'end impunity; and', 'investigate all allegations of torture.'],
      'Ireland recommends the ratification of the Rome Statute.',
      'Ireland recommends that ICC cooperation should be ensured.',
    ]);
  });

  it('ends a question with its question mark after a lead-in phrase, and an indirect question with a full stop', () => {
    expect(questionSentence('In view of the findings of the Commission of Inquiry, what measures is Syria taking to protect civilians')).toBe(
      'In view of the findings of the Commission of Inquiry, what measures is Syria taking to protect civilians?',
    );
    expect(questionSentence('given the rise in hate speech, could the delegation explain how Syria intends to prevent incitement.')).toBe(
      'Given the rise in hate speech, could the delegation explain how Syria intends to prevent incitement?',
    );
    expect(questionSentence('We would like to ask Syria what measures it is taking to protect journalists')).toBe('We would like to ask Syria what measures it is taking to protect journalists.');
    // "when" and "which" after a comma open a relative clause, not a question.
    expect(questionSentence('In 2021, when the law was adopted, Syria set up a commission')).toBe('In 2021, when the law was adopted, Syria set up a commission.');
  });

  it('reads "recommends to:" as a lead-in, drops the second "to" of "to end … and to hold …", and says a clause once', () => {
    const own = [
      draft('t1', 'recommendation', 'Germany recommends to: Release all political prisoners; Grant humanitarian access.', 0),
      draft('t2', 'recommendation', 'Ireland calls on Syria to end the use of indiscriminate weapons and to hold perpetrators accountable.', 1),
      draft('t3', 'recommendation', 'Ensure access to justice and to health care', 2),
      draft('t4', 'recommendation', 'We recommend that Syria release all political prisoners.', 3),
    ];
    const d = reviewDocument(syria, names, own, { opening: '', closing: '', items: ['t1', 't2', 't3', 't4'] });
    expect(d.statement).toEqual([
      {
        kind: 'recommendations',
        leadIn: 'Ireland recommends that the Syrian Arab Republic:',
        clauses: [
          'release all political prisoners;',
          'grant humanitarian access;',
          'end the use of indiscriminate weapons and hold perpetrators accountable; and',
          'ensure access to justice and to health care.',
        ],
      },
    ]);
  });

  it('keeps a draft that puts its deadline first in the list: "By 2027, adopt …"', () => {
    const own = [
      draft('d1', 'recommendation', 'By 2027, adopt a national action plan on atrocity prevention.', 0),
      draft('d2', 'recommendation', 'Without delay, ratify the Rome Statute', 1),
    ];
    const d = reviewDocument(syria, names, own, { opening: '', closing: '', items: ['d1', 'd2'] });
    expect(d.statement).toEqual([
      {
        kind: 'recommendations',
        leadIn: 'Ireland recommends that the Syrian Arab Republic:',
        clauses: ['by 2027, adopt a national action plan on atrocity prevention; and', 'without delay, ratify the Rome Statute.'],
      },
    ]);
  });

  it('says "We recommend" when the delegation is not set, and "The Netherlands recommends" at a sentence\'s start', () => {
    const we = reviewDocument({ ...syria, delegation: '' }, { ...names, delegation: '' }, typed.slice(1, 2), { opening: '', closing: '', items: ['r2'] });
    expect(we.statement).toEqual([{ kind: 'paragraph', text: 'We recommend that the Syrian Arab Republic abolish the death penalty.' }]);
    const nl = reviewDocument(syria, { ...names, delegation: delegationInSentence('Netherlands', knowledgeBase()) }, typed.slice(1, 2), { opening: '', closing: '', items: ['r2'] });
    expect(nl.recommendations[0]).toMatchObject({ leadIn: 'The Netherlands recommends that the Syrian Arab Republic:' });
  });

  it('writes the .docx with the lead-in and the clauses numbered from 1 in each list', async () => {
    const zip = await JSZip.loadAsync(await docxBuffer(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Universal Periodic Review of the Syrian Arab Republic');
    expect(text).toContain('Ireland recommends that the Syrian Arab Republic:ratify the Rome Statute before its next review; and');
    expect(text).not.toContain('We recommend');
    // Each list restarts: the statement's, then the questions', then the recommendations'.
    expect(new Set([...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1])).size).toBe(3);
  });
});

describe('the statement keeps what a delegate wrote between the State and its verb', () => {
  const voice = { delegation: 'Ireland', state: 'the Syrian Arab Republic' };
  const said = (...texts: string[]) => blocksToText(recommendationBlocks(texts, voice));

  it('keeps an aside set off by commas as an aside: "that the Syrian Arab Republic, as a matter of priority, establish …"', () => {
    expect(said('Ireland recommends that Syria, in line with its international obligations, repeal all provisions criminalising same-sex relations.')).toBe(
      'Ireland recommends that the Syrian Arab Republic, in line with its international obligations, repeal all provisions criminalising same-sex relations.',
    );
    expect(said('We urge the Government to, as a matter of priority, establish an independent mechanism on missing persons.')).toBe(
      'Ireland recommends that the Syrian Arab Republic, as a matter of priority, establish an independent mechanism on missing persons.',
    );
    expect(said('Syria should, within one year, establish an independent mechanism.')).toBe('Ireland recommends that the Syrian Arab Republic, within one year, establish an independent mechanism.');
    expect(classifyDraft('We urge the Government to, as a matter of priority, establish an independent mechanism.').map((r) => [r.category, r.verb])).toEqual([[5, 'establish']]);
  });

  it('says the verb as asked for, and a clause it cannot put verb-first with its own capitals', () => {
    expect(said('We recommend that the Government ratifies the Optional Protocol.')).toBe('Ireland recommends that the Syrian Arab Republic ratify the Optional Protocol.');
    expect(classifyDraft('We recommend that the Government ratifies the Optional Protocol.').map((r) => r.verb)).toEqual(['ratify']);
    expect(said('We recommend that Syria (i) ratify the Rome Statute and (ii) cooperate with the ICC.')).toMatch(/^Ireland recommends that Syria \(i\)/);
  });

  it('says a recommendation to all parties to the conflict with its own addressee', () => {
    expect(said('We call on all parties to the conflict to respect international humanitarian law.', 'Ratify the Rome Statute.')).toBe(
      'Ireland recommends that the Syrian Arab Republic ratify the Rome Statute.\n\nIreland recommends that all parties to the conflict respect international humanitarian law.',
    );
  });

  it('reads "recommends to Syria the ratification of …" as a noun phrase, not a clause for the State', () => {
    expect(said('Costa Rica recommends to Syria the ratification of the Arms Trade Treaty.')).toBe('Ireland recommends the ratification of the Arms Trade Treaty.');
    expect(said('We recommend the ratification of the Rome Statute.')).toBe('Ireland recommends the ratification of the Rome Statute.');
  });

  it('reads "recommends Syria to:" and items numbered "i." as a lead-in and its list', () => {
    const list = 'Ireland recommends that the Syrian Arab Republic:\n1. ratify the Rome Statute; and\n2. abolish the death penalty.';
    expect(said('Ireland recommends Syria to: ratify the Rome Statute; abolish the death penalty.')).toBe(list);
    expect(said('Ireland recommends that Syria: i. ratify the Rome Statute; ii. abolish the death penalty.')).toBe(list);
    expect(said('Ireland recommends that Syria: a) ratify the Rome Statute; b) abolish the death penalty.')).toBe(list);
  });
});

