/** The review export as a Word document, built with the `docx` package (no network, no template). */
import { Document, HeadingLevel, Packer, Paragraph, TextRun, AlignmentType, LevelFormat } from 'docx';
import type { ReviewDocument } from './review-document';

const NUMBERING = 'drafts';

function numbered(items: string[], instance: number): Paragraph[] {
  return items.map((t) => new Paragraph({ children: [new TextRun(t)], numbering: { reference: NUMBERING, level: 0, instance } }));
}

export function buildDocx(doc: ReviewDocument): Document {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
  ];
  if (doc.statement.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Oral statement')] }));
    children.push(...doc.statement.map((t) => new Paragraph({ children: [new TextRun(t)], spacing: { after: 120 } })));
  }
  if (doc.questions.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Advance questions')] }));
    children.push(...numbered(doc.questions, 1));
  }
  if (doc.recommendations.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Recommendations')] }));
    children.push(...numbered(doc.recommendations, 2));
  }
  return new Document({
    title: doc.title,
    creator: 'R2P Lens',
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }],
        },
      ],
    },
    sections: [{ children }],
  });
}

export function docxBlob(doc: ReviewDocument): Promise<Blob> {
  return Packer.toBlob(buildDocx(doc));
}

export function docxBuffer(doc: ReviewDocument): Promise<Uint8Array> {
  return Packer.toBuffer(buildDocx(doc));
}
