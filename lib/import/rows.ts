/**
 * One CSV record of either export, validated with Zod and turned into a library row (before
 * concept tagging). A bad record yields a reason a person can act on, never an exception.
 */
import { z } from 'zod';
import type { LibraryRow } from '../db/rows';
import { columnIndex, type ExportFormat } from './formats';
import { rowId } from './row-id';
import { collapseSpaces } from './spaces';
import type { StateLookup } from './state-names';

export type ParsedRow = Omit<LibraryRow, 'concepts' | 'riskFactors' | 'relevant' | 'importId'>;
export type LibraryResponse = 'supported' | 'noted' | 'partially supported' | 'pending';

/** UPR Info still says "Accepted"/"Rejected" for the early cycles; the HRC now says "supported"/"noted". */
export function mapResponse(raw: string): LibraryResponse | undefined {
  const r = raw.trim().toLowerCase();
  if (!r || /^(pending|no response|not yet|awaiting|-)/.test(r)) return 'pending';
  if (/^partial/.test(r)) return 'partially supported';
  if (/^(accepted|supported|accept|support)/.test(r)) return 'supported';
  if (/^(noted|rejected|not accepted|not supported|reject|note)/.test(r)) return 'noted';
  return undefined;
}

/** Working Group sessions 1-12 are the first cycle, 13-26 the second, 27-40 the third, 41 on the fourth. */
export function cycleOfSession(session: number): number {
  if (session <= 12) return 1;
  if (session <= 26) return 2;
  if (session <= 40) return 3;
  return 4;
}

/** Exports escape a few characters as HTML entities ("&#40;Unknown&#41;"). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&#(\d{1,6});/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/**
 * Speed (issue 5, 40,000 rows): Zod checks each record's shape (every column a string) with a
 * schema of plain strings, which parses without transforms; the field rules below are plain
 * functions run once per field. A refinement or transform per field in the schema cost about
 * 40 µs a row in the import worker, where Zod cannot compile its parsers (no eval in an extension).
 */
const clean = (s: string) => collapseSpaces(decodeEntities(s));

/** A field's value, or the message saying why the record cannot be a row. */
type Field<T> = { value: T; issue?: undefined } | { value?: undefined; issue: string };

function required(what: string): (raw: string) => Field<string> {
  const issue = `${what} is empty`;
  return (raw) => {
    const value = clean(raw);
    return value ? { value } : { issue };
  };
}

function response(raw: string): Field<LibraryResponse> {
  const value = mapResponse(raw);
  return value ? { value } : { issue: `the response “${raw.trim().slice(0, 40)}” is not Accepted, Supported, Noted, Rejected or Pending` };
}

const SESSION = /\d{1,3}/;
function session(column: string): (raw: string) => Field<number> {
  return (raw) => {
    const m = SESSION.exec(raw);
    const n = m ? Number(m[0]) : NaN;
    if (n >= 1 && n <= 200) return { value: n };
    return { issue: raw.trim() ? `${column} “${raw.trim().slice(0, 20)}” is not a session number` : `${column} is empty` };
  };
}

const ACTION = /^[1-5]$/;
function action(raw: string): Field<1 | 2 | 3 | 4 | 5 | undefined> {
  const r = raw.trim();
  if (!r) return { value: undefined };
  if (!ACTION.test(r)) return { issue: `the action category “${r.slice(0, 20)}” is not a number from 1 to 5` };
  return { value: Number(r) as 1 | 2 | 3 | 4 | 5 };
}

function tags(splitter: RegExp): (raw: string) => Field<string[]> {
  return (raw) => {
    const out = new Set<string>();
    for (const part of decodeEntities(raw).split(splitter)) {
      const t = collapseSpaces(part);
      if (t) out.add(t);
    }
    return { value: [...out] };
  };
}

const plain = (raw: string): Field<string> => ({ value: clean(raw) });

/** Each export's columns (lower-cased header names) in the order their problems are listed, with the rule for each. */
const UPR_INFO_FIELDS = {
  to: required('the State under Review (To)'),
  text: required('the recommendation text (Text)'),
  from: required('the recommending State (From)'),
  response,
  action,
  issue: tags(/,/),
  session: session('the session (Session)'),
};

const UHRI_FIELDS = {
  text: required('the recommendation text (Text)'),
  'countries concerned': required('the State concerned (Countries Concerned)'),
  'recommending body': plain,
  'document symbol': plain,
  // UHRI joins themes with semicolons or line breaks; a theme name may itself hold a comma.
  themes: tags(/[;\n\r|]+/),
  'upr recommending states': plain,
  'upr position': response,
  'upr session': session('the session (UPR Session)'),
};

type Rules = Record<string, (raw: string) => Field<unknown>>;
type Values<R extends Rules> = { [K in keyof R]: R[K] extends (raw: string) => Field<infer T> ? T : never };

const shapeOf = (rules: Rules) => z.object(Object.fromEntries(Object.keys(rules).map((k) => [k, z.string()])));
const UprInfoRecord = shapeOf(UPR_INFO_FIELDS);
const UhriRecord = shapeOf(UHRI_FIELDS);

export interface RecordContext {
  format: ExportFormat;
  columns: Map<string, number>;
  lookup: StateLookup;
}

export function recordContext(format: ExportFormat, header: readonly string[], lookup: StateLookup): RecordContext {
  return { format, columns: columnIndex(header), lookup };
}

function pick(ctx: RecordContext, fields: readonly string[], names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const i = ctx.columns.get(n);
    out[n] = i === undefined ? '' : (fields[i] ?? '');
  }
  return out;
}

/** The record's shape checked by Zod, then each field by its rule; every problem of the record listed, in column order. */
function validate<R extends Rules>(ctx: RecordContext, fields: readonly string[], schema: z.ZodType<Record<string, string>>, rules: R): { ok: true; data: Values<R> } | { ok: false; reason: string } {
  const names = Object.keys(rules);
  const p = schema.safeParse(pick(ctx, fields, names));
  if (!p.success) return { ok: false, reason: reasonOf(p.error) };
  const data: Record<string, unknown> = {};
  let issues: string[] | undefined;
  for (const n of names) {
    const f = rules[n]!(p.data[n]!);
    if (f.issue !== undefined) (issues ??= []).push(f.issue);
    else data[n] = f.value;
  }
  return issues ? { ok: false, reason: issues.join('; ') } : { ok: true, data: data as Values<R> };
}

export type RecordResult = { ok: true; row: ParsedRow } | { ok: false; reason: string };

function reasonOf(error: z.ZodError): string {
  return error.issues.map((i) => (i.code === 'custom' || i.message.includes(' is ') ? i.message : `${String(i.path[0] ?? 'row')}: ${i.message}`)).join('; ');
}

/** A record of the export as a library row, or why it cannot be one. */
export function toRow(ctx: RecordContext, fields: readonly string[]): RecordResult {
  if (ctx.format === 'upr-info') {
    const p = validate(ctx, fields, UprInfoRecord, UPR_INFO_FIELDS);
    if (!p.ok) return p;
    const r = p.data;
    return {
      ok: true,
      row: {
        id: rowId(r.to, r.from, r.text, r.session),
        sur: r.to,
        surCode: ctx.lookup(r.to),
        from: r.from,
        fromCode: ctx.lookup(r.from),
        text: r.text,
        response: r.response,
        action: r.action,
        issues: r.issue,
        session: r.session,
        cycle: cycleOfSession(r.session),
        source: 'upr-info',
      },
    };
  }
  const p = validate(ctx, fields, UhriRecord, UHRI_FIELDS);
  if (!p.ok) return p;
  const r = p.data;
  // Treaty bodies and special procedures recommend too; for them the body is the author.
  const from = r['upr recommending states'] || r['recommending body'] || 'Unknown';
  const sur = r['countries concerned'];
  return {
    ok: true,
    row: {
      id: rowId(sur, from, r.text, r['upr session']),
      sur,
      surCode: ctx.lookup(sur),
      from,
      fromCode: ctx.lookup(from),
      text: r.text,
      response: r['upr position'],
      issues: r.themes,
      session: r['upr session'],
      cycle: cycleOfSession(r['upr session']),
      documentSymbol: r['document symbol'] || undefined,
      source: 'uhri',
    },
  };
}
