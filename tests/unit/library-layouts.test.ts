import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonRecordSplitter } from '@/lib/import/json-records';
import { decodeEntities, htmlAsText, isoDate, mechanismOf, RowProblem } from '@/lib/import/values';
import { safeCell, libraryCsv } from '@/lib/library/export-csv';
import { indexTerms } from '@/lib/library/index-terms';
import { words } from '@/lib/text/normalize';
import { stem } from '@/lib/text/stem';
import { parseAll } from './support/parse-file';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/library', name)));
const enc = new TextEncoder();

describe('UPR Info database CSV (Uwazi export)', () => {
  it('reads labels, "|" values, parent terms, "5 - Specific action", "13 - April 2012", Accepted and Unknown session', async () => {
    const { rows, refused, format, encoding } = await parseAll(fixture('upr-info-db-a.csv'), 'upr-info-db-a.csv');
    expect(format).toBe('upr-info-db');
    expect(encoding).toBe('utf-8');
    expect(rows).toHaveLength(299);
    const first = rows[0]!;
    expect(first).toMatchObject({ sur: 'Algeria', surCode: 'DZA', from: 'Slovakia', response: 'noted', action: 5, session: 13, cycle: 2, issues: ['International instruments', 'Justice'], mechanism: 'upr', body: 'UPR', source: 'upr-info' });
    // "Rights of specific persons::Women's rights" is the issue "Women's rights".
    expect(rows.some((r) => r.issues.includes("Women's rights"))).toBe(true);
    expect(rows.some((r) => r.issues.some((i) => i.includes('::')))).toBe(false);
    expect(new Set(rows.map((r) => r.response))).toEqual(new Set(['supported', 'noted']));
    const unknown = rows.filter((r) => r.session === undefined);
    expect(unknown.length).toBeGreaterThan(0);
    // Several States made one recommendation together.
    expect(rows.some((r) => r.fromAlso?.length === 1)).toBe(true);
    // The row holding "&#x110000;" alone is refused, with its line; the rest is read.
    expect(refused).toEqual([{ line: 6, reason: 'it holds “&#x110000;”, which is not a character' }]);
  });
});

describe("UHRI's Excel export", () => {
  it('reads "Reccomending", "- " prefixes, values on separate lines, Excel dates and every mechanism', async () => {
    const { rows, refused, format, kind } = await parseAll(fixture('uhri-search-export.xlsx'), 'uhri-search-export.xlsx');
    expect(kind).toBe('xlsx');
    expect(format).toBe('uhri');
    expect(rows).toHaveLength(239);
    expect(refused).toEqual([{ line: 11, reason: 'it holds “&#x110000;”, which is not a character' }]);
    const mechanisms = new Set(rows.map((r) => r.mechanism));
    expect(mechanisms).toEqual(new Set(['upr', 'treaty-body', 'special-procedure']));
    const upr = rows.find((r) => r.mechanism === 'upr')!;
    expect(upr.body).toBe('UPR');
    expect(['supported', 'noted']).toContain(upr.response);
    expect(upr.session).toBeGreaterThan(0);
    expect(upr.from).not.toMatch(/^- /);
    const tb = rows.find((r) => r.mechanism === 'treaty-body' && r.kind === 'concern')!;
    expect(tb.body).toMatch(/^(CRC|CEDAW|CCPR|CAT|CESCR|CERD|CRPD|CED|CMW)$/);
    expect(tb.from).toBe(tb.body);
    expect(tb.documentSymbol).toMatch(new RegExp(`^${tb.body}/C/`));
    expect(tb.date).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(tb.response).toBe('');
    expect(tb.annotationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows.every((r) => !r.sur.startsWith('- ') && r.issues.every((i) => !i.startsWith('- ')))).toBe(true);
    expect(rows.filter((r) => r.issues.length > 1).length).toBeGreaterThan(0);
  });
});

describe("UHRI's full JSON data set", () => {
  it('reads the records, HTML in Text as text, and refuses the one bad record by number and line', async () => {
    const { rows, refused, format, kind } = await parseAll(fixture('uhri-full-sample.json'), 'uhri.json');
    expect(kind).toBe('json');
    expect(format).toBe('uhri');
    expect(rows).toHaveLength(299);
    expect(refused).toEqual([{ line: 8, record: 7, reason: 'it holds “&#x110000;”, which is not a character' }]);
    expect(rows.every((r) => !/[<>]/.test(r.text))).toBe(true);
    expect(rows.some((r) => /^The Committee recommends that the State party: /.test(r.text) && r.text.includes(';'))).toBe(true);
    expect(rows.some((r) => r.mechanism === 'special-procedure' && /^Special Rapporteur|^Working Group|^Independent Expert/.test(r.body!))).toBe(true);
  });

  it('splits records across chunk boundaries, and survives a broken record and a file cut short', () => {
    const text = '{"value": [ {"Text":"a \\"quoted\\" {brace}","Countries":["Chad"]},\n {"Text": bad},\n 42, {"Text":"é","Countries":[]}, {"Text":"cut';
    const bytes = enc.encode(text);
    for (const size of [1, 3, 7, 1000]) {
      const s = new JsonRecordSplitter();
      const out = [];
      for (let i = 0; i < bytes.length; i += size) out.push(...s.push(bytes.subarray(i, i + size)));
      out.push(...s.end());
      expect(out.map((r) => [r.record, r.line, r.value?.Text ?? r.problem?.slice(0, 24)])).toEqual([
        [1, 1, 'a "quoted" {brace}'],
        [2, 2, 'this record is not valid'],
        [3, 3, 'this entry is not a reco'],
        [4, 3, 'é'],
        [5, 3, 'the file ends in the mid'],
      ]);
    }
  });
});

describe('a table in no known layout', () => {
  it('offers its header and first rows, and reads rows with the columns chosen', async () => {
    const bytes = fixture('delegation-table.csv');
    const probe = await parseAll(bytes, 'delegation-table.csv', {});
    expect(probe.format).toBeUndefined();
    expect(probe.header).toEqual(['Country', 'Wording', 'Made by', 'Review', 'Outcome', 'Topics', 'Our notes']);
    expect(probe.preview).toHaveLength(5);
    const { rows, refused } = await parseAll(bytes, 'delegation-table.csv', { sur: 0, text: 1, from: 2, session: 3, response: 4, issues: 5 });
    expect(rows).toHaveLength(24);
    expect(refused.map((r) => r.line)).toEqual([5]);
    expect(rows[0]).toMatchObject({ source: 'mapped', mechanism: 'upr', sur: 'Afghanistan' });
    expect(rows[0]!.session).toBeGreaterThan(0);
    expect(rows.some((r) => r.issues.length > 1)).toBe(true);
  });
});

describe('values', () => {
  it('reads dates as exports write them, and leaves ambiguous ones out', () => {
    expect(isoDate('2025-02-12T00:00:00')).toBe('2025-02-12');
    expect(isoDate(45700)).toBe('2025-02-12');
    expect(isoDate('45700')).toBe('2025-02-12');
    expect(isoDate('12 February 2025')).toBe('2025-02-12');
    expect(isoDate('03/04/2025')).toBeUndefined();
    expect(isoDate('17')).toBeUndefined();
  });

  it('decodes entities, and refuses a reference that is no character', () => {
    expect(decodeEntities('&#40;Unknown&#41; &amp;lt; &eacute;')).toBe('(Unknown) &lt; &eacute;');
    expect(() => decodeEntities('x &#x110000; y')).toThrow(RowProblem);
    expect(() => decodeEntities('&#xD800;')).toThrow(/not a character/);
    expect(htmlAsText('<p>Ratify</p><ol><li>the <b>Rome</b> Statute;</li></ol><script>alert(1)</script>')).toBe('Ratify the Rome Statute; alert(1)');
  });

  it('tells treaty bodies, special procedures and the UPR apart', () => {
    expect(['UPR', 'CRC', 'CEDAW', 'Committee against Torture', 'Special Rapporteur on torture', 'WG on Enforced or Involuntary Disappearances', 'Human Rights Council'].map(mechanismOf)).toEqual([
      'upr', 'treaty-body', 'treaty-body', 'treaty-body', 'special-procedure', 'special-procedure', 'other',
    ]);
  });

  it('indexes exactly the words a query is read as, accents and curly quotes included', () => {
    for (const t of ['Hissène Habré’s “trial”, Côte d’Ivoire — NHRIs 2015/16', 'ÉTATS-UNIS d\u2019Amérique; naïve coöperation', 'plain ASCII, with CAPITALS and digits 123abc']) {
      expect(indexTerms(t)).toEqual(words(t).map(stem));
    }
  });
});

describe('CSV export for Excel', () => {
  it('neutralises formula-looking cells, also after spaces or a line break, and starts with a byte-order mark', () => {
    expect(['=1+2', '+CMD', '-2', '@SUM(A1)', ' =1+2', '\n=HYPERLINK("x")', '\tx', 'Ratify = now', 'Côte'].map(safeCell)).toEqual([
      "'=1+2", "'+CMD", "'-2", "'@SUM(A1)", "' =1+2", "'\n=HYPERLINK(\"x\")", "'\tx", 'Ratify = now', 'Côte',
    ]);
    const csv = libraryCsv([
      { id: '1', sur: "Côte d'Ivoire", from: 'France', text: ' =cmd|"/c calc"!A1', response: 'supported', issues: [], source: 'upr-info', concepts: [], riskFactors: [], relevant: 0, importId: 'i' },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("Côte d'Ivoire");
    expect(csv).toContain(`"' =cmd|""/c calc""!A1"`);
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFState under Review,SuR code,Recommending State or body/);
  });
});
