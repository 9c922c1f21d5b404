/**
 * Writes the library's import fixtures in the layouts users download today
 * (../shared/REAL-EXPORTS.md) from the real coded UPR rows beside the project (../shared/data, or
 * R2P_SHARED_DATA), with the writers of tests/fixtures/library-writers.ts:
 *
 *   tests/fixtures/library/upr-info-db-a.csv, -b.csv   UPR Info database CSV, two overlapping exports
 *   tests/fixtures/library/uhri-search-export.xlsx      UHRI's Excel export of a search, all mechanisms
 *   tests/fixtures/library/uhri-full-sample.json        UHRI's full JSON layout, overlapping the Excel file
 *   tests/fixtures/library/delegation-table.csv         a table in no known layout (the mapping step)
 *
 * Each holds one row that cannot be decoded (`&#x110000;`), which the import refuses alone.
 *
 *   npx tsx scripts/write-library-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { uhriRecordMaker, uhriXlsxRow, UHRI_XLSX_HEADER, uprInfoDbCsv, xlsxBytes, type RealRow } from '../tests/fixtures/library-writers';
import { readRealRows } from './real-rows';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'tests/fixtures/library');
mkdirSync(OUT, { recursive: true });

const BAD = ' (&#x110000;)';
const every = (rows: RealRow[], step: number) => rows.filter((_, i) => i % step === 0);

// UPR Info database: sessions 10-13, every 20th real row; export a holds rows 0-299, export b 200-449.
const s10 = every(readRealRows('upr-info-sessions-10-13.csv'), 20);
const a = s10.slice(0, 300).map((r, i) => (i === 4 ? { ...r, text: r.text + BAD } : r));
writeFileSync(resolve(OUT, 'upr-info-db-a.csv'), uprInfoDbCsv(a, 1));
writeFileSync(resolve(OUT, 'upr-info-db-b.csv'), uprInfoDbCsv(s10.slice(200, 450), 1));

// UHRI: records 0-239 in the Excel export, 200-499 in the JSON (40 records in both).
const make = uhriRecordMaker(every(readRealRows('upr-info-sessions-6-9.csv'), 10), 2);
const xlsxRecords = Array.from({ length: 240 }, (_, i) => make(i));
xlsxRecords[9]!.Text += BAD;
writeFileSync(resolve(OUT, 'uhri-search-export.xlsx'), xlsxBytes(UHRI_XLSX_HEADER, xlsxRecords.map(uhriXlsxRow)));
const jsonRecords = Array.from({ length: 300 }, (_, i) => make(200 + i));
jsonRecords[6]!.Text += BAD;
writeFileSync(resolve(OUT, 'uhri-full-sample.json'), `[\n${jsonRecords.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);

// A delegation's own table: other labels, semicolons between issues.
const own = every(readRealRows('upr-info-sessions-1-5.csv'), 250);
writeFileSync(
  resolve(OUT, 'delegation-table.csv'),
  Papa.unparse(
    {
      fields: ['Country', 'Wording', 'Made by', 'Review', 'Outcome', 'Topics', 'Our notes'],
      data: own.map((r, i) => [r.sur, i === 3 ? r.text + BAD : r.text, r.from, `Session ${r.session}`, r.response, r.issues.join('; '), i % 3 ? '' : 'follow up']),
    },
    { newline: '\r\n' },
  ),
);
console.log(`tests/fixtures/library: UPR Info database ${a.length} + ${450 - 200} rows, UHRI Excel ${xlsxRecords.length}, UHRI JSON ${jsonRecords.length}, delegation table ${own.length}`);
