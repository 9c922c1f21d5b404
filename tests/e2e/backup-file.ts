/** A backup file as the extension writes it: one review with `n` drafts, ids prefixed so two files do not overlap. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function backupJson(prefix: string, stateCode: string, n: number): string {
  const review = { id: `${prefix}-review`, stateCode, delegation: 'Norway', session: 46, createdAt: 1, updatedAt: 1 };
  const drafts = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`, reviewId: review.id, kind: i % 3 ? 'recommendation' : 'question',
    text: `Draft ${i}: ratify the Rome Statute of the International Criminal Court and align national legislation with it.`,
    recommendationIds: ['2017-rome-statute'], riskFactorIds: [], order: i, response: 'pending', reportParagraph: '', createdAt: i, updatedAt: i,
  }));
  return JSON.stringify({ format: 'r2p-lens-backup', version: 1, exportedAt: new Date(0).toISOString(), tables: { reviews: [review], drafts } });
}

/** The same, written to `dir/<prefix>.json`; its path. */
export function backupFile(dir: string, prefix: string, stateCode: string, n: number): string {
  const file = join(dir, `${prefix}.json`);
  writeFileSync(file, backupJson(prefix, stateCode, n));
  return file;
}
