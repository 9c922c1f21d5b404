/**
 * Reads UPR Info's coded recommendations export (the CSV in ../shared/data) for scoring the
 * action-category classifier. Only the columns the evaluation needs; the full importer is
 * lib/import. The export comes from an old Mac: Mac Roman text and CR-only line endings.
 */
import Papa from 'papaparse';
import { VERB_CATEGORY } from './action-verbs';
import { matchVerb } from './verb-forms';
import { fnv1a } from '../text/hash';

export interface CodedRecommendation {
  text: string;
  category: 1 | 2 | 3 | 4 | 5;
  session: number;
  /** The State under Review and the recommending State as the export names them ("" when unknown). */
  sur: string;
  from: string;
}

/** Exports escape a few characters as HTML entities: "&#40;Unknown&#41;" is "(Unknown)", no State. */
function stateName(raw: string | undefined): string {
  const name = (raw ?? '').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).trim();
  return /^\(?unknown\)?$/i.test(name) ? '' : name;
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
    rows.push({ text, category, session, sur: stateName(row.To), from: stateName(row.From) });
  }
  return rows;
}

/** UPR Info's exports of sessions 1-13 (23,484 coded rows), as kept beside the project. */
export const UPR_INFO_FILES = ['upr-info-sessions-1-5.csv', 'upr-info-sessions-6-9.csv', 'upr-info-sessions-10-13.csv'] as const;
/**
 * The split, by session: the rules and the model are tuned on sessions 1-9 (14,437 rows, 2008-2010);
 * sessions 10-13 (9,047 rows, 2011-2012) are kept aside to judge them, as later sessions are what
 * users will draft for.
 */
export const TUNING_SESSIONS = [1, 9] as const;
export const HELD_OUT_SESSIONS = [10, 13] as const;

export interface Split {
  tuning: CodedRecommendation[];
  heldOut: CodedRecommendation[];
}

/** Deterministic split by session: tuning up to `lastTuningSession`, held out after it. */
export function splitBySession(rows: CodedRecommendation[], lastTuningSession: number = TUNING_SESSIONS[1]): Split {
  return {
    tuning: rows.filter((r) => r.session <= lastTuningSession),
    heldOut: rows.filter((r) => r.session > lastTuningSession),
  };
}

/** The hash that splits rows: the same number for the same text on every run. */
export const stableHash = (text: string, seed = 2026): number => fnv1a(text, seed);

/** The second split: a fifth of the rows of every session kept aside, by a hash of the text. */
export const HASH_SEED = 7;
export const HASH_HELD_OUT_PERCENT = 20;

/**
 * Rows across sessions 1-13, a fixed fifth kept aside by a hash of the text (the same text always
 * falls on the same side, so a recommendation made word for word by several States is never on
 * both). Near-identical texts can still fall on both sides.
 */
export function splitByHash(rows: CodedRecommendation[]): Split {
  const aside = (r: CodedRecommendation) => stableHash(r.text, HASH_SEED) % 100 < HASH_HELD_OUT_PERCENT;
  return { tuning: rows.filter((r) => !aside(r)), heldOut: rows.filter(aside) };
}

export const SPLITS = {
  sessions: {
    describe: 'by session: tuning = sessions 1-9, kept aside = sessions 10-13',
    trainedOn: 'sessions 1-9',
    split: (rows: CodedRecommendation[]) => splitBySession(rows),
  },
  hash: {
    describe: 'by hash: tuning = 80% of sessions 1-13, kept aside = the other 20% (hash of the text)',
    trainedOn: '80% of sessions 1-13 (hash of the text)',
    split: splitByHash,
  },
} as const;
export type SplitId = keyof typeof SPLITS;

/**
 * The split the goal is judged on and the bundled model is trained on: by session, because users
 * draft for sessions after the last one anyone here has, and the rules were written from sessions
 * 1-9 (so the hash split's kept-aside rows of those sessions were not unseen by the rules).
 */
export const SHIPPED_SPLIT: SplitId = 'sessions';

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
