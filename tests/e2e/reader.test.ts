/**
 * The PDF reader in Chromium with the built extension: a PDF written from the real UPR reports
 * opens from a file and from a web address, its text and concepts are on the right pages, a clip
 * keeps its page number, and broken or image-only files get a plain message.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchBundledConcepts } from '../../lib/concepts/bundled';
import { knowledgeBase } from '../../lib/catalogue/knowledge';
import { OFF_BY_DEFAULT } from '../../lib/settings/highlight-settings';
import { damagedPdf, imageOnlyPdf, reportPdf, type ReportPdf } from '../fixtures/report-pdf';
import { pendingClipsInPage } from '../support/pending-clips';
import { extensionPage, launchWithExtension, noBrowser, type ExtensionSession } from './harness';

const PDF_URL = 'https://documents.example.org/doc/A-HRC-15-7.pdf';
const squash = (s: string) => s.replace(/\s+/g, '');

async function openFile(page: Page, name: string, bytes: Uint8Array) {
  await page.getByTestId('reader-file-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
}

const rendered = (page: Page, n: number) => page.locator(`.pdf-page[data-page-number="${n}"][data-rendered]`).waitFor({ timeout: 20_000 });
/** Some page drawn: a document opened before reopens where the reader stopped, not on page 1. */
const anyRendered = (page: Page) => page.locator('.pdf-page[data-rendered]').first().waitFor({ timeout: 20_000 });

async function goToPage(page: Page, n: number) {
  await page.getByRole('textbox', { name: 'Page number' }).fill(String(n));
  await page.getByRole('textbox', { name: 'Page number' }).press('Enter');
  await rendered(page, n);
}

/** Concept highlights painted now: category and text, with the page each is on. */
function paintedConcepts(page: Page) {
  return page.evaluate(() => {
    const out: { category: string; text: string; page: number }[] = [];
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
      if (!name.startsWith('r2p-') || name.startsWith('r2p-find') || name === 'r2p-current') continue;
      for (const r of h) {
        if (!r.startContainer.isConnected) continue;
        const el = r.startContainer.parentElement?.closest<HTMLElement>('[data-page-number]');
        out.push({ category: name.slice(4), text: r.toString(), page: Number(el?.dataset.pageNumber) });
      }
    }
    return out;
  });
}

/** Evidence clips waiting to be filed, read from the extension's database. */
const pendingClips = (page: Page) => page.evaluate(pendingClipsInPage);

describe.skipIf(noBrowser)('PDF reader (Chromium)', () => {
  let s: ExtensionSession;
  let pdf: ReportPdf;
  beforeAll(async () => {
    [s, pdf] = await Promise.all([launchWithExtension(), reportPdf(12)]);
  });
  afterAll(async () => s?.close());

  it('opens a local file: its text on the right pages, its concepts marked on the right pages, find and the concept list go to the page', async () => {
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(extensionPage(s, 'reader.html'));
    await openFile(page, 'kenya-wg-report.pdf', pdf.bytes);
    await rendered(page, 1);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(pdf.title);
    await expect(page.getByText('of 12', { exact: true }).isVisible()).resolves.toBe(true);

    let markedOnPages = 0;
    for (const n of [1, 3]) {
      if (n > 1) await goToPage(page, n);
      const layer = squash((await page.locator(`.pdf-page[data-page-number="${n}"] .textLayer`).textContent()) ?? '');
      const lines = pdf.pages[n - 1]!.filter(Boolean);
      expect(layer).toContain(squash(lines[0]!));
      expect(layer).toContain(squash(lines.at(-1)!));
      // Not another page's text.
      expect(layer).not.toContain(squash(pdf.pages[n === 1 ? 2 : 0]!.filter(Boolean)[1]!));

      // The concepts the matcher finds in this page's text are the ones painted on this page
      // (those of the categories marked by default).
      const categoryOf = new Map(knowledgeBase().concepts.map((c) => [c.id, c.category]));
      const expected = matchBundledConcepts(lines.join('\n'))
        .filter((m) => !(OFF_BY_DEFAULT as readonly string[]).includes(categoryOf.get(m.conceptId)!))
        .map((m) => `${categoryOf.get(m.conceptId)}:${squash(lines.join('\n').slice(m.start, m.end)).toLowerCase()}`)
        .sort();
      markedOnPages += expected.length;
      await expect
        .poll(async () =>
          (await paintedConcepts(page))
            .filter((h) => h.page === n)
            .map((h) => `${h.category}:${squash(h.text).toLowerCase()}`)
            .sort(),
        )
        .toEqual(expected);
    }
    expect(markedOnPages).toBeGreaterThan(0);

    // Find: a phrase from page 9 takes the reader there and marks it.
    const phrase = pdf.pages[8]!.filter((l) => l.length > 40)[0]!.split(' ').slice(0, 5).join(' ');
    const onPages = pdf.pages.map((p, i) => (p.join('\n').replace(/\s+/g, ' ').includes(phrase) ? i + 1 : 0)).filter(Boolean);
    await page.getByRole('searchbox', { name: 'Find in document' }).fill(phrase);
    await page.getByRole('searchbox', { name: 'Find in document' }).press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Page number' }).inputValue()).toBe(String(onPages.find((p) => p >= 3) ?? onPages[0]));
    await expect.poll(() => page.locator('.reader-find-status').textContent()).toMatch(/^1 of \d+/);
    await expect
      .poll(() => page.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('r2p-find-current') ?? [])].map((r) => r.toString())))
      .toHaveLength(1);

    // The concept list: counts for the whole document, and a click goes to a page holding the concept.
    await expect.poll(() => page.locator('.reader-concepts [role=status]').textContent()).toMatch(/mentions of \d+ concepts/);
    const first = page.locator('.reader-concept').first();
    const pagesText = (await page.locator('.reader-concept-pages').first().textContent()) ?? '';
    const listed = [...pagesText.matchAll(/\d+/g)].map((m) => Number(m[0]));
    await first.click();
    const now = Number(await page.getByRole('textbox', { name: 'Page number' }).inputValue());
    expect(listed).toContain(now);
    await page.close();
  });

  it('clips a selection with the document title, file name and page number', async () => {
    const page = await s.context.newPage();
    await page.goto(extensionPage(s, 'reader.html'));
    await openFile(page, 'kenya-wg-report.pdf', pdf.bytes);
    await anyRendered(page);
    await goToPage(page, 4);
    const quote = await page.evaluate(() => {
      const spans = document.querySelectorAll('.pdf-page[data-page-number="4"] .textLayer span');
      const span = [...spans].find((el) => (el.textContent ?? '').length > 30)!;
      const range = document.createRange();
      range.selectNodeContents(span);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return span.textContent!;
    });
    await page.getByRole('button', { name: 'Add selection to evidence' }).click();
    await expect.poll(() => page.locator('.reader-status').textContent()).toMatch(/Added to evidence \(page 4\)/);
    const clips = await pendingClips(page);
    expect(clips).toHaveLength(1);
    expect(clips[0]).toMatchObject({ quote: quote.trim().replace(/\s+/g, ' '), title: pdf.title, url: 'kenya-wg-report.pdf', page: 4 });
    await page.close();
  });

  it('opens a PDF from its web address, and reopens it where the reader stopped', async () => {
    let requests = 0;
    await s.context.route(PDF_URL, (route) => {
      requests++;
      return route.fulfill({ status: 200, contentType: 'application/pdf', headers: { 'access-control-allow-origin': '*' }, body: Buffer.from(pdf.bytes) });
    });
    const page = await s.context.newPage();
    const url = `${extensionPage(s, 'reader.html')}?src=${encodeURIComponent(PDF_URL)}`;
    await page.goto(url);
    await rendered(page, 1);
    expect(requests).toBe(1);
    await goToPage(page, 6);
    await page.waitForTimeout(900); // the position is saved once scrolling rests
    await page.close();

    const again = await s.context.newPage();
    await again.goto(url);
    await rendered(again, 6);
    await expect.poll(() => again.getByRole('textbox', { name: 'Page number' }).inputValue()).toBe('6');
    await again.close();

    const start = await s.context.newPage();
    await start.goto(extensionPage(s, 'reader.html'));
    await expect(start.getByRole('link', { name: pdf.title }).getAttribute('href')).resolves.toContain(encodeURIComponent(PDF_URL));
    await start.close();
    await s.context.unroute(PDF_URL);
  });

  it('asks for the site when it does not allow the download, and refuses addresses that are not web addresses', async () => {
    // A real server that sends no CORS header: Playwright's routing would bypass the browser's check.
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf.bytes)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const page = await s.context.newPage();
      await page.goto(`${extensionPage(s, 'reader.html')}?src=${encodeURIComponent(`http://127.0.0.1:${port}/report.pdf`)}`);
      await page.getByRole('button', { name: `Allow access to 127.0.0.1:${port} and open` }).waitFor();
      await page.goto(`${extensionPage(s, 'reader.html')}?src=${encodeURIComponent('javascript:alert(1)')}`);
      await expect.poll(() => page.locator('.reader-problem').textContent()).toMatch(/only web addresses/);
      await page.close();
    } finally {
      server.close();
    }
  });

  it('gives a plain message for a damaged file and for a PDF with no text layer, and keeps working', async () => {
    const page = await s.context.newPage();
    await page.goto(extensionPage(s, 'reader.html'));
    await openFile(page, 'broken.pdf', damagedPdf());
    await expect.poll(() => page.locator('.reader-problem').textContent()).toMatch(/damaged or is not a valid PDF/);

    await openFile(page, 'scan.pdf', await imageOnlyPdf(3));
    await rendered(page, 1);
    await expect.poll(() => page.locator('.reader-notice').textContent()).toMatch(/This PDF has no text layer/);

    // The reader still opens a good file afterwards.
    await openFile(page, 'kenya-wg-report.pdf', pdf.bytes);
    await anyRendered(page);
    await expect(page.locator('.reader-notice').count()).resolves.toBe(0);
    await page.close();
  });
});
