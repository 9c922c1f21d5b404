/**
 * The PDF reader in Firefox: a PDF written from the real UPR reports opens from a file and from
 * its web address (a UN documents address, served by the test's proxy); its pages are drawn with
 * a text layer, its concepts are marked on the right pages, the card opens under the pointer, and
 * find takes the reader to the page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../lib/catalogue/knowledge';
import { OFF_BY_DEFAULT } from '../../lib/settings/highlight-settings';
import { matchBundledConcepts } from '../../lib/concepts/bundled';
import { reportPdf, type ReportPdf } from '../fixtures/report-pdf';
import { launchFirefox, noFirefox, SHOTS_DIR, type FirefoxSession } from './harness';
import { cardText } from './card-reader';
import { labelled, statusSays, valueOf } from './ui';

const PDF_URL = 'http://documents.un.org/doc/A-HRC-28-17.pdf';
const squash = (s: string) => s.replace(/\s+/g, '');

const rendered = (page: Page, n: number) => page.waitForSelector(`.pdf-page[data-page-number="${n}"][data-rendered]`, { timeout: 30_000 });

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
    [s, pdf] = await Promise.all([launchFirefox(), reportPdf(8)]);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a local file: text and concepts on the right pages, the card under the pointer, find goes to the page', async () => {
    const file = join(dir, 'kenya-wg-report.pdf');
    writeFileSync(file, pdf.bytes);
    const page = await s.openExtensionPage('reader.html', { width: 1200, height: 900 });
    await (await labelled(page, 'PDF file to open')).uploadFile(file);
    await rendered(page, 1);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(pdf.title);
    // On pages 1 and 2: each page's own text, and the concepts the matcher finds in it (of the
    // categories marked by default) painted on that page.
    const categoryOf = new Map(knowledgeBase().concepts.map((c) => [c.id, c.category]));
    let marked = 0;
    for (const n of [1, 2]) {
      if (n > 1) {
        await (await labelled(page, 'Page number')).evaluate((e) => e.select());
        await page.keyboard.type(String(n));
        await page.keyboard.press('Enter');
        await rendered(page, n);
      }
      const layer = squash(await page.$eval(`.pdf-page[data-page-number="${n}"] .textLayer`, (e) => e.textContent ?? ''));
      const lines = pdf.pages[n - 1]!.filter(Boolean);
      expect(layer).toContain(squash(lines[0]!));
      expect(layer).toContain(squash(lines.at(-1)!));
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

    // Find: a phrase from page 6 takes the reader there.
    const phrase = pdf.pages[5]!.filter((l) => l.length > 40)[0]!.split(' ').slice(0, 5).join(' ');
    const onPages = pdf.pages.map((p, i) => (p.join('\n').replace(/\s+/g, ' ').includes(phrase) ? i + 1 : 0)).filter(Boolean);
    const find = await labelled(page, 'Find in document');
    await find.click();
    await page.keyboard.type(phrase);
    await page.keyboard.press('Enter');
    await expect.poll(() => valueOf(page, 'Page number'), { timeout: 15_000 }).toBe(String(onPages[0]));
    await page.close();
  });

  it('opens a PDF from its web address, fetched by the reader alone', async () => {
    s.proxy.serve(PDF_URL, { contentType: 'application/pdf', headers: { 'access-control-allow-origin': '*' }, body: pdf.bytes });
    s.proxy.reset();
    const page = await s.openExtensionPage(`reader.html?src=${encodeURIComponent(PDF_URL)}`, { width: 1200, height: 900 });
    await rendered(page, 1);
    await statusSays(page, /mentions of \d+ concepts/);
    expect(s.proxy.seen().filter((r) => r.url === PDF_URL)).toHaveLength(1);
    await page.close();
  });
});
