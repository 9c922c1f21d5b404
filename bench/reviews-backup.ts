/**
 * Checking a backup file before restoring it: how long validation takes for a large workspace
 * (10 reviews with full assessments and drafts, and a 20,000-row imported library), beside a
 * bare JSON.parse of the same text measured in the same run.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup } from '../lib/export/backup';
import { ms, summarise, time } from './stats';

function bigBackup(): string {
  const reviews = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, stateCode: 'KEN', delegation: 'Norway', session: 40 + i, createdAt: i, updatedAt: i }));
  const assessments = reviews.flatMap((r) => Array.from({ length: 120 }, (_, j) => ({ id: `${r.id}:i${j}`, reviewId: r.id, indicatorId: `foa-${1 + (j % 13)}.${1 + (j % 9)}`, status: 'present', note: 'A note of some length about the evidence.', updatedAt: j })));
  const drafts = reviews.flatMap((r) => Array.from({ length: 50 }, (_, j) => ({ id: `${r.id}:d${j}`, reviewId: r.id, kind: 'recommendation', text: 'Ratify the Rome Statute of the International Criminal Court by the end of 2026.', recommendationIds: ['2017-x'], riskFactorIds: ['foa-rf-2'], order: j, response: 'pending', reportParagraph: '', createdAt: j, updatedAt: j })));
  const library = Array.from({ length: 20_000 }, (_, j) => ({ id: `l${j}`, sur: 'Kenya', from: 'Norway', text: 'Continue efforts to strengthen the national human rights institution in line with the Paris Principles.', response: 'Supported', issues: ['NHRI'], session: 1 + (j % 40), source: 'upr-info', concepts: [], riskFactors: [], relevant: 0, importId: 'i1' }));
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(0).toISOString(), tables: { reviews, assessments, drafts, library } });
}

export function benchReviewsBackup(): { lines: string[] } {
  const text = bigBackup();
  const parse: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < 7; i++) {
    parse.push(time(() => JSON.parse(text))[1]);
    const [result, t] = time(() => parseBackup(text));
    if (!result.ok) throw new Error(result.message);
    validate.push(t);
  }
  const p = summarise(parse);
  const v = summarise(validate);
  return {
    lines: [
      `backup of ${(text.length / 1e6).toFixed(1)} MB (10 reviews, 1,200 assessments, 500 drafts, 20,000 library rows), ${v.n} runs`,
      `JSON.parse alone: p50 ${ms(p.p50)}, max ${ms(p.max)}`,
      `parseBackup (JSON + Zod + references): p50 ${ms(v.p50)}, max ${ms(v.max)} (${(v.p50 / p.p50).toFixed(1)}x JSON.parse)`,
    ],
  };
}
