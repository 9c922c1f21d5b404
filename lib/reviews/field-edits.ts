/**
 * Where the text of each autosaved field goes, as plain data rather than a callback: the journal
 * (./journal.ts) keeps it beside the text, so what a page typed can be written to its row after
 * that page is gone. `applyEdit` is the one place a field's text becomes a row change.
 */
import { z } from 'zod';
import type { R2PDatabase } from '../db/database';
import { MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE } from '../upr/speaking-time';
import { saveAssessment } from './assessments';
import { saveDraft } from './drafts';
import { saveFollowUp } from './follow-ups';
import { updateReview } from './reviews';
import { saveStatement } from './statement';

const id = z.string().min(1);

/** Checked on replay: the journal outlives the code that wrote it. */
export const FieldEditSchema = z.discriminatedUnion('table', [
  z.object({ table: z.literal('drafts'), id, field: z.enum(['text', 'reportParagraph']) }),
  z.object({ table: z.literal('assessments'), reviewId: id, indicatorId: id, field: z.literal('note') }),
  /** `defaultPace`: the settings' pace, for a statement whose row does not exist yet. */
  z.object({ table: z.literal('statements'), reviewId: id, field: z.enum(['opening', 'closing', 'pace', 'allottedSeconds']), defaultPace: z.number().positive() }),
  z.object({ table: z.literal('followUps'), id, field: z.enum(['what', 'partner', 'owner', 'due']) }),
  z.object({ table: z.literal('reviews'), id, field: z.enum(['delegation', 'session', 'cycle', 'date', 'midTermReportDate']) }),
]);
export type FieldEdit = z.infer<typeof FieldEditSchema>;

/** The tables an edit may write, for a caller's transaction scope. */
export const editTables = (db: R2PDatabase) => [db.reviews, db.assessments, db.drafts, db.statements, db.followUps];

/** One key per field: a newer text of the same field replaces the older one. */
export function editKey(e: FieldEdit): string {
  switch (e.table) {
    case 'assessments':
      return `assessments:${e.reviewId}:${e.indicatorId}:${e.field}`;
    case 'statements':
      return `statements:${e.reviewId}:${e.field}`;
    default:
      return `${e.table}:${e.id}:${e.field}`;
  }
}

const positive = (s: string) => {
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

/**
 * Writes a field's text to its row, as the field means it (trimmed, a number, a date or none).
 * Never creates a row for a review that is gone: a deleted review's text stays deleted.
 */
export async function applyEdit(db: R2PDatabase, e: FieldEdit, value: string, now = Date.now()): Promise<void> {
  switch (e.table) {
    case 'drafts':
      return saveDraft(db, e.id, { [e.field]: e.field === 'reportParagraph' ? value.trim() : value }, now);
    case 'followUps':
      return saveFollowUp(db, e.id, { [e.field]: value }, now);
    case 'reviews': {
      const v = e.field === 'delegation' ? value.trim() : e.field === 'session' || e.field === 'cycle' ? positive(value) : value || undefined;
      // `update` changes nothing when the review is gone.
      return updateReview(db, e.id, { [e.field]: v }, now);
    }
    case 'assessments':
    case 'statements': {
      if (!(await db.reviews.get(e.reviewId))) return;
      if (e.table === 'assessments') return void (await saveAssessment(db, e.reviewId, e.indicatorId, { note: value }, now));
      if (e.field === 'pace') {
        // An unfinished number keeps the pace saved before.
        const n = Number(value);
        if (!(n > 0)) return;
        return void (await saveStatement(db, e.reviewId, { pace: Math.min(MAX_WORDS_PER_MINUTE, Math.max(MIN_WORDS_PER_MINUTE, n)) }, now, e.defaultPace));
      }
      const patch = e.field === 'allottedSeconds' ? { allottedSeconds: Math.max(0, Number(value) || 0) } : { [e.field]: value };
      return void (await saveStatement(db, e.reviewId, patch, now, e.defaultPace));
    }
  }
}
