import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import { RefusedFile } from '@/lib/import/formats';
import { importExport, importFiles, type ImportDeps } from '@/lib/import/run-import';
import { fileFromBytes } from '@/lib/import/sources';
import { tagBatch, type TaggedBatch } from '@/lib/import/tag-batch';
import type { LibraryResult } from '@/lib/library/search-index';
import { resolve } from 'node:path';
import { stateLookup } from '@/lib/import/state-names';
import { bundledTagger } from '@/lib/library/bundled-tagger';
import { libraryCsv } from '@/lib/library/export-csv';
import { loadLibraryIndex } from '@/lib/library/load';
import { previousRecommendations } from '@/lib/library/previous';
import { allRows, rowsForSur } from '@/lib/library/store';
import { UPR_INFO_SAMPLE as SAMPLE, UPR_INFO_SAMPLE_ROWS } from '../fixtures/upr-info-sample';

const sample = () => ({ bytes: new Uint8Array(readFileSync(SAMPLE)), name: 'sessions-1-5-sample.csv' });
const enc = new TextEncoder();
const small = () => ({
  name: 'small.csv',
  bytes: enc.encode(
    [
      'To,Text,From,Response,Action,Issue,Session',
      'Myanmar,Investigate allegations of genocide against the Rohingya and bring perpetrators to justice,Gambia,Noted,5,Minorities,37',
      'Myanmar,Ensure unhindered humanitarian access to Rakhine State,Canada,Supported,4,IDPs,37',
    ].join('\r\n'),
  ),
});

let db: R2PDatabase;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`library-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const deps = (extra: Partial<ImportDeps> = {}): ImportDeps => ({
  db,
  tag: bundledTagger(),
  lookup: stateLookup(knowledgeBase().states),
  ...extra,
});

async function snapshot() {
  return {
    ids: (await allRows(db)).map((r) => r.id).sort(),
    imports: await db.imports.count(),
  };
}

// Importing the sample's 1,229 rows into fake-indexeddb takes seconds on a busy two-core machine.
describe('importing into the library', { timeout: 60_000 }, () => {
  it('stores the sample\'s rows tagged with concepts, and a second import of the same file adds nothing', async () => {
    const first = await importExport(sample(), deps());
    expect(first).toMatchObject({ rowsRead: UPR_INFO_SAMPLE_ROWS, rowsAdded: UPR_INFO_SAMPLE_ROWS, duplicates: 0, refusedCount: 0 });
    expect(first.files).toEqual([expect.objectContaining({ layout: 'UPR Info (older export)', kind: 'csv', encoding: 'macintosh' })]);
    expect(await allRows(db)).toHaveLength(UPR_INFO_SAMPLE_ROWS);

    const stored = await allRows(db);
    const habre = stored.find((r) => r.text.includes('Hissène Habré'));
    expect(habre).toMatchObject({ sur: 'Senegal', surCode: 'SEN', session: 4, response: 'noted' });
    // "Convention against Torture" is tagged as the treaty (OP-CAT, CAT), not as the crime.
    const torture = (await rowsForSur(db, ['Afghanistan'])).find((r) => /\btorture\b/i.test(r.text) && !/against torture/i.test(r.text));
    expect(torture!.concepts).toContain('torture');
    expect(torture!.riskFactors.length).toBeGreaterThan(0);
    expect(torture!.relevant).toBe(1);
    const relevant = stored.filter((r) => r.relevant === 1).length;
    expect(relevant).toBeGreaterThan(60);
    expect(relevant).toBeLessThan(UPR_INFO_SAMPLE_ROWS / 2);

    const again = await importExport(sample(), deps());
    expect(again).toMatchObject({ rowsAdded: 0, duplicates: UPR_INFO_SAMPLE_ROWS });
    expect(await allRows(db)).toHaveLength(UPR_INFO_SAMPLE_ROWS);
    expect(await db.imports.count()).toBe(2);
  });

  it('leaves the library exactly as before when cancelled halfway through saving', async () => {
    await importExport(small(), deps());
    const before = await snapshot();
    const controller = new AbortController();
    let savedWhenCancelled = 0;
    const run = importExport(
      sample(),
      deps({
        batchSize: 100,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.rowsStored >= 600 && !controller.signal.aborted) {
            savedWhenCancelled = p.rowsStored;
            controller.abort();
          }
        },
      }),
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(savedWhenCancelled).toBeGreaterThanOrEqual(600);
    expect(savedWhenCancelled).toBeLessThan(UPR_INFO_SAMPLE_ROWS);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves the library as before when cancelled while reading', async () => {
    await importExport(small(), deps());
    const before = await snapshot();
    const controller = new AbortController();
    const run = importExport(sample(), deps({ signal: controller.signal, onProgress: () => controller.abort() }));
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot()).toEqual(before);
  });

  it('rolls back a write that fails midway (a crash) instead of keeping half', async () => {
    const before = await snapshot();
    const run = importExport(
      sample(),
      deps({
        batchSize: 200,
        onProgress: (p) => {
          if (p.rowsStored >= 400) throw new Error('worker died');
        },
      }),
    );
    await expect(run).rejects.toThrow('worker died');
    expect(await snapshot()).toEqual(before);
  });

  it('stores the search index with the rows, so a panel reopening finds what the import added', async () => {
    await importExport(small(), deps());
    let lib = await loadLibraryIndex(db);
    expect(lib.index.size).toBe(2);
    await importExport(sample(), deps());
    lib = await loadLibraryIndex(db);
    expect(lib.index.size).toBe(UPR_INFO_SAMPLE_ROWS + 2);
    const genocide = lib.index.search('genocide Rohingya');
    expect(genocide.total).toBe(1);
    expect((await lib.rows.rows([...genocide.positions]))[0]!.text).toMatch(/genocide against the Rohingya/);
    // A cancelled import leaves the stored index as it was.
    const controller = new AbortController();
    await expect(importExport({ name: 'more.csv', bytes: enc.encode('To,Text,From,Response,Action,Issue,Session\rChad,Protect journalists,Peru,Noted,4,Media,12') }, deps({ signal: controller.signal, onProgress: () => controller.abort() }))).rejects.toMatchObject({ name: 'AbortError' });
    expect((await loadLibraryIndex(db)).index.size).toBe(UPR_INFO_SAMPLE_ROWS + 2);
  });

  it('tags in helper threads: the transaction outlives a wait on them, and the rows and index are the same as tagged here', async () => {
    const here = await importExport(small(), deps());
    const rowsHere = await allRows(db);
    await db.delete();
    db = openDatabase(`library-test-${++n}`);
    // A helper that answers a timer later: no IndexedDB request is pending meanwhile.
    const helper = (texts: string[]) => new Promise<TaggedBatch>((r) => setTimeout(() => r(tagBatch(texts, bundledTagger())), 20));
    const there = await importExport(small(), deps({ tagBatch: helper }));
    expect(there.rowsAdded).toBe(here.rowsAdded);
    const rowsThere = await allRows(db);
    expect(rowsThere.map(({ importId: _, ...r }) => r)).toEqual(rowsHere.map(({ importId: _, ...r }) => r));
    const lib = await loadLibraryIndex(db);
    expect(lib.index.search('genocide').total).toBe(1);
    await importExport(sample(), deps({ tagBatch: helper }));
    expect(await allRows(db)).toHaveLength(UPR_INFO_SAMPLE_ROWS + 2);
  });

  it('refuses a file that is not an export, and writes nothing', async () => {
    // A table no layout knows, with no one to choose its columns, is refused.
    await expect(importExport({ name: 'notes.csv', bytes: enc.encode('Name,Email\rAda,ada@example.org') }, deps())).rejects.toBeInstanceOf(RefusedFile);
    await expect(importExport({ name: 'notes.csv', bytes: enc.encode('Name,Email\rAda,ada@example.org') }, deps({ chooseColumns: async () => null }))).rejects.toThrow(/its columns were not chosen/);
    await expect(importExport({ name: 'x.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2]) }, deps())).rejects.toThrow(/PNG image/);
    expect(await snapshot()).toEqual({ ids: [], imports: 0 });
  });
});

describe('searching the library', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await importExport(sample(), deps());
  });
  const open = async () => {
    const lib = await loadLibraryIndex(db);
    return { index: lib.index, rows: (r: LibraryResult, n = r.total) => lib.rows.rows([...r.positions.subarray(0, n)]) };
  };

  it('ranks matches, tolerates typos, and counts what matched', async () => {
    const { index, rows } = await open();
    const r = index.search('enforced disappearances');
    expect(r.total).toBeGreaterThan(10);
    expect(r.positions).toHaveLength(r.total);
    expect((await rows(r, 10)).every((x) => /enforced disappearance/i.test(x.text))).toBe(true);
    const typo = index.search('enforced dissapearances');
    expect((await rows(typo, 5)).every((x) => /enforced disappearance/i.test(x.text))).toBe(true);
    expect((await rows(index.search('Hissène Habré'), 1))[0]!.text).toMatch(/Hissène Habré/);
    expect((await rows(index.search('hissene habre'), 1))[0]!.text).toMatch(/Hissène Habré/);
    expect(index.search('zzqxv').total).toBe(0);
  });

  it('narrows by SuR, recommending State, session range, category, response, issue and relevance', async () => {
    const { index, rows } = await open();
    const all = index.search('torture');
    const sur = (await rows(all, 1))[0]!.sur;
    const one = index.search('torture', { sur });
    expect(one.total).toBeGreaterThan(0);
    expect(one.total).toBeLessThan(all.total);
    expect((await rows(one)).every((r) => r.sur === sur)).toBe(true);

    const f = { from: 'Canada', sessionFrom: 2, sessionTo: 4, action: 5, response: 'supported', issue: 'Torture and other CID treatment', relevantOnly: true };
    const narrow = index.search('', f);
    expect(narrow.total).toBeGreaterThan(0);
    for (const r of await rows(narrow)) {
      expect(r).toMatchObject({ from: 'Canada', action: 5, response: 'supported', relevant: 1 });
      expect(r.session).toBeGreaterThanOrEqual(2);
      expect(r.session).toBeLessThanOrEqual(4);
      expect(r.issues).toContain('Torture and other CID treatment');
    }
    const expected = (await allRows(db)).filter(
      (r) => r.from === 'Canada' && r.session! >= 2 && r.session! <= 4 && r.action === 5 && r.response === 'supported' && r.issues.includes('Torture and other CID treatment') && r.relevant === 1,
    );
    expect(narrow.total).toBe(expected.length);
  });

  it('lists everything latest session first, then by State under Review', async () => {
    const { index, rows } = await open();
    const list = await rows(index.search(''));
    expect(list).toHaveLength(UPR_INFO_SAMPLE_ROWS);
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1]!, list[i]!];
      expect(a.session! > b.session! || (a.session === b.session && a.sur.localeCompare(b.sur) <= 0)).toBe(true);
    }
  });

  it('draws per-session figures for one State under Review', async () => {
    const { index } = await open();
    const bars = index.sessionBars('Chad');
    const rows = await rowsForSur(db, ['Chad']);
    expect(bars.reduce((s, b) => s + b.received, 0)).toBe(rows.length);
    const b = bars[0]!;
    const inSession = rows.filter((r) => r.session === b.session);
    expect(b.relevant).toBe(inSession.filter((r) => r.relevant).length);
    expect(b.shareSupported).toBeCloseTo(inSession.filter((r) => r.response === 'supported').length / inSession.length);
  });

  it('exports the filtered list as CSV that reads back with accents intact', async () => {
    const { index, rows } = await open();
    const found = index.search('Hissène Habré');
    const csv = libraryCsv(await rows(found));
    expect(csv.startsWith('\uFEFFState under Review,SuR code,Recommending State')).toBe(true);
    expect(csv).toContain('Hissène Habré');
    // The header, a line per row, and the last line end.
    expect(csv.split('\r\n')).toHaveLength(found.total + 2);
  });

  it('lists previous recommendations to a State by its ISO code, whatever the export called it', async () => {
    const rows = await previousRecommendations(db, 'MKD');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.sur === 'Macedonia FYR')).toBe(true);
    expect(await previousRecommendations(db, 'NOR')).toEqual([]);
  });
});

describe('several exports at once, every mechanism', { timeout: 60_000 }, () => {
  const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/library', name))) });
  const asFile = (f: { name: string; bytes: Uint8Array }) => fileFromBytes(f.name, f.bytes);

  it('imports overlapping files as one, counting repeated rows once, and names each bad row by file and line', async () => {
    const summary = await importFiles([asFile(fixture('upr-info-db-a.csv')), asFile(fixture('upr-info-db-b.csv')), asFile(fixture('uhri-search-export.xlsx')), asFile(fixture('uhri-full-sample.json'))], deps());
    // a: 299 good rows; b: 250 rows, 100 of them in a; Excel: 239 good; JSON: 299 good, 40 of them in the Excel file.
    expect(summary.files.map((f) => [f.layout, f.rowsAdded, f.duplicates, f.refusedCount])).toEqual([
      ['UPR Info database', 299, 0, 1],
      ['UPR Info database', 150, 100, 0],
      ['OHCHR Universal Human Rights Index', 239, 0, 1],
      ['OHCHR Universal Human Rights Index', 260, 39, 1],
    ]);
    expect(summary.refused.map((r) => [r.file, r.line, r.record])).toEqual([
      ['upr-info-db-a.csv', 6, undefined],
      ['uhri-search-export.xlsx', 11, undefined],
      ['uhri-full-sample.json', 8, 7],
    ]);
    const lib = await loadLibraryIndex(db);
    expect(lib.index.size).toBe(299 + 150 + 239 + 260);
    expect(lib.index.bodies.map((b) => b.mechanism)).toContain('treaty-body');
    const concerns = lib.index.search('', { kind: 'concern' });
    expect(concerns.total).toBeGreaterThan(0);
    expect((await lib.rows.rows([...concerns.positions])).every((r) => r.kind === 'concern' && r.mechanism !== 'upr')).toBe(true);
    const crc = lib.index.search('', { body: 'CRC' });
    expect((await lib.rows.rows([...crc.positions])).every((r) => r.body === 'CRC' && r.documentSymbol?.startsWith('CRC/C/'))).toBe(true);
    const upr = lib.index.search('', { mechanism: 'upr' });
    expect(upr.total).toBeGreaterThan(449);
    // The same files again add nothing.
    const again = await importFiles([asFile(fixture('uhri-full-sample.json')), asFile(fixture('upr-info-db-b.csv'))], deps());
    expect(again.rowsAdded).toBe(0);
  });

  it('remembers the columns chosen for a header, and asks no more', async () => {
    const questions: string[] = [];
    const chooseColumns = async (q: { header: string[] }) => {
      questions.push(q.header.join(','));
      return { sur: 0, text: 1, from: 2, session: 3, response: 4, issues: 5 };
    };
    const first = await importFiles([asFile(fixture('delegation-table.csv'))], deps({ chooseColumns }));
    expect(first.files[0]).toMatchObject({ layout: 'your column choices', rowsAdded: 24, refusedCount: 1 });
    await importFiles([{ ...asFile(fixture('delegation-table.csv')), name: 'again.csv' }], deps({ chooseColumns }));
    expect(questions).toEqual(['Country,Wording,Made by,Review,Outcome,Topics,Our notes']);
  });

  it('refuses an image among good files plainly, and imports the rest', async () => {
    const summary = await importFiles([fileFromBytes('scan.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2])), asFile(fixture('upr-info-db-b.csv'))], deps());
    expect(summary.files[0]!.refusal).toMatch(/“scan\.png” is a PNG image/);
    expect(summary.rowsAdded).toBe(250);
  });
});
