/**
 * What an export of a review holds (oral statement, advance questions, recommendations) and its
 * Markdown and plain-text forms. The .docx form is in ./docx.ts.
 */
import type { DraftRow, ReviewRow, StatementRow } from '../db/rows';
import { statementParagraphs } from '../reviews/statement';
import { escapeMarkdownDocument } from './markdown-escape';

export interface ReviewDocument {
  title: string;
  /** Delegation, State under Review, session, date: one line under the title. */
  subtitle: string;
  statement: string[];
  questions: string[];
  recommendations: string[];
}

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

export function reviewDocument(
  review: ReviewRow,
  stateName: string,
  drafts: DraftRow[],
  statement: Pick<StatementRow, 'opening' | 'closing' | 'items'>,
): ReviewDocument {
  const sorted = [...drafts].sort((a, b) => a.order - b.order);
  const texts = (kind: DraftRow['kind']) => sorted.filter((d) => d.kind === kind).map((d) => d.text.trim()).filter(Boolean);
  const parts = [
    `Delegation of ${review.delegation || '(delegation not set)'}`,
    `State under Review: ${stateName}`,
    review.session ? `${ordinal(review.session)} session of the UPR Working Group` : '',
    review.cycle ? `${ordinal(review.cycle)} cycle` : '',
    review.date ?? '',
  ].filter(Boolean);
  return {
    title: `Universal Periodic Review of ${stateName}`,
    subtitle: parts.join(' · '),
    statement: statementParagraphs(statement, sorted),
    questions: texts('question'),
    recommendations: texts('recommendation'),
  };
}

const SECTIONS = [
  ['Oral statement', 'statement'],
  ['Advance questions', 'questions'],
  ['Recommendations', 'recommendations'],
] as const;

/** Markdown: the title, the heading line, then each section; lists numbered as drafted. Typed markup is escaped. */
export function toMarkdown(typed: ReviewDocument): string {
  const doc = escapeMarkdownDocument(typed);
  const out = [`# ${doc.title}`, '', `*${doc.subtitle}*`];
  for (const [heading, key] of SECTIONS) {
    const items = doc[key];
    if (items.length === 0) continue;
    out.push('', `## ${heading}`, '');
    if (key === 'statement') out.push(items.join('\n\n'));
    else out.push(items.map((t, i) => `${i + 1}. ${t.replace(/\n+/g, ' ')}`).join('\n'));
  }
  return out.join('\n') + '\n';
}

/** Plain text for pasting into e-mail or a form. */
export function toPlainText(doc: ReviewDocument): string {
  const out = [doc.title, doc.subtitle];
  for (const [heading, key] of SECTIONS) {
    const items = doc[key];
    if (items.length === 0) continue;
    out.push('', heading.toUpperCase(), '');
    if (key === 'statement') out.push(items.join('\n\n'));
    else out.push(items.map((t, i) => `${i + 1}. ${t}`).join('\n'));
  }
  return out.join('\n') + '\n';
}

/** "Kenya-UPR-46.md": what the download is called. */
export function exportFileName(stateName: string, session: number | undefined, ext: string): string {
  const base = `${stateName}-UPR${session ? `-${session}` : ''}`.replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/-+/g, '-');
  return `${base}.${ext}`;
}
