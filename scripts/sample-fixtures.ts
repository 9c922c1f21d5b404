/**
 * Writes the small samples of the real UPR Info exports that the tests read
 * (tests/fixtures/upr-info/), from the full exports kept beside the project (../shared/data, or
 * R2P_SHARED_DATA): sessions 1-5 for the importer and the library, sessions 10-13 (the rows kept
 * aside from tuning the action-category rules) for the classifier, and rows of sessions 1-13 for
 * the library's search and atrocity-relevance tests. The tests must pass on a clone with nothing
 * beside it, so they read these samples, never the full files.
 *
 * Each sample keeps the export's bytes as they are (Mac Roman, CR-only line endings, doubled
 * quotes): the header, then every `step`-th record, split at record boundaries (a CR outside
 * quotes), plus any record holding one of the `keep` words, so the Mac Roman "é" of
 * "Hissène Habré" is always there.
 *
 *   npx tsx scripts/sample-fixtures.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = process.env.R2P_SHARED_DATA ?? resolve(ROOT, '../shared/data');
const OUT = resolve(ROOT, 'tests/fixtures/upr-info');

/** Splits an export into its records' byte ranges (the header first), CR outside quotes ending one. */
export function recordRanges(bytes: Uint8Array): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (!quoted && (b === 0x0d || b === 0x0a)) {
      if (i > start) ranges.push([start, i]);
      start = i + 1;
    }
  }
  if (start < bytes.length) ranges.push([start, bytes.length]);
  return ranges;
}

/** An export's header and records, each record as its bytes and as latin1 text to look in. */
function records(file: string) {
  const bytes = new Uint8Array(readFileSync(resolve(SHARED, file)));
  const [header, ...rest] = recordRanges(bytes);
  if (!header) throw new Error(`${file} is empty`);
  const latin = (r: [number, number]) => Buffer.from(bytes.subarray(...r)).toString('latin1');
  return { header: bytes.subarray(...header), records: rest.map((r) => ({ bytes: bytes.subarray(...r), text: latin(r) })) };
}

/** The records of `file` for which `keep(text, index, count)` holds, and the first holding each of `first`. */
function pick(file: string, keep: (text: string, i: number, n: number) => boolean, first: string[] = []) {
  const { header, records: all } = records(file);
  const firstOf = new Set(first.map((k) => all.findIndex((r) => r.text.includes(k))).filter((i) => i >= 0));
  const missing = first.filter((k) => !all.some((r) => r.text.includes(k)));
  return { header, chosen: all.filter((r, i) => firstOf.has(i) || keep(r.text, i, all.length)).map((r) => r.bytes), missing };
}

function write(out: string, header: Uint8Array, chosen: Uint8Array[]): number {
  const cr = new Uint8Array([0x0d]);
  writeFileSync(resolve(OUT, out), Buffer.concat([header, ...chosen].flatMap((p) => [p, cr])));
  return chosen.length;
}

/**
 * The header, every `step`-th record, the last record, every record holding one of `all`, and the
 * first record holding each of `first` (names and spellings the tests check, kept once each).
 */
function sample(file: string, out: string, step: number, all: string[], first: string[]): number {
  const { header, chosen } = pick(file, (t, i, n) => i % step === 0 || i === n - 1 || all.some((k) => t.includes(k)), first);
  return write(out, header, chosen);
}

mkdirSync(OUT, { recursive: true });
// Mac Roman 0x8E is "é": "Habr\x8E" finds the Habré rows in the raw bytes.
const n = sample('upr-info-sessions-1-5.csv', 'sessions-1-5-sample.csv', 5, ['Habr\x8E'], [
  'Equit\x8E', "Cote d'Ivoire", ',Bolivia,', 'DPR Korea', 'Trinidad & Tobago', 'Democratic Republic of Congo',
  ',Republic of Congo,', 'Macedonia FYR', '(Unknown)',
]);
console.log(`tests/fixtures/upr-info/sessions-1-5-sample.csv: ${n} records`);

/**
 * Rows for the library's search and relevance tests, from all three exports (sessions 1-13), in
 * one file under the shared header: every row to or from Syria (the State names the tests type),
 * Norway's recommendations on torture, every 60th row of sessions 10-13, and the first row holding
 * each text the relevance tests judge (tests/unit/atrocity-relevance.test.ts).
 */
const RELEVANCE_EXAMPLES: Record<string, string[]> = {
  'upr-info-sessions-1-5.csv': [
    'Ratify the Convention against Torture.', 'including those under the Fourth Geneva Convention', 'eliminate discrimination against Roma',
    'Enact laws to protect women in employment free from any form of discrimination', 'Raise awareness regarding human rights and the rule of law',
    'occupied Syrian Golan',
  ],
  'upr-info-sessions-6-9.csv': [
    'Consider ratifying the Convention on the Prevention and Punishment of the Crime of Genocide', 'Fully cooperate with the International Criminal Court and its investigations',
    'Accede to the 1951 Refugee Convention and the 1967 Protocol thereto', 'Prosecute security officials involved in torturing', 'Fight corruption at all levels',
    'accredited by the International Criminal Court', 'Establish a national human rights institution, accredited by ICC',
  ],
  'upr-info-sessions-10-13.csv': [
    'Cooperate with the Commission of Inquiry established by the Human Rights Council', 'Accelerate the process of establishing a Truth and Reconciliation Commission',
    'from the Enforced and Involuntary Disappearance', 'Eliminate religious discrimination in access to education',
    'Seek international assistance to supplement the national efforts', 'bring conditions for the prison population into line with international human rights standards',
  ],
};
const syria = /^Syria,|,Syria,/;
const parts = Object.entries(RELEVANCE_EXAMPLES).map(([file, first]) => {
  const p = pick(file, (t, i) => syria.test(t) || (/,Norway,/.test(t) && /tortur/i.test(t)) || (file.includes('10-13') && i % 60 === 0), first);
  if (p.missing.length) throw new Error(`${file}: no record holds ${p.missing.map((m) => `"${m}"`).join(', ')}`);
  return p;
});
const m = write('sessions-1-13-search-sample.csv', parts[0]!.header, parts.flatMap((p) => p.chosen));
console.log(`tests/fixtures/upr-info/sessions-1-13-search-sample.csv: ${m} records`);
// Rows of the sessions kept aside from tuning the action-category rules (10-13): the classifier's
// unit tests score it on these, as the bench does on all 9,047.
const heldOut = sample('upr-info-sessions-10-13.csv', 'sessions-10-13-sample.csv', 20, [], []);
console.log(`tests/fixtures/upr-info/sessions-10-13-sample.csv: ${heldOut} records`);
