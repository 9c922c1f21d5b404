/**
 * The statement as a delegation reads it out, and as the exports print it: an opening line, the
 * chosen questions, the chosen recommendations behind one lead-in ("Ireland recommends that the
 * Syrian Arab Republic:") as numbered clauses ("1. ratify the Rome Statute before its next
 * review;"), a closing line. Drafts are read with lib/upr/draft-reading.ts, so a draft typed as
 * "We recommend that Syria ratify …" gives the clause "ratify …", not a second opening.
 */
import { otherStates } from '../upr/action-category';
import { readDraft, type DraftRecommendation } from '../upr/draft-reading';
import { matchVerb } from '../upr/verb-forms';
import { atSentenceStart } from '../catalogue/state-in-sentence';

export interface StatementVoice {
  /** The user's own delegation as a sentence names it ("Ireland", "the Netherlands"); "" when unknown: "We". */
  delegation: string;
  /** The State under Review as a sentence names it ("the Syrian Arab Republic"). */
  state: string;
}

/** A paragraph, or recommendations behind their lead-in. */
export type StatementBlock = { kind: 'paragraph'; text: string } | { kind: 'recommendations'; leadIn: string; clauses: string[] };

/** "Ireland recommends", "The Netherlands recommends", "We recommend". */
export function recommends(voice: StatementVoice): string {
  return voice.delegation.trim() ? `${atSentenceStart(voice.delegation.trim())} recommends` : 'We recommend';
}

/** The lead-in before a list of recommendations: "Ireland recommends that the Syrian Arab Republic:". */
export function leadIn(voice: StatementVoice): string {
  return `${recommends(voice)} that ${voice.state}:`;
}

function withoutEndPunctuation(text: string): string {
  return text.trim().replace(/[\s.;,:!]+$/u, '');
}

/** "Ratify …" -> "ratify …"; a name or an acronym keeps its capital ("ICC", "OHCHR"). */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * "Ratify the Rome Statute." -> "ratify the Rome Statute": a clause to follow "recommends that
 * Chad". Typed after "to" ("calls on Syria to end … and to hold …"), its second "to" goes too.
 */
export function clause(rec: DraftRecommendation): string {
  // A "that" clause keeps its subject as typed: "that Syria (i) ratify …", not "that syria".
  if (/^that\s/i.test(rec.text)) return withoutEndPunctuation(rec.text.replace(/^that\s+/i, ''));
  let text = rec.text;
  if (/\bto$/i.test(rec.opening)) text = text.replace(/\band to (\p{L}+)/giu, (all, verb: string) => (matchVerb(verb)?.form === 'base' ? `and ${verb}` : all));
  return lowerFirst(withoutEndPunctuation(text));
}

/** Numbered clauses end ";", the one before the last "; and", the last ".". */
export function punctuateClauses(clauses: string[]): string[] {
  return clauses.map((c, i) => `${c}${i === clauses.length - 1 ? '.' : i === clauses.length - 2 ? '; and' : ';'}`);
}

/** A question with its capital and its question mark, whatever the draft's own. */
export function questionSentence(text: string): string {
  const t = atSentenceStart(text.trim().replace(/\s+/g, ' '));
  if (!t) return t;
  if (/[?!]$/.test(t)) return t;
  // "In view of the findings, what measures …": a question after a lead-in phrase. "when" and
  // "which" after a comma open a relative clause instead, so they do not count there.
  const asks = /^(?:what|how|when|which|who|whom|whose|why|where|does|do|did|is|are|was|were|has|have|had|will|would|can|could|should|may)\b/i.test(t)
    || /,\s*(?:what|how|why|does|do|did|is|are|has|have|will|would|can|could)\s+(?:\S+\s+){1,}\S/i.test(t.replace(/\s+/g, ' '));
  return asks ? `${t.replace(/[.;,:]+$/, '')}?` : /[.]$/.test(t) ? t : `${t}.`;
}

/** A paragraph as a sentence: capital first, full stop last, whatever the draft's own. */
function sentence(text: string): string {
  const t = atSentenceStart(text.trim().replace(/\s+/g, ' '));
  return !t || /[.?!:]$/.test(t) ? t : `${t}.`;
}

/** A verb that makes a draft a sentence with its own subject ("… should be ensured"), not a noun phrase. */
const FINITE = /\b(?:should|must|shall|will|would|is|are|be|been|was|were|has|have|can|may|needs?)\b/i;

/**
 * Recommendations read out of drafts, as one lead-in and its clauses (one alone as one sentence,
 * unless `list`: the exports' list of recommendations is numbered however short), plus a sentence of their own
 * for those a clause cannot carry: a passive ("that the death penalty be abolished"), one asking
 * others ("that the international community support …"), a noun phrase ("the ratification of …").
 */
export function recommendationBlocks(texts: readonly string[], voice: StatementVoice, options: { list?: boolean } = {}): StatementBlock[] {
  const clauses: string[] = [];
  /** Whether the one clause said alone opens with an aside: "that the Syrian Arab Republic, as a matter of priority, adopt …". */
  let aside = false;
  const own: string[] = [];
  // The same recommendation chosen twice (two drafts, or a draft and its copy) is said once.
  const said = new Set<string>();
  for (const text of texts) {
    for (const rec of readDraft(text).recommendations) {
      const c = clause(rec);
      const key = c.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (said.has(key)) continue;
      said.add(key);
      // Others asked ("the international community"), or the State among others ("all parties to the conflict").
      if (rec.addressee && (otherStates(rec.addressee) || /\bparties\b/i.test(rec.addressee))) own.push(`${recommends(voice)} that ${rec.addressee} ${c}.`);
      else if (!rec.verbFirst && /^that\s/i.test(rec.text)) own.push(`${recommends(voice)} that ${c}.`);
      // "The ratification of …", "ICC cooperation should be ensured": no verb to follow "that the State".
      else if (!rec.verbFirst) own.push(`${recommends(voice)} ${FINITE.test(rec.text) ? 'that ' : ''}${c}.`);
      else {
        clauses.push(c);
        aside = rec.aside;
      }
    }
  }
  const blocks: StatementBlock[] = [];
  if (clauses.length === 1 && !options.list) blocks.push({ kind: 'paragraph', text: `${recommends(voice)} that ${voice.state}${aside ? ',' : ''} ${clauses[0]}.` });
  else if (clauses.length > 0) blocks.push({ kind: 'recommendations', leadIn: leadIn(voice), clauses: punctuateClauses(clauses) });
  for (const text of own) blocks.push({ kind: 'paragraph', text });
  return blocks;
}

export interface StatementDraft {
  id: string;
  kind: 'question' | 'recommendation';
  text: string;
}

/**
 * The statement in speaking order: the opening line, each chosen item (recommendations next to
 * each other share one lead-in), the closing line. Items whose draft is gone or empty are left out.
 */
export function statementBlocks(
  st: { opening: string; closing: string; items: readonly string[] },
  drafts: readonly StatementDraft[],
  voice: StatementVoice,
): StatementBlock[] {
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const blocks: StatementBlock[] = [];
  if (st.opening.trim()) blocks.push({ kind: 'paragraph', text: sentence(st.opening) });
  let run: string[] = [];
  const flush = () => {
    if (run.length) blocks.push(...recommendationBlocks(run, voice));
    run = [];
  };
  for (const id of st.items) {
    const d = byId.get(id);
    if (!d || !d.text.trim()) continue;
    if (d.kind === 'recommendation') {
      run.push(d.text);
      continue;
    }
    flush();
    blocks.push({ kind: 'paragraph', text: questionSentence(d.text) });
  }
  flush();
  if (st.closing.trim()) blocks.push({ kind: 'paragraph', text: sentence(st.closing) });
  return blocks;
}

/**
 * The blocks as plain text: paragraphs apart, clauses one a line under their lead-in, numbered
 * unless `spoken` (what is read out, for the word count: the numbers are not said).
 */
export function blocksToText(blocks: readonly StatementBlock[], { spoken = false } = {}): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : [b.leadIn, ...b.clauses.map((c, i) => (spoken ? c : `${i + 1}. ${c}`))].join('\n')))
    .join('\n\n');
}
