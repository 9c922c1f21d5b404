/** The review export as a Word document, built with the `docx` package (no network, no template). */
import { Document, HeadingLevel, Packer, Paragraph, TextRun, AlignmentType, LevelFormat } from 'docx';
import type { StatementBlock } from '../reviews/statement-text';
import type { ReviewDocument } from './review-document';

const NUMBERING = 'drafts';

function numbered(items: string[], instance: number): Paragraph[] {
  return items.map((t) => new Paragraph({ children: [new TextRun(t)], numbering: { reference: NUMBERING, level: 0, instance } }));
}

/** Paragraphs, and each lead-in with its clauses numbered from 1 (a numbering instance of its own). */
function blockParagraphs(blocks: readonly StatementBlock[], nextInstance: () => number): Paragraph[] {
  return blocks.flatMap((b) =>
    b.kind === 'paragraph'
      ? [new Paragraph({ children: [new TextRun(b.text)], spacing: { after: 120 } })]
      : [new Paragraph({ children: [new TextRun(b.leadIn)], spacing: { after: 60 } }), ...numbered(b.clauses, nextInstance())],
  );
}

export function buildDocx(doc: ReviewDocument): Document {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
  ];
  let instance = 0;
  const nextInstance = () => ++instance;
  if (doc.statement.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Oral statement')] }));
    children.push(...blockParagraphs(doc.statement, nextInstance));
  }
  if (doc.questions.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Advance questions')] }));
    children.push(...numbered(doc.questions, nextInstance()));
  }
  if (doc.recommendations.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Recommendations')] }));
    children.push(...blockParagraphs(doc.recommendations, nextInstance));
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
