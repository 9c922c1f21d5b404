import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchBundledConcepts } from '../../lib/concepts/bundled';
import { ConceptIndex, nextPageWith } from '../../lib/reader/concept-pages';
import { classifyPdfError, ReaderError } from '../../lib/reader/errors';
import { fetchPdf, readLocalPdf } from '../../lib/reader/fetch-pdf';
import { findInPages, findInText, firstHitFrom } from '../../lib/reader/find';
import { pageTextOf } from '../../lib/reader/page-text';
import { documentId, looksLikePdfUrl, readerUrlFor, sourceFromReaderUrl } from '../../lib/reader/source';
import { REPORTS_DIR } from '../fixtures/report-pdf';

const kenya = readFileSync(join(REPORTS_DIR, 'kenya2010.txt'), 'utf8');

describe('find in document', () => {
  it('finds a phrase whatever the case, accents and line breaks of the PDF, at the right offsets', () => {
    const text = 'The Commission on\nHuman  Rights and the COMMISSION ON HUMAN RIGHTS; Côte d’Ivoire';
    const hits = findInText(text, 'commission on human rights');
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Commission on\nHuman  Rights', 'COMMISSION ON HUMAN RIGHTS']);
    expect(findInText(text, "cote d'ivoire").map((h) => text.slice(h.start, h.end))).toEqual(['Côte d’Ivoire']);
    expect(findInText(text, '   ')).toEqual([]);
  });

  it('counts every occurrence in a real report, page by page, and starts from the page being read', () => {
    const paragraphs = kenya.split(/\n\s*\n/);
    const pages = [paragraphs.slice(0, 40).join('\n'), paragraphs.slice(40, 80).join('\n'), paragraphs.slice(80).join('\n')];
    const hits = findInPages(pages, 'Kenya');
    const expected = pages.map((p) => p.match(/kenya/gi)?.length ?? 0);
    expect(expected.every((n) => n > 0)).toBe(true);
    expect([1, 2, 3].map((n) => hits.filter((h) => h.page === n).length)).toEqual(expected);
    expect(hits[firstHitFrom(hits, 2)]!.page).toBe(2);
    expect(firstHitFrom(hits.filter((h) => h.page === 1), 3)).toBe(0);
    expect(firstHitFrom([], 1)).toBe(-1);
    // Pages not extracted yet are skipped, not failed.
    expect(findInPages([undefined, pages[1]], 'Kenya').every((h) => h.page === 2)).toBe(true);
  });

  it('reads a page as its text layer renders it: a line break where a line ends', () => {
    expect(pageTextOf({ items: [{ str: 'crimes against', hasEOL: true }, { type: 'beginMarkedContent' }, { str: 'humanity', hasEOL: false }] })).toBe(
      'crimes against\nhumanity',
    );
  });
});

describe('concepts per page', () => {
  it('counts concepts on each page of a real report and goes to the next page holding one', () => {
    const index = new ConceptIndex(matchBundledConcepts);
    const paragraphs = kenya.split(/\n\s*\n/);
    index.addPage(2, paragraphs.slice(60).join('\n'));
    index.addPage(1, paragraphs.slice(0, 60).join('\n'));
    index.addPage(1, 'genocide genocide'); // a page is counted once
    const list = index.list();
    expect(list.length).toBeGreaterThan(3);
    expect(list[0]!.total).toBeGreaterThanOrEqual(list[1]!.total);
    const total = matchBundledConcepts(kenya.split(/\n\s*\n/).join('\n')).length;
    expect(list.reduce((n, c) => n + c.total, 0)).toBe(total);
    for (const c of list) expect([...c.pages].sort()).toEqual(c.pages);
    expect(nextPageWith([3, 7, 12], 7)).toBe(12);
    expect(nextPageWith([3, 7, 12], 12)).toBe(3);
    expect(nextPageWith([], 1)).toBeUndefined();
  });
});

describe('opening problems in plain words', () => {
  it('names pdf.js failures by kind', () => {
    const named = (name: string, message = '') => Object.assign(new Error(message), { name });
    expect(classifyPdfError(named('PasswordException', 'No password given')).kind).toBe('password');
    expect(classifyPdfError(named('InvalidPDFException', 'Invalid PDF structure.')).kind).toBe('damaged');
    expect(classifyPdfError(named('InvalidPDFException', 'The PDF file is empty, i.e. its size is zero bytes.')).kind).toBe('empty');
    expect(classifyPdfError(named('UnknownErrorException', 'xref table is broken')).kind).toBe('damaged');
    expect(classifyPdfError('something odd').kind).toBe('unknown');
    expect(classifyPdfError(new ReaderError('too-large', 'big')).message).toBe('big');
    for (const kind of ['password', 'damaged', 'unknown'] as const) expect(classifyPdfError(named(kind === 'password' ? 'PasswordException' : 'X')).message).toMatch(/\.$/);
  });

  it('downloads only a PDF, and says what came instead', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%…');
    const ok = await fetchPdf('https://documents.un.org/a.pdf', { granted: true, fetch: async () => new Response(pdf) });
    expect(ok.byteLength).toBe(pdf.byteLength);
    await expect(fetchPdf('https://x.org/a.pdf', { granted: true, fetch: async () => new Response('<html>sign in</html>') })).rejects.toMatchObject({ kind: 'not-pdf' });
    await expect(fetchPdf('https://x.org/a.pdf', { granted: true, fetch: async () => new Response('gone', { status: 404, statusText: 'Not Found' }) })).rejects.toThrow(/404/);
    const refused = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchPdf('https://x.org/a.pdf', { granted: false, fetch: refused })).rejects.toMatchObject({ kind: 'permission' });
    await expect(fetchPdf('https://x.org/a.pdf', { granted: true, fetch: refused })).rejects.toMatchObject({ kind: 'network' });
  });

  it('checks a local file before pdf.js sees it', async () => {
    const file = (name: string, body: string) => Object.assign(new Blob([body]), { name });
    await expect(readLocalPdf(file('empty.pdf', ''))).rejects.toMatchObject({ kind: 'empty' });
    await expect(readLocalPdf(file('notes.pdf', 'hello'))).rejects.toMatchObject({ kind: 'damaged' });
    await expect(readLocalPdf(file('notes.docx', 'PK…'))).rejects.toMatchObject({ kind: 'not-pdf' });
    expect((await readLocalPdf(file('r.pdf', '%PDF-1.4 x'))).byteLength).toBeGreaterThan(0);
  });
});

describe('reader addresses', () => {
  const base = 'chrome-extension://abc/reader.html';
  it('opens web addresses only, and keys documents by address or file', () => {
    const pdf = 'https://documents.un.org/doc/undoc/gen/g10/146/92/pdf/g1014692.pdf?OpenElement';
    expect(sourceFromReaderUrl(readerUrlFor(pdf, base))).toEqual({ kind: 'url', url: pdf });
    expect(sourceFromReaderUrl(base)).toBeUndefined();
    expect(() => sourceFromReaderUrl(readerUrlFor('javascript:alert(1)', base))).toThrow(ReaderError);
    expect(() => sourceFromReaderUrl(readerUrlFor('file:///home/me/r.pdf', base))).toThrow(/Open a PDF file/);
    expect(documentId({ kind: 'file', name: 'r.pdf', size: 10 })).toBe('file:r.pdf:10');
    expect(looksLikePdfUrl('https://x.org/A.PDF?x=1')).toBe(true);
    expect(looksLikePdfUrl('https://x.org/pdf/page.html')).toBe(false);
  });
});
