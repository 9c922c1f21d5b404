/**
 * One CSV record of either export, validated with Zod and turned into a library row (before
 * concept tagging). A bad record yields a reason a person can act on, never an exception.
 */
import { z } from 'zod';
import type { LibraryRow } from '../db/rows';
import { columnIndex, type ExportFormat } from './formats';
import { rowId } from './row-id';
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

const clean = (s: string) => decodeEntities(s).replace(/\s+/g, ' ').trim();
const required = (what: string) => z.string().transform(clean).pipe(z.string().min(1, `${what} is empty`));

const response = z.string().transform((raw, ctx) => {
  const r = mapResponse(raw);
  if (!r) {
    ctx.addIssue({ code: 'custom', message: `the response “${raw.trim().slice(0, 40)}” is not Accepted, Supported, Noted, Rejected or Pending` });
    return z.NEVER;
  }
  return r;
});

const session = (column: string) =>
  z.string().transform((raw, ctx) => {
    const m = /\d{1,3}/.exec(raw);
    const n = m ? Number(m[0]) : NaN;
    if (!(n >= 1 && n <= 200)) {
      ctx.addIssue({ code: 'custom', message: raw.trim() ? `${column} “${raw.trim().slice(0, 20)}” is not a session number` : `${column} is empty` });
      return z.NEVER;
    }
    return n;
  });

const action = z.string().transform((raw, ctx) => {
  const r = raw.trim();
  if (!r) return undefined;
  if (!/^[1-5]$/.test(r)) {
    ctx.addIssue({ code: 'custom', message: `the action category “${r.slice(0, 20)}” is not a number from 1 to 5` });
    return z.NEVER;
  }
  return Number(r) as 1 | 2 | 3 | 4 | 5;
});

const tags = (splitter: RegExp) =>
  z.string().transform((raw) => [...new Set(decodeEntities(raw).split(splitter).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean))]);

const UprInfoRecord = z.object({
  to: required('the State under Review (To)'),
  text: required('the recommendation text (Text)'),
  from: required('the recommending State (From)'),
  response,
  action,
  issue: tags(/,/),
  session: session('the session (Session)'),
});

const UhriRecord = z.object({
  text: required('the recommendation text (Text)'),
  'countries concerned': required('the State concerned (Countries Concerned)'),
  'recommending body': z.string().transform(clean),
  'document symbol': z.string().transform(clean),
  // UHRI joins themes with semicolons or line breaks; a theme name may itself hold a comma.
  themes: tags(/[;\n\r|]+/),
  'upr recommending states': z.string().transform(clean),
  'upr position': response,
  'upr session': session('the session (UPR Session)'),
});

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

export type RecordResult = { ok: true; row: ParsedRow } | { ok: false; reason: string };

function reasonOf(error: z.ZodError): string {
  return error.issues.map((i) => (i.code === 'custom' || i.message.includes(' is ') ? i.message : `${String(i.path[0] ?? 'row')}: ${i.message}`)).join('; ');
}

/** A record of the export as a library row, or why it cannot be one. */
export function toRow(ctx: RecordContext, fields: readonly string[]): RecordResult {
  if (ctx.format === 'upr-info') {
    const p = UprInfoRecord.safeParse(pick(ctx, fields, ['to', 'text', 'from', 'response', 'action', 'issue', 'session']));
    if (!p.success) return { ok: false, reason: reasonOf(p.error) };
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
  const p = UhriRecord.safeParse(
    pick(ctx, fields, ['text', 'countries concerned', 'recommending body', 'document symbol', 'themes', 'upr recommending states', 'upr position', 'upr session']),
  );
  if (!p.success) return { ok: false, reason: reasonOf(p.error) };
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
