/**
 * The filtered list as CSV that opens right in Excel: UTF-8 with a byte-order mark (without it
 * Excel reads UTF-8 as the local code page and garbles "Côte d'Ivoire"), CRLF line ends, and
 * every cell a spreadsheet would run as a formula neutralised with a leading apostrophe, also
 * when spaces or a line break come before the "=" (CSV injection).
 */
import Papa from 'papaparse';
import type { LibraryRow } from '../db/rows';

export const CSV_COLUMNS = [
  'State under Review',
  'SuR code',
  'Recommending State or body',
  'Recommending code',
  'Recommendation',
  'Response',
  'Action category',
  'Issues',
  'Session',
  'Cycle',
  'Mechanism',
  'Body',
  'Type',
  'Date',
  'Document symbol',
  'Concepts',
  'Risk factors',
  'Atrocity prevention relevant',
  'Source',
] as const;

const MECHANISM_NAMES: Record<string, string> = { upr: 'UPR', 'treaty-body': 'Treaty body', 'special-procedure': 'Special procedure', other: 'Other' };
const SOURCE_NAMES: Record<string, string> = { uhri: 'OHCHR UHRI', 'upr-info': 'UPR Info', mapped: 'Other export' };

/** A cell a spreadsheet would run as a formula (=, +, -, @, also after spaces or line breaks, or a leading tab or CR) is prefixed with an apostrophe. */
export const safeCell = (v: string) => (/^[\s]*[=+\-@]|^[\t\r\n]/.test(v) ? `'${v}` : v);

function cells(r: LibraryRow): string[] {
  return [
    r.sur,
    r.surCode ?? '',
    [r.from, ...(r.fromAlso ?? [])].join(', '),
    r.fromCode ?? '',
    r.text,
    r.response,
    r.action ? String(r.action) : '',
    r.issues.join(', '),
    r.session ? String(r.session) : '',
    r.cycle ? String(r.cycle) : '',
    MECHANISM_NAMES[r.mechanism ?? 'upr'] ?? '',
    r.body ?? 'UPR',
    r.kind === 'concern' ? 'Concern or observation' : 'Recommendation',
    r.date ?? '',
    r.documentSymbol ?? '',
    r.concepts.join(', '),
    r.riskFactors.join(', '),
    r.relevant ? 'yes' : 'no',
    SOURCE_NAMES[r.source] ?? r.source,
  ].map(safeCell);
}

const NEWLINE = '\r\n';
/** The byte-order mark and the header line. */
export const csvHead = () => '\uFEFF' + Papa.unparse([[...CSV_COLUMNS]], { newline: NEWLINE }) + NEWLINE;
/** One row's line, with its line end. */
export const csvLine = (r: LibraryRow) => Papa.unparse([cells(r)], { newline: NEWLINE }) + NEWLINE;

export function libraryCsv(rows: readonly LibraryRow[]): string {
  return csvHead() + rows.map(csvLine).join('');
}
