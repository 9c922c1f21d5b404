/**
 * What of a review is shared, field by field. Each shared row becomes an entity of the review's
 * shared document, keyed `table/id`; its fields are of three kinds:
 * - `text`: merged character by character (Y.Text), so two people typing in one draft both keep
 *   what they typed;
 * - `list`: an ordered list of ids (Y.Array), so two people ticking items for the statement both
 *   keep theirs;
 * - `value`: one value, last writer wins, remembered with who set it and when (a response, a
 *   status).
 * Fields not named here stay on this computer (row ids, `updatedAt`, a review's `deletedAt`).
 */
import type { AssessmentRow, DraftRow, EvidenceRow, FollowUpRow, ReviewRow, StatementRow } from '../db/rows';
import { DEFAULT_ALLOTTED_SECONDS, DEFAULT_WORDS_PER_MINUTE } from '../upr/speaking-time';

export type FieldKind = 'text' | 'list' | 'value';

export type SharedTable = 'reviews' | 'statements' | 'assessments' | 'drafts' | 'evidence' | 'followUps';

/** An entity's shared fields (absent when the row leaves the field undefined). */
export type Entity = Record<string, unknown>;
/** A review's shared state: `table/id` -> fields. */
export type Snapshot = Record<string, Entity>;

interface TableSpec {
  fields: Record<string, FieldKind>;
  /** Values a row must have when the document lacks them (older documents, partial entities). */
  defaults: Entity;
}

export const SHARED_TABLES: Record<SharedTable, TableSpec> = {
  reviews: {
    fields: { stateCode: 'value', session: 'value', cycle: 'value', date: 'value', delegation: 'value', midTermReportDate: 'value', createdAt: 'value' },
    defaults: { delegation: '', stateCode: '' },
  },
  statements: {
    fields: { opening: 'text', closing: 'text', items: 'list', pace: 'value', allottedSeconds: 'value' },
    defaults: { opening: '', closing: '', items: [], pace: DEFAULT_WORDS_PER_MINUTE, allottedSeconds: DEFAULT_ALLOTTED_SECONDS },
  },
  assessments: { fields: { status: 'value', note: 'text' }, defaults: { status: 'unknown', note: '' } },
  drafts: {
    fields: {
      kind: 'value',
      text: 'text',
      recommendationIds: 'value',
      riskFactorIds: 'value',
      order: 'value',
      response: 'value',
      reportParagraph: 'value',
      createdAt: 'value',
    },
    defaults: { kind: 'recommendation', text: '', recommendationIds: [], riskFactorIds: [], order: 0, response: 'pending', reportParagraph: '', createdAt: 0 },
  },
  evidence: {
    fields: { indicatorId: 'value', quote: 'value', title: 'value', url: 'value', page: 'value', clippedAt: 'value' },
    defaults: { indicatorId: '', quote: '', title: '', url: '', clippedAt: 0 },
  },
  followUps: {
    fields: { kind: 'value', what: 'text', partner: 'value', owner: 'value', due: 'value', done: 'value' },
    defaults: { kind: 'action', what: '', partner: '', owner: '', due: '', done: false },
  },
};

export const TABLE_NAMES = Object.keys(SHARED_TABLES) as SharedTable[];

/** The one review and the one statement of a review are entities of a fixed id. */
export const REVIEW_KEY = 'reviews/review';
export const STATEMENT_KEY = 'statements/statement';

export const entityKey = (table: SharedTable, id: string) => `${table}/${id}`;
export function splitKey(key: string): { table: SharedTable; id: string } {
  const i = key.indexOf('/');
  return { table: key.slice(0, i) as SharedTable, id: key.slice(i + 1) };
}

/** The shared fields of a row, in the spec's order, undefined ones left out. */
export function pick(table: SharedTable, row: object): Entity {
  const out: Entity = {};
  for (const f of Object.keys(SHARED_TABLES[table].fields)) {
    const v = (row as Record<string, unknown>)[f];
    if (v !== undefined) out[f] = v;
  }
  return out;
}

export const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Same shared fields (both entities come from `pick` or the document, so field order matches). */
export function sameEntity(table: SharedTable, a: Entity | undefined, b: Entity | undefined): boolean {
  if (!a || !b) return a === b;
  return Object.keys(SHARED_TABLES[table].fields).every((f) => sameValue(a[f], b[f]));
}

/** The review's rows as they are in this browser's tables, as one snapshot. */
export interface ReviewRows {
  review?: ReviewRow;
  statement?: StatementRow;
  assessments: AssessmentRow[];
  drafts: DraftRow[];
  evidence: EvidenceRow[];
  followUps: FollowUpRow[];
}

export function snapshotOf(rows: ReviewRows): Snapshot {
  const s: Snapshot = {};
  if (rows.review) s[REVIEW_KEY] = pick('reviews', rows.review);
  if (rows.statement) s[STATEMENT_KEY] = pick('statements', rows.statement);
  for (const a of rows.assessments) s[entityKey('assessments', a.indicatorId)] = pick('assessments', a);
  for (const d of rows.drafts) s[entityKey('drafts', d.id)] = pick('drafts', d);
  for (const e of rows.evidence) s[entityKey('evidence', e.id)] = pick('evidence', e);
  for (const f of rows.followUps) s[entityKey('followUps', f.id)] = pick('followUps', f);
  return s;
}
