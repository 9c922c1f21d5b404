/**
 * Reading one value of an export as the exporters write it: "- " prefixes (UHRI), several values
 * in one cell ("|" in UPR Info's database, one per line in UHRI's Excel), "Parent::Child" terms,
 * "5 - Specific action", "44 - November 2023", Excel serial dates, HTML in UHRI's `Text`.
 * Pure. A value that cannot be read throws RowProblem, which refuses that row only.
 */
import type { Mechanism, RowKind } from '../db/rows';
import { collapseSpaces } from './spaces';

/** Why one row cannot be read; caught per row (lib/import/rows.ts), never fails a file. */
export class RowProblem extends Error {
  override name = 'RowProblem';
}

const MAX_CODE_POINT = 0x10ffff;
function codePoint(n: number, written: string): string {
  // Surrogates alone and numbers past Unicode are not characters: the row cannot be decoded.
  if (!(n >= 0 && n <= MAX_CODE_POINT) || (n >= 0xd800 && n <= 0xdfff)) throw new RowProblem(`it holds “${written}”, which is not a character`);
  return String.fromCodePoint(n);
}

const NAMED: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0', amp: '&', rsquo: '\u2019', lsquo: '\u2018', ldquo: '\u201c', rdquo: '\u201d', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026' };

/** Exports escape a few characters as HTML entities ("&#40;Unknown&#41;"). One pass, so "&amp;lt;" stays "&lt;". */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,8})|#x([0-9a-f]{1,8})|([a-z]{2,6}));/gi, (all, dec?: string, hex?: string, name?: string) => {
    if (dec) return codePoint(Number(dec), all);
    if (hex) return codePoint(parseInt(hex, 16), all);
    return NAMED[name!.toLowerCase()] ?? all;
  });
}

const TAG = /<\/?[a-z][^>]*>|<!--[\s\S]*?-->/gi;
const BLOCK_END = /<\/(p|li|div|h\d|tr)>|<br\s*\/?>/gi;

/** UHRI's `Text` may hold HTML: read as text (tags dropped, entities decoded), never as markup. */
export function htmlAsText(s: string): string {
  if (!/<[a-z!/]/i.test(s)) return s;
  return s.replace(BLOCK_END, ' ').replace(TAG, '');
}

/** A cell's text: entities decoded, runs of spaces and line breaks as one space. */
export const cleanText = (s: string) => collapseSpaces(decodeEntities(s));

/** "- Iraq" → "Iraq": UHRI writes values with a list dash. */
export const undash = (s: string) => s.replace(/^\s*[-\u2013\u2022]\s+/, '');

/** "Parent::Child" → "Child": UPR Info's database writes a term under its parent so. */
const leaf = (s: string) => {
  const i = s.lastIndexOf('::');
  return i < 0 ? s : s.slice(i + 2);
};

/**
 * Several values of one cell or JSON list, in order, each cleaned, without repeats.
 * `split` says what joins them in this layout ("|", line breaks, ";", ",").
 */
export function listValues(raw: string | readonly unknown[] | null | undefined, split?: RegExp): string[] {
  const parts: string[] = [];
  const add = (v: unknown) => {
    if (v === null || v === undefined) return;
    const s = String(v);
    for (const p of split ? s.split(split) : [s]) {
      const t = cleanText(leaf(undash(p)));
      if (t && !parts.includes(t)) parts.push(t);
    }
  };
  if (Array.isArray(raw)) raw.forEach(add);
  else add(raw);
  return parts;
}

/** The first number in "44 - November 2023", "Session 44", "44"; undefined for "Unknown session" or nothing. */
export function sessionNumber(raw: string): number | undefined | 'bad' {
  const r = raw.trim();
  if (!r || /^unknown/i.test(r) || r === '-') return undefined;
  const m = /\d{1,3}/.exec(r);
  const n = m ? Number(m[0]) : NaN;
  return n >= 1 && n <= 200 ? n : 'bad';
}

/** UPR Info's action category: "5", "5 - Specific action", "Category 5". */
export function actionCategory(raw: string): 1 | 2 | 3 | 4 | 5 | undefined | 'bad' {
  const r = raw.trim();
  if (!r) return undefined;
  const m = /^(?:category\s*)?([1-5])(?:\s*[-–:.]\s*\D.*)?$/i.exec(r);
  return m ? (Number(m[1]) as 1 | 2 | 3 | 4 | 5) : 'bad';
}

/** Working Group sessions 1-12 are the first cycle, 13-26 the second, 27-40 the third, 41-54 the fourth. */
export function cycleOfSession(session: number): number {
  if (session <= 12) return 1;
  if (session <= 26) return 2;
  if (session <= 40) return 3;
  return 4;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as yyyy-mm-dd: ISO ("2025-02-12T00:00:00"), an Excel serial day number (45700), or
 * "12 February 2025". Slashed dates are left out: 03/04/2025 is April in Geneva and March in New York.
 */
export function isoDate(raw: string | number | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const r = String(raw).trim();
  if (!r) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(r);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (/^\d{4,5}(\.\d+)?$/.test(r)) {
    const days = Math.floor(Number(r));
    // 1 January 1990 to 2100: a serial outside is a number that is not a date.
    if (days >= 32874 && days <= 73415) return iso(EXCEL_EPOCH + days * 86_400_000);
    return undefined;
  }
  const w = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})$/i.exec(r);
  if (w) {
    const month = MONTHS.indexOf(w[2]!.toLowerCase());
    if (month >= 0) return iso(Date.UTC(Number(w[3]), month, Number(w[1])));
  }
  return undefined;
}

const TREATY_BODIES = new Set(['CAT', 'CCPR', 'CED', 'CEDAW', 'CERD', 'CESCR', 'CMW', 'CRC', 'CRPD', 'SPT', 'HRCTTEE']);
const SPECIAL_PROCEDURE = /^(SR|WG|IE|SRSG|Special Rapporteur|Working Group|Independent Expert|Special Procedures?)\b/i;

/** Which kind of mechanism a recommending body is. */
export function mechanismOf(body: string): Mechanism {
  const b = body.trim();
  if (/^UPR\b|universal periodic review/i.test(b)) return 'upr';
  if (TREATY_BODIES.has(b.toUpperCase().replace(/[^A-Z]/g, '')) || /^Committee (on|against)\b/i.test(b)) return 'treaty-body';
  if (SPECIAL_PROCEDURE.test(b)) return 'special-procedure';
  return 'other';
}

/** "- Concerns/Observations" → concern; "- Recommendations" (or nothing) → recommendation. */
export function rowKind(raw: string): RowKind {
  return /concern|observation/i.test(raw) ? 'concern' : 'recommendation';
}
