/**
 * One record of any layout (a table row, or a UHRI JSON record) turned into a library row before
 * concept tagging. A bad record yields a reason a person can act on, never an exception: a value
 * that cannot even be decoded (`&#x110000;`) refuses that row, and the import goes on.
 *
 * Speed: each field is checked by a plain function. A Zod schema per record cost about 40 µs a
 * row in the import worker, where Zod cannot compile its parsers (no eval in an extension): 11 s
 * of a 267,000-record import. What comes from the file is checked all the same: every value is
 * read through `text()`/`list()`, which accept strings, numbers and lists of them, and refuse the
 * row for anything else (an object where a name should be).
 */
import type { LibraryRow, Mechanism } from '../db/rows';
import { columnLabel, type Columns, type Field, type Layout } from './layouts';
import { rowId } from './row-id';
import type { StateLookup } from './state-names';
import { actionCategory, cleanText, cycleOfSession, htmlAsText, isoDate, listValues, mechanismOf, RowProblem, rowKind, sessionNumber, undash } from './values';

export { cycleOfSession, decodeEntities } from './values';

export type ParsedRow = Omit<LibraryRow, 'concepts' | 'riskFactors' | 'relevant' | 'importId'>;
export type LibraryResponse = 'supported' | 'noted' | 'partially supported' | 'pending';

/** UPR Info still says "Accepted"/"Rejected" for the early cycles; the HRC now says "supported"/"noted". */
export function mapResponse(raw: string): LibraryResponse | undefined {
  const r = undash(raw).trim().toLowerCase();
  if (!r || /^(pending|no response|not yet|awaiting|-)/.test(r)) return 'pending';
  if (/^partial/.test(r)) return 'partially supported';
  if (/^(accepted|supported|accept|support)/.test(r)) return 'supported';
  if (/^(noted|rejected|not accepted|not supported|reject|note)/.test(r)) return 'noted';
  return undefined;
}

/** A value as the reader hands it: a cell's text, or a JSON value. */
export type Value = unknown;

export interface RecordContext {
  layout: Layout;
  columns: Columns;
  /** The file's header (tables), for messages naming the column as the file does. */
  header: readonly string[];
  lookup: StateLookup;
}

export type RecordResult = { ok: true; row: ParsedRow } | { ok: false; reason: string };

function text(v: Value, what: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v.filter((x) => x !== null).join('\n');
  throw new RowProblem(`${what} is not text`);
}

function list(v: Value, split: RegExp, what: string): string[] {
  if (Array.isArray(v)) return listValues(v.map((x) => text(x, what)), split);
  return listValues(text(v, what), split);
}

/** Tells a treaty body or special procedure from a State in a "recommending" column the user mapped. */
const isBody = (name: string) => mechanismOf(name) !== 'other';

/**
 * The row a record makes. `get(field)` reads the record's value for a field (undefined when the
 * layout has no such column).
 */
export function toRow(ctx: RecordContext, get: (f: Field) => Value): RecordResult {
  try {
    return readRow(ctx, get);
  } catch (e) {
    if (e instanceof RowProblem) return { ok: false, reason: e.message };
    throw e;
  }
}

function readRow(ctx: RecordContext, get: (f: Field) => Value): RecordResult {
  const { layout } = ctx;
  const label = (f: Field) => columnLabel(ctx.header, ctx.columns, f);
  const issues: string[] = [];

  const textRaw = text(get('text'), 'the text');
  const body0 = cleanText(htmlAsText(textRaw)) || cleanText(text(get('title'), 'the title'));
  if (!body0) issues.push(`the recommendation text (${label(ctx.columns.text === undefined ? 'title' : 'text')}) is empty`);

  const surs = list(get('sur'), layout.split, 'the State under Review');
  if (!surs.length) issues.push(`the State concerned (${label('sur')}) is empty`);

  let froms = list(get('from'), layout.split, 'the recommending State');
  let body = list(get('body'), layout.split, 'the body')[0];
  if (layout.id === 'mapped' && !body && froms[0] && isBody(froms[0])) {
    body = froms[0];
    froms = [];
  }
  const mechanism: Mechanism = layout.upr ? 'upr' : body ? mechanismOf(body) : 'upr';
  const upr = mechanism === 'upr';
  if (layout.strict && !froms.length) issues.push(`the recommending State (${label('from')}) is empty`);

  const responseRaw = text(get('response'), 'the response');
  let response = '';
  if (upr) {
    const r = mapResponse(responseRaw.split(/[\r\n|;]/)[0] ?? '');
    if (r) response = r;
    else issues.push(`the response “${responseRaw.trim().slice(0, 40)}” is not Accepted, Supported, Noted, Rejected or Pending`);
  }

  const action = actionCategory(text(get('action'), 'the action category'));
  if (action === 'bad') issues.push(`the action category “${text(get('action'), '').trim().slice(0, 20)}” is not a number from 1 to 5`);

  const sessionRaw = text(get('session'), 'the session');
  const session = sessionNumber(sessionRaw);
  if (session === 'bad') issues.push(`${`the session (${label('session')})`} “${sessionRaw.trim().slice(0, 20)}” is not a session number`);
  else if (session === undefined && layout.strict) issues.push(`the session (${label('session')}) is empty`);

  if (issues.length) return { ok: false, reason: issues.join('; ') };

  const sur = surs[0]!;
  const from = froms[0] ?? body ?? 'Unknown';
  const s = session as number | undefined;
  const cycleNumber = s ? cycleOfSession(s) : Number(/\d+/.exec(text(get('cycle'), 'the cycle'))?.[0]) || undefined;
  const annotationId = text(get('annotationId'), 'the annotation id').trim() || undefined;
  const symbol = cleanText(text(get('symbol'), 'the document symbol')) || undefined;
  const row: ParsedRow = {
    id: annotationId ? rowId('uhri', 'annotation', annotationId, undefined) : rowId(sur, from, body0, s),
    sur,
    from,
    text: body0,
    response,
    issues: list(get('issues'), layout.splitIssues ?? layout.split, 'the issues'),
    source: layout.source,
    mechanism,
    kind: rowKind(text(get('kind'), 'the type')),
  };
  // Optional fields only when present (never stored as undefined, nor deleted after: both make
  // 267,000 rows heavier to clone into IndexedDB).
  const surCode = ctx.lookup(sur);
  if (surCode) row.surCode = surCode;
  const fromCode = ctx.lookup(from);
  if (fromCode) row.fromCode = fromCode;
  if (action !== undefined) row.action = action as 1 | 2 | 3 | 4 | 5;
  if (s !== undefined) row.session = s;
  if (cycleNumber) row.cycle = cycleNumber;
  if (symbol) row.documentSymbol = symbol;
  const bodyName = body ?? (upr ? 'UPR' : undefined);
  if (bodyName) row.body = bodyName;
  const date = isoDate(text(get('date'), 'the date'));
  if (date) row.date = date;
  if (annotationId) row.annotationId = annotationId;
  if (froms.length > 1) row.fromAlso = froms.slice(1);
  return { ok: true, row };
}

/** A record of a file (lib/import/sources.ts) as a row, or why not: a problem found while reading it, or its values. */
export function parseRecord(ctx: RecordContext, rec: { cells?: readonly unknown[]; problem?: string }): RecordResult {
  if (rec.problem) return { ok: false, reason: rec.problem };
  const cells = rec.cells!;
  const cols = ctx.columns;
  return toRow(ctx, (f) => {
    const i = cols[f];
    return i === undefined ? undefined : cells[i];
  });
}
