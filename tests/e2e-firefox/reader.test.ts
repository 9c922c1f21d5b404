/**
 * The PDF reader in Firefox, as the Chromium suite tests it (tests/e2e/reader.test.ts): a PDF
 * written from the real UPR reports opens from a file and from its web address (a UN documents
 * address, served by the test's proxy); its pages are drawn with a text layer, its concepts are
 * marked on the right pages, the card opens under the pointer, find and the concept list take the
 * reader to the page, a clip keeps its page number, a document reopens where the reader stopped, a
 * site that does not allow the download is asked for at a click, and broken or image-only files
 * get a plain message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../lib/catalogue/knowledge';
import { OFF_BY_DEFAULT } from '../../lib/settings/highlight-settings';
import { matchBundledConcepts } from '../../lib/concepts/bundled';
import { damagedPdf, imageOnlyPdf, reportPdf, type ReportPdf } from '../fixtures/report-pdf';
import { pendingClipsInPage } from '../support/pending-clips';
import { launchFirefox, noFirefox, SHOTS_DIR, type FirefoxSession } from './harness';
import { cardText, clickCardButton } from './card-reader';
import { byRole, click, labelled, statusSays, valueOf } from './ui';

const PDF_URL = 'http://documents.un.org/doc/A-HRC-28-17.pdf';
const squash = (s: string) => s.replace(/\s+/g, '');

const rendered = (page: Page, n: number) => page.waitForSelector(`.pdf-page[data-page-number="${n}"][data-rendered]`);
/** Some page drawn: a document opened before reopens where the reader stopped, not on page 1. */
const anyRendered = (page: Page) => page.waitForSelector('.pdf-page[data-rendered]');

async function goToPage(page: Page, n: number) {
  await (await labelled(page, 'Page number')).evaluate((e) => e.select());
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await rendered(page, n);
}

const textOf = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '').catch(() => '');

/** Evidence clips waiting to be filed, read from the extension's database. */
const pendingClips = (page: Page) => page.evaluate(pendingClipsInPage);

/** Concept marks painted now, with the page each is on. */
const paintedOnPage = (page: Page, n: number) =>
  page.evaluate((n) => {
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('r2p-') || name.startsWith('r2p-find') || name === 'r2p-current') continue;
      for (const r of h as unknown as Set<Range>) {
        const el = r.startContainer.isConnected && r.startContainer.parentElement?.closest<HTMLElement>('[data-page-number]');
        if (el && Number(el.dataset.pageNumber) === n) out.push(`${name.slice(4)}:${r.toString().replace(/\s+/g, '').toLowerCase()}`);
      }
    }
    return out.sort();
  }, n);

describe.skipIf(noFirefox)('PDF reader (Firefox, built extension)', () => {
  let s: FirefoxSession;
  let pdf: ReportPdf;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'r2p-lens-pdf-'));
    // Optional permissions granted without a prompt (browser UI BiDi cannot answer), as a user who
    // clicks Allow: the site-access test asks for one site.
    [s, pdf] = await Promise.all([launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } }), reportPdf(8)]);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a local file: text and concepts on the right pages, the card under the pointer, find and the concept list go to the page', async () => {
    const file = join(dir, 'kenya-wg-report.pdf');
    writeFileSync(file, pdf.bytes);
    const page = await s.openExtensionPage('reader.html', { width: 1200, height: 900 });
    await (await labelled(page, 'PDF file to open')).uploadFile(file);
    await rendered(page, 1);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(pdf.title);
    expect(await page.evaluate(() => document.body.innerText)).toMatch(/\bof 8\b/);
    // On pages 1 and 2: each page's own text, and the concepts the matcher finds in it (of the
    // categories marked by default) painted on that page.
    const categoryOf = new Map(knowledgeBase().concepts.map((c) => [c.id, c.category]));
    let marked = 0;
    for (const n of [1, 2]) {
      if (n > 1) await goToPage(page, n);
      const layer = squash(await page.$eval(`.pdf-page[data-page-number="${n}"] .textLayer`, (e) => e.textContent ?? ''));
      const lines = pdf.pages[n - 1]!.filter(Boolean);
      expect(layer).toContain(squash(lines[0]!));
      expect(layer).toContain(squash(lines.at(-1)!));
      // Not another page's text.
      expect(layer).not.toContain(squash(pdf.pages[n === 1 ? 2 : 0]!.filter(Boolean)[1]!));
      const text = lines.join('\n');
      const expected = matchBundledConcepts(text)
        .filter((m) => !(OFF_BY_DEFAULT as readonly string[]).includes(categoryOf.get(m.conceptId)!))
        .map((m) => `${categoryOf.get(m.conceptId)}:${squash(text.slice(m.start, m.end)).toLowerCase()}`)
        .sort();
      marked += expected.length;
      await expect.poll(() => paintedOnPage(page, n), { timeout: 15_000 }).toEqual(expected);
    }
    expect(marked).toBeGreaterThan(0);
    await statusSays(page, /mentions of \d+ concepts/);
    await page.screenshot({ path: `${SHOTS_DIR}/firefox-reader.png` });

    // The card, under a real pointer, on a marked term in view.
    const at = await page.evaluate(() => {
      for (const [name, h] of CSS.highlights) {
        if (name === 'r2p-current' || name.startsWith('r2p-find')) continue;
        for (const r of h as unknown as Set<Range>) {
          // The first line of the mark: a mark over two lines has the space between them in its middle.
          const b = r.getClientRects()[0]!;
          if (b.top > 120 && b.bottom < innerHeight - 40 && b.left > 0 && b.right < innerWidth - 300) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
      return null;
    });
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 30, at!.y - 30);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/Open in side panel/);
    // Open in side panel opens Firefox's sidebar from the reader (the extension's own page), even
    // once the reader has closed it.
    type Sidebar = { sidebarAction: { isOpen(o: object): Promise<boolean>; close(): Promise<void> } };
    const sidebarOpen = () => page.evaluate(() => (globalThis as unknown as { browser: Sidebar }).browser.sidebarAction.isOpen({}));
    // A button of the test's own, out of the pages' way (fixed in a corner), clicked with the real pointer.
    const closer = await page.evaluateHandle(() => {
      const b = Object.assign(document.createElement('button'), { textContent: 'Close the sidebar' });
      b.style.cssText = 'position:fixed;right:0;bottom:0;z-index:10';
      b.onclick = () => void (globalThis as unknown as { browser: Sidebar }).browser.sidebarAction.close();
      return document.body.appendChild(b);
    });
    await closer.click();
    await expect.poll(sidebarOpen).toBe(false);
    await page.mouse.move(at!.x - 30, at!.y - 30);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/Open in side panel/);
    await new Promise((r) => setTimeout(r, 1_000)); // the card takes a click once settled
    await clickCardButton(page, 'Open in side panel');
    await expect.poll(sidebarOpen).toBe(true);
    expect(await cardText(page)).not.toMatch(/could not|only from/);

    // Find: a phrase from page 6 takes the reader there.
    const phrase = pdf.pages[5]!.filter((l) => l.length > 40)[0]!.split(' ').slice(0, 5).join(' ');
    const onPages = pdf.pages.map((p, i) => (p.join('\n').replace(/\s+/g, ' ').includes(phrase) ? i + 1 : 0)).filter(Boolean);
    const find = await labelled(page, 'Find in document');
    await find.click();
    await page.keyboard.type(phrase);
    await page.keyboard.press('Enter');
    await expect.poll(() => valueOf(page, 'Page number'), { timeout: 15_000 }).toBe(String(onPages[0]));
    await expect.poll(() => textOf(page, '.reader-find-status')).toMatch(/^1 of \d+/);
    expect(await page.evaluate(() => [...((CSS.highlights.get('r2p-find-current') as unknown as Set<Range>) ?? [])].map((r) => r.toString()))).toHaveLength(1);

    // The concept list: counts for the whole document, and a click goes to a page holding the concept.
    expect(await textOf(page, '.reader-concepts [role=status]')).toMatch(/mentions of \d+ concepts/);
    const listed = [...(await textOf(page, '.reader-concept-pages')).matchAll(/\d+/g)].map((m) => Number(m[0]));
    expect(listed.length).toBeGreaterThan(0);
    await (await page.$('.reader-concept'))!.click();
    await expect.poll(async () => listed.includes(Number(await valueOf(page, 'Page number')))).toBe(true);
    await page.close();
  });

  it('clips a selection with the document title, file name and page number', async () => {
    const file = join(dir, 'kenya-wg-report.pdf');
    writeFileSync(file, pdf.bytes);
    const page = await s.openExtensionPage('reader.html', { width: 1200, height: 900 });
    await (await labelled(page, 'PDF file to open')).uploadFile(file);
    await anyRendered(page);
    await goToPage(page, 4);
    const before = (await pendingClips(page)).length;
    const quote = await page.evaluate(() => {
      const span = [...document.querySelectorAll('.pdf-page[data-page-number="4"] .textLayer span')].find((el) => (el.textContent ?? '').length > 30)!;
      const range = document.createRange();
      range.selectNodeContents(span);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return span.textContent!;
    });
    await click(page, 'Add selection to evidence');
    await expect.poll(() => textOf(page, '.reader-status')).toMatch(/Added to evidence \(page 4\)/);
    const clips = await pendingClips(page);
    expect(clips).toHaveLength(before + 1);
    expect(clips.at(-1)).toMatchObject({ quote: quote.trim().replace(/\s+/g, ' '), title: pdf.title, url: 'kenya-wg-report.pdf', page: 4 });
    await page.close();
  });

  it('opens a PDF from its web address, fetched by the reader alone, and reopens it where the reader stopped', async () => {
    s.proxy.serve(PDF_URL, { contentType: 'application/pdf', headers: { 'access-control-allow-origin': '*' }, body: pdf.bytes });
    s.proxy.reset();
    const page = await s.openExtensionPage(`reader.html?src=${encodeURIComponent(PDF_URL)}`, { width: 1200, height: 900 });
    await rendered(page, 1);
    await statusSays(page, /mentions of \d+ concepts/);
    expect(s.proxy.seen().filter((r) => r.url === PDF_URL)).toHaveLength(1);
    // It reopens where the reader stopped (the position is saved once scrolling rests).
    await goToPage(page, 6);
    await new Promise((r) => setTimeout(r, 900));
    await page.close();
    const again = await s.openExtensionPage(`reader.html?src=${encodeURIComponent(PDF_URL)}`, { width: 1200, height: 900 });
    await rendered(again, 6);
    await expect.poll(() => valueOf(again, 'Page number')).toBe('6');
    await again.close();
    // And the start page lists it.
    const start = await s.openExtensionPage('reader.html');
    expect(await (await byRole(start, 'link', pdf.title)).evaluate((a) => a.getAttribute('href'))).toContain(encodeURIComponent(PDF_URL));
    await start.close();
  });

  it('asks for a site that does not allow the download, opens the PDF once allowed, and refuses addresses that are not web addresses', async () => {
    // A site R2P Lens has no access to, serving the PDF without a CORS header.
    const url = 'http://reports.example.org/kenya/report.pdf';
    s.proxy.serve(url, { contentType: 'application/pdf', body: pdf.bytes });
    const page = await s.openExtensionPage(`reader.html?src=${encodeURIComponent(url)}`, { width: 1200, height: 900 });
    await byRole(page, 'alert', /must download it from reports\.example\.org/);
    await click(page, 'Allow access to reports.example.org and open');
    await rendered(page, 1);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(pdf.title);
    await page.close();

    const bad = await s.openExtensionPage(`reader.html?src=${encodeURIComponent('javascript:alert(1)')}`);
    await expect.poll(() => textOf(bad, '.reader-problem')).toMatch(/only web addresses/);
    await bad.close();
  });

  it('gives a plain message for a damaged file and for a PDF with no text layer, and keeps working', async () => {
    const page = await s.openExtensionPage('reader.html', { width: 1200, height: 900 });
    const open = async (name: string, bytes: Uint8Array) => {
      writeFileSync(join(dir, name), bytes);
      await (await labelled(page, 'PDF file to open')).uploadFile(join(dir, name));
    };
    await open('broken.pdf', damagedPdf());
    await expect.poll(() => textOf(page, '.reader-problem')).toMatch(/damaged or is not a valid PDF/);
    await open('scan.pdf', await imageOnlyPdf(3));
    await rendered(page, 1);
    await expect.poll(() => textOf(page, '.reader-notice')).toMatch(/This PDF has no text layer/);
    await page.screenshot({ path: `${SHOTS_DIR}/firefox-reader-scan.png` });
    // The reader still opens a good file afterwards.
    await open('kenya-wg-report.pdf', pdf.bytes);
    await anyRendered(page);
    await expect.poll(async () => (await page.$$('.reader-notice')).length).toBe(0);
    await page.close();
  });
});
