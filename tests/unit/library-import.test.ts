import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding } from '@/lib/import/encoding';
import { refuseNonText } from '@/lib/import/formats';
import { detectLayout } from '@/lib/import/layouts';
import { cycleOfSession, mapResponse } from '@/lib/import/rows';
import { parseAll } from './support/parse-file';
import { UPR_INFO_SAMPLE_ROWS, uprInfoSampleBytes } from '../fixtures/upr-info-sample';

const sampleBytes = uprInfoSampleBytes;
const enc = new TextEncoder();

describe('the real UPR Info export (a sample of sessions 1-5)', () => {
  it('is read as Mac Roman and yields exactly the sample\'s rows with the right fields', async () => {
    const { rows, refused, format, encoding } = await parseAll(sampleBytes());
    expect(encoding).toBe('macintosh');
    expect(rows[0]).toMatchObject({ mechanism: 'upr', body: 'UPR', kind: 'recommendation' });
    expect(format).toBe('upr-info');
    expect(refused).toEqual([]);
    expect(rows).toHaveLength(UPR_INFO_SAMPLE_ROWS);

    const first = rows[0]!;
    expect(first).toMatchObject({
      sur: 'Afghanistan',
      surCode: 'AFG',
      from: 'Austria',
      fromCode: 'AUT',
      response: 'supported',
      action: 5,
      issues: ['Rights of the Child', "Women's rights"],
      session: 5,
      cycle: 1,
      source: 'upr-info',
    });
    expect(first.text).toMatch(/^Enact legislation and take effective measures to protect and promote women's rights/);

    const last = rows[rows.length - 1]!;
    expect(last.sur).toBe('Zambia');
    expect(last.session).toBe(2);
  });

  it('keeps accented names: Hissène Habré, and maps export spellings to ISO codes', async () => {
    const { rows } = await parseAll(sampleBytes());
    const habre = rows.filter((r) => r.text.includes('Hissène Habré'));
    expect(habre.length).toBe(2);
    expect(habre.map((r) => r.from).sort()).toEqual(['Ireland', 'Switzerland']);
    expect(rows.some((r) => r.text.includes('Equité'))).toBe(true);
    expect(rows.some((r) => /HissËne|Habr…|Hiss\uFFFD/.test(r.text))).toBe(false);

    const byFrom = (name: string) => rows.find((r) => r.from === name);
    expect(byFrom("Cote d'Ivoire")?.fromCode).toBe('CIV');
    expect(byFrom('Bolivia')?.fromCode).toBe('BOL');
    expect(byFrom('DPR Korea')?.fromCode).toBe('PRK');
    expect(byFrom('Trinidad & Tobago')?.fromCode).toBe('TTO');
    expect(byFrom('Democratic Republic of Congo')?.fromCode).toBe('COD');
    expect(byFrom('Republic of Congo')?.fromCode).toBe('COG');
    expect(rows.find((r) => r.sur === 'Macedonia FYR')?.surCode).toBe('MKD');
    // Entities in the export are decoded for display; a name with no State keeps no code.
    const unknown = rows.find((r) => r.from === '(Unknown)');
    expect(unknown).toBeDefined();
    expect(unknown!.fromCode).toBeUndefined();
  });

  it('counts the responses and sessions as the export holds them', async () => {
    const { rows } = await parseAll(sampleBytes());
    expect(rows.filter((r) => r.response === 'supported')).toHaveLength(824);
    expect(rows.filter((r) => r.response === 'noted')).toHaveLength(405);
    expect(new Set(rows.map((r) => r.session))).toEqual(new Set([1, 2, 3, 4, 5]));
    // Quoted fields with commas and doubled quotes stay in one field.
    expect(rows.every((r) => r.text.length > 0 && !r.text.startsWith('"'))).toBe(true);
  });
});

describe('encoding detection', () => {
  it('tells UTF-8, Windows-1252 and Mac Roman apart on the same words', () => {
    const words = 'Hissène Habré, Côte d’Ivoire, “São Tomé”';
    const cp1252 = Uint8Array.from([...words].map((ch) => {
      const map: Record<string, number> = { è: 0xe8, é: 0xe9, ô: 0xf4, '’': 0x92, '“': 0x93, '”': 0x94, ã: 0xe3 };
      return map[ch] ?? ch.charCodeAt(0);
    }));
    const mac = Uint8Array.from([...words].map((ch) => {
      const map: Record<string, number> = { è: 0x8f, é: 0x8e, ô: 0x99, '’': 0xd5, '“': 0xd2, '”': 0xd3, ã: 0x8b };
      return map[ch] ?? ch.charCodeAt(0);
    }));
    expect(detectEncoding(enc.encode(words))).toBe('utf-8');
    expect(detectEncoding(cp1252)).toBe('windows-1252');
    expect(detectEncoding(mac)).toBe('macintosh');
    expect(decodeBytes(cp1252).text).toBe(words);
    expect(decodeBytes(mac).text).toBe(words);
    expect(decodeBytes(enc.encode(`\uFEFF${words}`)).text).toBe(words);
  });

  it('decodes a Mac Roman file whole, long or short: accents between long plain stretches and in the last byte', () => {
    const plain = 'Ensure accountability for torture, ';
    const map: Record<string, number> = { è: 0x8f, é: 0x8e, ô: 0x99, '’': 0xd5 };
    for (const words of [`${plain.repeat(700)}Hissène Habré ${plain.repeat(300)}Côte d’Ivoire`, `Côte d’Ivoire ${plain.repeat(900)}`, 'Habré', 'Tomé Habré']) {
      const mac = Uint8Array.from([...words].map((ch) => map[ch] ?? ch.charCodeAt(0)));
      const { text, encoding } = decodeBytes(mac);
      expect(encoding).toBe('macintosh');
      expect(text).toBe(words);
    }
  });
});

describe('layout detection and refusals', () => {
  it('recognises the layouts by their labels, in any column order and case', () => {
    expect(detectLayout(['To', 'To-Rgrp', 'To-Org', 'Text', 'From', 'From-Rgrp', 'From-Org', 'Response', 'Action', 'Issue', 'Session'])?.layout.id).toBe('upr-info');
    expect(detectLayout(['session', 'text', 'to', 'from', 'response', 'action', 'issue'])?.layout.id).toBe('upr-info');
    expect(detectLayout(['Title', 'Date added', 'Template', 'State under Review', 'Recommending State', 'Response', 'Action Category', 'Issues', 'Session'])?.layout.id).toBe('upr-info-db');
    expect(detectLayout(['Text', 'Countries Concerned', 'Reccomending Body', 'Document Symbol', 'UPR Reccomending States', 'UPR Position', 'UPR Session'])?.layout.id).toBe('uhri');
    expect(detectLayout(['Text', 'Countries Concerned', 'Recommending Body', 'Type', 'OHCHR Annotation Id'])?.layout.id).toBe('uhri');
    expect(detectLayout(['AnnotationId', 'AnnotationType', 'Body', 'Countries', 'Text', 'UprRecommendingCountry', 'UprSession'])?.layout.id).toBe('uhri');
    expect(detectLayout(['Name', 'Email', 'Phone'])).toBeUndefined();
  });

  it('refuses an empty file, an image and a Word document at once', () => {
    expect(() => refuseNonText(new Uint8Array(0), 'empty.csv')).toThrow(/“empty.csv” is empty\. Expected an export of UPR recommendations/);
    expect(() => refuseNonText(enc.encode('  \r\n '), 'blank.csv')).toThrow(/is empty/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => refuseNonText(png, 'photo.png')).toThrow(/is a PNG image, not an export of recommendations/);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
    expect(() => refuseNonText(zip, 'notes.docx')).toThrow(/zipped file that is not an Excel workbook/);
    expect(() => refuseNonText(enc.encode('To,Text\rA,B'), 'ok.csv')).not.toThrow();
  });
});

describe('row validation', () => {
  const header = ['To', 'Text', 'From', 'Response', 'Action', 'Issue', 'Session'];

  it('keeps good rows and reports each bad one with its line and reason', async () => {
    const csv = [
      header.join(','),
      'Chad,"Ratify the Rome Statute, and ""cooperate"" with the ICC",France,Accepted,5,"Justice,Impunity",3',
      'Chad,,France,Accepted,5,Justice,3',
      'Chad,Abolish the death penalty,Italy,Maybe,5,Death penalty,3',
      'Chad,Consider ratifying CAT,Spain,Noted,9,Torture,3',
      'Chad,Consider ratifying CAT,Spain,Noted,3,Torture,',
      'Chad,"Investigate',
      'all killings",Mexico,Supported,5,Extrajudicial executions,17',
    ].join('\r');
    const { rows, refused } = await parseAll(enc.encode(csv));
    expect(rows.map((r) => r.text)).toEqual(['Ratify the Rome Statute, and "cooperate" with the ICC', 'Investigate all killings']);
    expect(rows[0]!.issues).toEqual(['Justice', 'Impunity']);
    expect(rows[1]).toMatchObject({ session: 17, cycle: 2, response: 'supported' });
    expect(refused).toEqual([
      { line: 3, reason: 'the recommendation text (Text) is empty' },
      { line: 4, reason: 'the response “Maybe” is not Accepted, Supported, Noted, Rejected or Pending' },
      { line: 5, reason: 'the action category “9” is not a number from 1 to 5' },
      { line: 6, reason: 'the session (Session) is empty' },
    ]);
  });

  it('reads a UHRI export', async () => {
    const csv = [
      'Text,Countries Concerned,Recommending Body,Document Symbol,Themes,Affected Persons,SDGs,UPR Recommending States,UPR Position,UPR Session',
      '"Adopt a law criminalizing genocide and crimes against humanity",Côte d\'Ivoire,UPR,A/HRC/43/11,"Genocide; Crimes against humanity",General,16,Armenia,Supported,33',
      '"Ensure accountability for enforced disappearances",Syrian Arab Republic,UPR,A/HRC/40/6,Enforced disappearances,,,"Germany",Noted,31',
    ].join('\n');
    const { rows, format, refused } = await parseAll(enc.encode(csv));
    expect(format).toBe('uhri');
    expect(refused).toEqual([]);
    expect(rows[0]).toMatchObject({ sur: "Côte d'Ivoire", surCode: 'CIV', from: 'Armenia', fromCode: 'ARM', response: 'supported', session: 33, cycle: 3, issues: ['Genocide', 'Crimes against humanity'], documentSymbol: 'A/HRC/43/11', source: 'uhri' });
    expect(rows[1]).toMatchObject({ surCode: 'SYR', response: 'noted', cycle: 3 });
  });

  it('maps responses and sessions to what the HRC says today', () => {
    expect(['Accepted', 'Supported', 'supported ', 'Noted', 'Rejected', '', 'Partially accepted'].map(mapResponse)).toEqual([
      'supported', 'supported', 'supported', 'noted', 'noted', 'pending', 'partially supported',
    ]);
    expect([1, 12, 13, 26, 27, 40, 41, 47].map(cycleOfSession)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });
});
