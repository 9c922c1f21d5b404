import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type R2PDatabase } from '../../lib/db/database';
import { forgetDocument, recentDocuments, rememberOpened, saveReadingPosition } from '../../lib/reader/documents';
import { findInPages } from '../../lib/reader/find';
import { layerText, rangesFor } from '../../lib/reader/find-paint';
import { findInText } from '../../lib/reader/find';
import { pageOfNode } from '../../lib/reader/highlight-pages';

describe('recently opened documents and reading position', () => {
  let db: R2PDatabase;
  beforeEach(() => {
    db = openDatabase(`reader-test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('lists the most recently opened first, once each, and reopens where the reader stopped', async () => {
    const report = { kind: 'url' as const, url: 'https://documents.un.org/a-hrc-15-7.pdf' };
    const local = { kind: 'file' as const, name: 'compilation.pdf', size: 52_000 };
    await rememberOpened(db, report, { title: 'Kenya WG report', pageCount: 24 }, 1_000);
    await rememberOpened(db, local, { title: 'UN compilation', pageCount: 12 }, 2_000);
    await saveReadingPosition(db, report, 17);
    expect((await recentDocuments(db)).map((r) => r.title)).toEqual(['UN compilation', 'Kenya WG report']);

    const again = await rememberOpened(db, report, { title: 'Kenya WG report', pageCount: 24 }, 3_000);
    expect(again.lastPage).toBe(17);
    const rows = await recentDocuments(db);
    expect(rows.map((r) => r.title)).toEqual(['Kenya WG report', 'UN compilation']);
    expect(rows[1]).toMatchObject({ fileName: 'compilation.pdf', id: 'file:compilation.pdf:52000', lastPage: 1 });

    // A file that shrank (a new version) cannot reopen past its end.
    await saveReadingPosition(db, local, 11);
    expect((await rememberOpened(db, local, { title: 'UN compilation', pageCount: 5 }, 4_000)).lastPage).toBe(5);
    await forgetDocument(db, 'file:compilation.pdf:52000');
    expect((await recentDocuments(db)).map((r) => r.title)).toEqual(['Kenya WG report']);
  });

  it('keeps a bounded list', async () => {
    for (let i = 0; i < 20; i++) await rememberOpened(db, { kind: 'url', url: `https://x.org/${i}.pdf` }, { title: `doc ${i}`, pageCount: 1 }, i);
    const rows = await recentDocuments(db, 5);
    expect(rows.map((r) => r.title)).toEqual(['doc 19', 'doc 18', 'doc 17', 'doc 16', 'doc 15']);
  });
});

describe('find hits on a drawn text layer', () => {
  it('paints the same hits in the layer as were counted in the extracted text, with the page known', () => {
    // What pdf.js TextLayer builds: one span per text item, a <br> after an item that ends a line.
    document.body.innerHTML = `<div class="pdf-page" data-page-number="7"><div class="textLayer"><span>The Rome Statute of the</span><br><span>International Criminal</span><br><span>Court; the rome statute.</span></div></div>`;
    const layer = document.querySelector('.textLayer')!;
    const extracted = 'The Rome Statute of the\nInternational Criminal\nCourt; the rome statute.';
    const read = layerText(layer);
    expect(read.text).toBe(extracted);
    expect(findInPages([extracted], 'rome statute')).toHaveLength(2);
    const ranges = rangesFor(read, findInText(read.text, 'criminal court'), document);
    // Across the line break: from "Criminal" at the end of one line to "Court" at the start of the next.
    const spans = layer.querySelectorAll('span');
    expect(ranges).toHaveLength(1);
    expect([ranges[0]!.startContainer, ranges[0]!.endContainer]).toEqual([spans[1]!.firstChild, spans[2]!.firstChild]);
    expect(ranges[0]!.toString()).toBe('CriminalCourt');
    expect(rangesFor(read, findInText(read.text, 'rome statute'), document).map((r) => r.toString())).toEqual(['Rome Statute', 'rome statute']);
    expect(pageOfNode(layer.querySelector('span')!.firstChild)).toBe(7);
    expect(pageOfNode(document.body)).toBeUndefined();
  });
});
