/**
 * Which shared field an autosaved field of the Reviews tab edits, read from where its text is
 * saved (its FieldEdit, lib/reviews/field-edits.ts). Only texts are bound live to the shared
 * document; the other fields save to the rows as usual and reach the document by the merge.
 */
import type { FieldEdit } from '../reviews/field-edits';
import { entityKey, STATEMENT_KEY } from './fields';

export interface SharedTextRef {
  key: string;
  field: string;
}

export function sharedTextOf(e: FieldEdit): SharedTextRef | undefined {
  if (e.table === 'drafts' && e.field === 'text') return { key: entityKey('drafts', e.id), field: 'text' };
  if (e.table === 'assessments') return { key: entityKey('assessments', e.indicatorId), field: 'note' };
  if (e.table === 'statements' && (e.field === 'opening' || e.field === 'closing')) return { key: STATEMENT_KEY, field: e.field };
  if (e.table === 'followUps' && e.field === 'what') return { key: entityKey('followUps', e.id), field: 'what' };
  return undefined;
}
