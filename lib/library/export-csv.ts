/** The filtered list as CSV, UTF-8 with a byte-order mark so spreadsheet programs read accents right. */
import Papa from 'papaparse';
import type { LibraryRow } from '../db/rows';

export const CSV_COLUMNS = [
  'State under Review',
  'SuR code',
  'Recommending State',
  'Recommending code',
  'Recommendation',
  'Response',
  'Action category',
  'Issues',
  'Session',
  'Cycle',
  'Document symbol',
  'Concepts',
  'Risk factors',
  'Atrocity prevention relevant',
  'Source',
] as const;

/** A cell a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection). */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function libraryCsv(rows: readonly LibraryRow[]): string {
  const data = rows.map((r) =>
    [
      r.sur,
      r.surCode ?? '',
      r.from,
      r.fromCode ?? '',
      r.text,
      r.response,
      r.action ? String(r.action) : '',
      r.issues.join(', '),
      r.session ? String(r.session) : '',
      r.cycle ? String(r.cycle) : '',
      r.documentSymbol ?? '',
      r.concepts.join(', '),
      r.riskFactors.join(', '),
      r.relevant ? 'yes' : 'no',
      r.source === 'uhri' ? 'OHCHR UHRI' : 'UPR Info',
    ].map(safe),
  );
  return '\uFEFF' + Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n' });
}
