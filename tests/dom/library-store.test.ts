import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import { RefusedFile } from '@/lib/import/formats';
import { importExport, type ImportDeps } from '@/lib/import/run-import';
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
    expect(first).toMatchObject({ rowsRead: UPR_INFO_SAMPLE_ROWS, rowsAdded: UPR_INFO_SAMPLE_ROWS, duplicates: 0, refusedCount: 0, format: 'upr-info', encoding: 'macintosh' });
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
    const run = importExport(sample(), deps({ chunkSize: 32 * 1024, signal: controller.signal, onProgress: () => controller.abort() }));
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

  it('hands the page exactly the rows it stored, after the commit, and none when cancelled', async () => {
    const handed: string[][] = [];
    const onCommitted = (rows: readonly { id: string }[]) => handed.push(rows.map((r) => r.id).sort());
    await importExport(small(), deps({ onCommitted }));
    expect(handed).toEqual([(await snapshot()).ids]);
    expect(handed[0]).toHaveLength(2);
    await importExport(small(), deps({ onCommitted }));
    expect(handed[1]).toEqual([]);
    const controller = new AbortController();
    const run = importExport(sample(), deps({ onCommitted, signal: controller.signal, onProgress: () => controller.abort() }));
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(handed).toHaveLength(2);
  });

  it('refuses a file that is not an export, and writes nothing', async () => {
    await expect(importExport({ name: 'notes.csv', bytes: enc.encode('Name,Email\rAda,ada@example.org') }, deps())).rejects.toBeInstanceOf(RefusedFile);
    await expect(importExport({ name: 'x.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2]) }, deps())).rejects.toThrow(/PNG image/);
    expect(await snapshot()).toEqual({ ids: [], imports: 0 });
  });
});

describe('searching the library', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await importExport(sample(), deps());
  });

  it('ranks fuzzy matches, tolerates typos, and counts what matched', async () => {
    const index = await loadLibraryIndex(db);
    const r = index.search('enforced disappearances');
    expect(r.total).toBeGreaterThan(10);
    expect(r.rows).toHaveLength(r.total);
    expect(r.rows.slice(0, 10).every((x) => /enforced disappearance/i.test(x.text))).toBe(true);
    const typo = index.search('enforced dissapearances');
    expect(typo.rows.slice(0, 5).every((x) => /enforced disappearance/i.test(x.text))).toBe(true);
    expect(index.search('Hissène Habré').rows[0]!.text).toMatch(/Hissène Habré/);
    expect(index.search('hissene habre').rows[0]!.text).toMatch(/Hissène Habré/);
    expect(index.search('zzqxv').total).toBe(0);
  });

  it('narrows by SuR, recommending State, session range, category, response, issue and relevance', async () => {
    const index = await loadLibraryIndex(db);
    const all = index.search('torture');
    const sur = all.rows[0]!.sur;
    const one = index.search('torture', { sur });
    expect(one.total).toBeGreaterThan(0);
    expect(one.total).toBeLessThan(all.total);
    expect(one.rows.every((r) => r.sur === sur)).toBe(true);

    const f = { from: 'Canada', sessionFrom: 2, sessionTo: 4, action: 5, response: 'supported', issue: 'Torture and other CID treatment', relevantOnly: true };
    const narrow = index.search('', f);
    expect(narrow.total).toBeGreaterThan(0);
    for (const r of narrow.rows) {
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

  it('draws per-session figures for one State under Review', async () => {
    const index = await loadLibraryIndex(db);
    const bars = index.sessionBars('Chad');
    const rows = await rowsForSur(db, ['Chad']);
    expect(bars.reduce((s, b) => s + b.received, 0)).toBe(rows.length);
    const b = bars[0]!;
    const inSession = rows.filter((r) => r.session === b.session);
    expect(b.relevant).toBe(inSession.filter((r) => r.relevant).length);
    expect(b.shareSupported).toBeCloseTo(inSession.filter((r) => r.response === 'supported').length / inSession.length);
  });

  it('exports the filtered list as CSV that reads back with accents intact', async () => {
    const index = await loadLibraryIndex(db);
    const csv = libraryCsv(index.search('Habré').rows);
    expect(csv.startsWith('\uFEFFState under Review,SuR code,Recommending State')).toBe(true);
    expect(csv).toContain('Hissène Habré');
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('lists previous recommendations to a State by its ISO code, whatever the export called it', async () => {
    const rows = await previousRecommendations(db, 'MKD');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.sur === 'Macedonia FYR')).toBe(true);
    expect(await previousRecommendations(db, 'NOR')).toEqual([]);
  });
});
