import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { DraftRow, ReviewRow } from '@/lib/db/rows';
import { exportFileName, ordinal, reviewDocument, toMarkdown, toPlainText } from '@/lib/export/review-document';
import { docxBuffer } from '@/lib/export/docx';

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

describe('review export', () => {
  const doc = reviewDocument(review, 'Kenya', drafts, statement);

  it('heads the document with delegation, State under Review and session', () => {
    expect(doc.title).toBe('Universal Periodic Review of Kenya');
    expect(doc.subtitle).toBe('Delegation of Norway · State under Review: Kenya · 46th session of the UPR Working Group · 4th cycle · 2025-01-20');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '111th']);
  });

  it('orders the statement as chosen, drafts as drafted, and leaves out empty drafts and deleted items', () => {
    expect(doc.statement).toEqual([
      'Thank you, Mr. President.',
      'Ratify the Rome Statute of the International Criminal Court.',
      'What steps does Kenya plan to take to appoint an R2P Focal Point?',
      'We wish Kenya every success.',
    ]);
    expect(doc.recommendations).toEqual([
      'Ratify the Rome Statute of the International Criminal Court.',
      'Adopt a national action plan on atrocity prevention by 2026.',
    ]);
    expect(doc.questions).toHaveLength(1);
  });

  it('writes Markdown with headings and numbered lists', () => {
    const md = toMarkdown(doc);
    expect(md).toMatch(/^# Universal Periodic Review of Kenya\n\n\*Delegation of Norway/);
    expect(md).toContain('## Oral statement\n\nThank you, Mr. President.\n\nRatify the Rome Statute');
    expect(md).toContain('## Recommendations\n\n1. Ratify the Rome Statute of the International Criminal Court.\n2. Adopt a national action plan');
    expect(md).toContain('## Advance questions\n\n1. What steps does Kenya');
  });

  it('writes plain text without markup', () => {
    const txt = toPlainText(doc);
    expect(txt).not.toMatch(/[#*]/);
    expect(txt).toContain('RECOMMENDATIONS\n\n1. Ratify');
    expect(txt.split('\n')[1]).toContain('Delegation of Norway');
  });

  it('leaves out sections with nothing in them', () => {
    const empty = reviewDocument(review, 'Kenya', [], { opening: '', closing: '', items: [] });
    expect(toMarkdown(empty)).not.toContain('##');
  });

  it('produces a Word document whose text holds the heading, statement, questions and recommendations', async () => {
    const zip = await JSZip.loadAsync(await docxBuffer(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const t of ['Universal Periodic Review of Kenya', 'Delegation of Norway', '46th session', 'Oral statement', 'Thank you, Mr. President.', 'Advance questions', 'appoint an R2P Focal Point', 'Recommendations', 'Adopt a national action plan on atrocity prevention by 2026.']) {
      expect(text).toContain(t);
    }
    expect(await zip.file('word/numbering.xml')?.async('string')).toContain('%1.');
  });

  it('names files after the State and session', () => {
    expect(exportFileName('Kenya', 46, 'docx')).toBe('Kenya-UPR-46.docx');
    expect(exportFileName("Côte d'Ivoire", undefined, 'md')).toBe('Côte-d-Ivoire-UPR.md');
  });
});
