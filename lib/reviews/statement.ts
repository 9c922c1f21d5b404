/** The oral statement: an opening line, chosen drafts in speaking order, a closing line. */
import type { R2PDatabase } from '../db/database';
import type { StatementRow } from '../db/rows';

import { DEFAULT_ALLOTTED_SECONDS, DEFAULT_WORDS_PER_MINUTE } from '../upr/speaking-time';

/** `pace`: the user's speaking pace from the settings, so a new statement starts at it. */
export function emptyStatement(reviewId: string, now = Date.now(), pace = DEFAULT_WORDS_PER_MINUTE): StatementRow {
  return { reviewId, opening: '', closing: '', items: [], pace, allottedSeconds: DEFAULT_ALLOTTED_SECONDS, updatedAt: now };
}

/** The saved statement, or a new one at `defaultPace` (a saved statement keeps its own pace). */
export async function getStatement(db: R2PDatabase, reviewId: string, defaultPace?: number): Promise<StatementRow> {
  return (await db.statements.get(reviewId)) ?? emptyStatement(reviewId, Date.now(), defaultPace);
}

/** Reads, changes and writes the row in one transaction so two quick edits cannot undo each other. */
export async function saveStatement(
  db: R2PDatabase,
  reviewId: string,
  patch: Partial<Omit<StatementRow, 'reviewId'>>,
  now = Date.now(),
  defaultPace?: number,
): Promise<StatementRow> {
  return db.transaction('rw', [db.statements, db.reviews], async () => {
    const row = { ...(await getStatement(db, reviewId, defaultPace)), ...patch, reviewId, updatedAt: now };
    await db.statements.put(row);
    await db.reviews.update(reviewId, { updatedAt: now });
    return row;
  });
}

/** Moves item `index` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
