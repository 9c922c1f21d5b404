/**
 * What an export of a review holds (oral statement, advance questions, recommendations) and its
 * Markdown and plain-text forms. The .docx form is in ./docx.ts. The statement and the
 * recommendations read as a statement does (lib/reviews/statement-text.ts): "Norway recommends that
 * the Syrian Arab Republic:" and numbered clauses.
 */
import type { DraftRow, ReviewRow, StatementRow } from '../db/rows';
import { questionSentence, recommendationBlocks, statementBlocks, type StatementBlock, type StatementVoice } from '../reviews/statement-text';
import { escapeMarkdownDocument } from './markdown-escape';

export interface ReviewDocument {
  title: string;
  /** Delegation, State under Review, session, date: one line under the title. */
  subtitle: string;
  statement: StatementBlock[];
  questions: string[];
  recommendations: StatementBlock[];
}

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

export interface DocumentNames {
  /** The State under Review as lists show it ("Syrian Arab Republic") and as sentences say it ("the Syrian Arab Republic"). */
  state: { name: string; inSentence: string };
  /** The user's delegation as sentences say it ("Norway", "the Netherlands"); "" when not set. */
  delegation: string;
}

export function reviewDocument(
  review: ReviewRow,
  names: DocumentNames,
  drafts: DraftRow[],
  statement: Pick<StatementRow, 'opening' | 'closing' | 'items'>,
): ReviewDocument {
  const sorted = [...drafts].sort((a, b) => a.order - b.order);
  const texts = (kind: DraftRow['kind']) => sorted.filter((d) => d.kind === kind).map((d) => d.text.trim()).filter(Boolean);
  const voice: StatementVoice = { delegation: names.delegation, state: names.state.inSentence };
  const parts = [
    `Delegation of ${review.delegation || '(delegation not set)'}`,
    `State under Review: ${names.state.name}`,
    review.session ? `${ordinal(review.session)} session of the UPR Working Group` : '',
    review.cycle ? `${ordinal(review.cycle)} cycle` : '',
    review.date ?? '',
  ].filter(Boolean);
  return {
    title: `Universal Periodic Review of ${names.state.inSentence}`,
    subtitle: parts.join(' · '),
    statement: statementBlocks(statement, sorted, voice),
    questions: texts('question').map(questionSentence),
    recommendations: recommendationBlocks(texts('recommendation'), voice, { list: true }),
  };
}

const SECTIONS = [
  ['Oral statement', 'statement'],
  ['Advance questions', 'questions'],
  ['Recommendations', 'recommendations'],
] as const;

/** Paragraphs apart; a lead-in, then its clauses as a numbered list (`marker` numbers them). */
function blocks(items: readonly StatementBlock[], marker: (n: number) => string): string {
  return items
    .map((b) => (b.kind === 'paragraph' ? b.text : `${b.leadIn}\n\n${b.clauses.map((c, i) => `${marker(i + 1)} ${c.replace(/\n+/g, ' ')}`).join('\n')}`))
    .join('\n\n');
}

/** Markdown: the title, the heading line, then each section; lists numbered as drafted. Typed markup is escaped. */
export function toMarkdown(typed: ReviewDocument): string {
  const doc = escapeMarkdownDocument(typed);
  const out = [`# ${doc.title}`, '', `*${doc.subtitle}*`];
  for (const [heading, key] of SECTIONS) {
    if (doc[key].length === 0) continue;
    out.push('', `## ${heading}`, '');
    if (key === 'questions') out.push(doc.questions.map((t, i) => `${i + 1}. ${t.replace(/\n+/g, ' ')}`).join('\n'));
    else out.push(blocks(doc[key], (n) => `${n}.`));
  }
  return out.join('\n') + '\n';
}

/** Plain text for pasting into e-mail or a form. */
export function toPlainText(doc: ReviewDocument): string {
  const out = [doc.title, doc.subtitle];
  for (const [heading, key] of SECTIONS) {
    if (doc[key].length === 0) continue;
    out.push('', heading.toUpperCase(), '');
    if (key === 'questions') out.push(doc.questions.map((t, i) => `${i + 1}. ${t}`).join('\n'));
    else out.push(blocks(doc[key], (n) => `${n}.`));
  }
  return out.join('\n') + '\n';
}

/** "Kenya-UPR-46.md": what the download is called. */
export function exportFileName(stateName: string, session: number | undefined, ext: string): string {
  const base = `${stateName}-UPR${session ? `-${session}` : ''}`.replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/-+/g, '-');
  return `${base}.${ext}`;
}
