/**
 * Reads UPR Info's coded recommendations export (the CSV in ../shared/data) for scoring the
 * action-category classifier. Only the columns the evaluation needs; the full importer is
 * lib/import. The export comes from an old Mac: Mac Roman text and CR-only line endings.
 */
import Papa from 'papaparse';
import { VERB_CATEGORY } from './action-verbs';
import { matchVerb } from './verb-forms';

export interface CodedRecommendation {
  text: string;
  category: 1 | 2 | 3 | 4 | 5;
  session: number;
}

export function decodeMacRoman(bytes: Uint8Array): string {
  return new TextDecoder('macintosh').decode(bytes);
}

/** Rows with a usable text, an action category 1-5 and a session number; the others are skipped. */
export function parseCodedRecommendations(csv: string): CodedRecommendation[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const rows: CodedRecommendation[] = [];
  for (const row of parsed.data) {
    const text = (row.Text ?? '').trim();
    const category = Number(row.Action);
    const session = Number(row.Session);
    if (!text || !Number.isInteger(session)) continue;
    if (category !== 1 && category !== 2 && category !== 3 && category !== 4 && category !== 5) continue;
    rows.push({ text, category, session });
  }
  return rows;
}

/** Deterministic split: sessions 1-3 tune the rules, sessions 4-5 are held out. */
export function splitBySession(rows: CodedRecommendation[], lastTuningSession = 3) {
  return {
    tuning: rows.filter((r) => r.session <= lastTuningSession),
    heldOut: rows.filter((r) => r.session > lastTuningSession),
  };
}

export type Category = CodedRecommendation['category'];
export const CATEGORIES: readonly Category[] = [1, 2, 3, 4, 5];

export interface Score {
  rows: number;
  accuracy: number;
  /** confusion[coded - 1][predicted - 1] */
  confusion: number[][];
  perCategory: { category: Category; precision: number; recall: number; support: number }[];
}

export function score(rows: CodedRecommendation[], classify: (text: string) => Category): Score {
  const confusion = CATEGORIES.map(() => CATEGORIES.map(() => 0));
  let correct = 0;
  for (const row of rows) {
    const predicted = classify(row.text);
    confusion[row.category - 1]![predicted - 1]!++;
    if (predicted === row.category) correct++;
  }
  const perCategory = CATEGORIES.map((c) => {
    const tp = confusion[c - 1]![c - 1]!;
    const predicted = confusion.reduce((sum, r) => sum + r[c - 1]!, 0);
    const support = confusion[c - 1]!.reduce((a, b) => a + b, 0);
    return { category: c, precision: predicted ? tp / predicted : 0, recall: support ? tp / support : 0, support };
  });
  return { rows: rows.length, accuracy: rows.length ? correct / rows.length : 0, confusion, perCategory };
}

/**
 * The comparison point: the category of the first word alone, from the same verb lists, with
 * unknown words read as general action (the most common category).
 */
export function firstWordBaseline(text: string): Category {
  const first = text.match(/[A-Za-z]+/)?.[0] ?? '';
  const verb = matchVerb(first.toLowerCase());
  return (verb && VERB_CATEGORY.get(verb.lemma)) || 4;
}
