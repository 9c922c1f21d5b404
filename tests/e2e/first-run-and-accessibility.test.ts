/**
 * First run and accessibility, in Chromium with the built extension: the welcome page opens on
 * install and its demo page is highlighted; the settings page works; axe-core finds no serious or
 * critical violation on any extension page (each side panel tab, popup, settings, welcome,
 * reader) nor in the highlight card on a web page, in light and dark. Takes the README
 * screenshots of the welcome and settings pages.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { reportPdf } from '../fixtures/report-pdf';
import { EXTENSION_DIR, extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';
import { cardText } from './card-reader';

/** The extension APIs as the service worker sees them (only what these tests call). */
declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const REPORT_URL = 'https://www.ohchr.org/en/hr-bodies/upr/accessibility-sample';
const SCHEMES = ['light', 'dark'] as const;

type AxeResult = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };

/** axe-core on the page (or within `selector`): serious and critical violations, as readable lines. */
async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the extension pages' CSP does not block it.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: object): Promise<AxeResult> } }).axe;
    const r = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} [${v.impact}]: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, selector);
}

async function waitForWelcome(s: ExtensionSession): Promise<Page> {
  const isWelcome = (p: Page) => p.url() === extensionPage(s, 'welcome.html');
  for (let i = 0; i < 100; i++) {
    const found = s.context.pages().find(isWelcome);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The welcome page did not open on install.');
}

describe.skipIf(noBrowser)('first run, settings and accessibility (Chromium, built extension)', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension(undefined, { keepWelcome: true });
    mkdirSync(SHOTS_DIR, { recursive: true });
  });
  afterAll(async () => s?.close());

  it('opens the welcome page on install, with the sites, the tour and a demo page that gets highlighted', async () => {
    const welcome = await waitForWelcome(s);
    await welcome.waitForLoadState();
    await expect(welcome.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Welcome to R2P Lens');
    for (const h of ['What it does', 'Where it highlights by itself', 'A one-minute tour', 'Try it']) {
      await expect(welcome.getByRole('heading', { level: 2, name: h }).isVisible()).resolves.toBe(true);
    }
    // The sites are listed and can be changed right here.
    const sites = welcome.getByRole('list', { name: 'Sites highlighted automatically' });
    await expect(sites.getByText('ohchr.org', { exact: true }).isVisible()).resolves.toBe(true);
    await welcome.getByRole('button', { name: 'Remove upr-info.org' }).click();
    await expect.poll(() => sites.getByText('upr-info.org', { exact: true }).count()).toBe(0);
    const stored = await s.worker.evaluate(async () => (await chrome.storage.local.get('highlight:settings'))['highlight:settings']);
    expect((stored as { removedSites: string[] }).removedSites).toContain('upr-info.org');

    const [demo] = await Promise.all([s.context.waitForEvent('page'), welcome.getByRole('link', { name: 'Open the demo page' }).click()]);
    expect(demo.url()).toBe(extensionPage(s, 'demo.html'));
    // What is on screen is painted first, the rest of the page a frame or more later.
    const painted = () =>
      demo.evaluate(() => [...CSS.highlights.entries()].flatMap(([, h]) => [...(h as unknown as Set<Range>)].map((r) => r.toString().toLowerCase())));
    await expect.poll(painted, { timeout: 15_000 }).toEqual(expect.arrayContaining(['hate speech', 'torture', 'war crimes']));
    await demo.close();
  });

  it('the demo page served over http, as `npm start` serves it, loads cleanly: its extension-only script does nothing there', async () => {
    // The same two files scripts/start.mjs serves on 127.0.0.1.
    const files: Record<string, [string, Buffer]> = {
      '/demo.html': ['text/html; charset=utf-8', readFileSync(resolve(EXTENSION_DIR, 'demo.html'))],
      '/demo-highlight.js': ['text/javascript; charset=utf-8', readFileSync(resolve(EXTENSION_DIR, 'demo-highlight.js'))],
    };
    // Like start.mjs, any other path (the favicon) gets the page.
    const server = createServer((req, res) => {
      const [type, body] = files[req.url ?? ''] ?? files['/demo.html']!;
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const page = await s.context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      page.on('pageerror', (e) => void errors.push(e.message));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/demo.html`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Universal Periodic Review: Bosnia and Herzegovina/);
      await page.waitForTimeout(800);
      expect(errors).toEqual([]);
      // Not a site highlighted by itself: nothing until the user asks (toolbar button, Alt+Shift+H).
      expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
      await page.close();
    } finally {
      server.close();
    }
  });

  it('takes the README screenshots of the welcome and settings pages', async () => {
    for (const [path, name] of [['welcome.html', 'welcome'], ['options.html', 'settings']] as const) {
      const page = await s.context.newPage();
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(extensionPage(s, path));
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Highlighting' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
      await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
      await page.close();
    }
  });

  it('the settings page sets the speaking pace, exports everything, and deletes everything only when confirmed', async () => {
    const panel = await s.context.newPage();
    await panel.goto(extensionPage(s, 'sidepanel.html#reviews'));
    await panel.getByLabel('Find a State').fill('Chile');
    await panel.getByRole('button', { name: 'Create review' }).click();
    await panel.getByRole('button', { name: '2 Dialogue', exact: true }).waitFor();

    const options = await s.context.newPage();
    await options.goto(extensionPage(s, 'options.html'));
    await options.getByLabel('Words a minute').fill('110');
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'New statements start at 110' }).count()).toBe(1);

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export everything' }).click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file.tables.reviews).toHaveLength(1);
    expect(file.settings.speakingPace).toBe(110);

    await options.getByRole('button', { name: 'Delete everything…' }).click();
    await expect(options.getByRole('button', { name: 'Export a backup first' }).isVisible()).resolves.toBe(true);
    await expect(options.getByRole('group', { name: /Delete every review/ }).textContent()).resolves.toMatch(/cannot be undone/);
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Everything was deleted' }).count()).toBe(1);
    await expect(options.getByLabel('Words a minute').inputValue()).resolves.toBe('130');
    const left = await options.evaluate(async () => {
      const open = indexedDB.open('r2p-lens');
      const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
      const names = [...db.objectStoreNames];
      const counts = await Promise.all(
        names.map((n) => new Promise<number>((ok) => (db.transaction(n).objectStore(n).count().onsuccess = (e) => ok((e.target as IDBRequest<number>).result)))),
      );
      db.close();
      return counts.reduce((a, b) => a + b, 0);
    });
    expect(left).toBe(0);
    await panel.reload();
    // No review left: the panel offers to start one.
    await panel.getByLabel('Find a State').waitFor();
    await expect(panel.getByRole('button', { name: 'New review' }).count()).resolves.toBe(0);
    await panel.close();
    await options.close();
  });

  for (const scheme of SCHEMES) {
    it(`axe finds no serious or critical violations on any extension page (${scheme})`, async () => {
      const found: Record<string, string[]> = {};
      const page = await s.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 420, height: 800 });

      // The side panel, tab by tab, each with something in it.
      await page.goto(extensionPage(s, 'sidepanel.html#search'));
      await page.getByRole('searchbox').fill('early warning');
      await page.locator('.results .result-card').first().waitFor();
      found['side panel: Search'] = await seriousViolations(page);
      for (const [tab, ready] of [
        ['On this page', 'main'],
        ['Reviews', '.reviews-view'],
        ['Library', 'main'],
      ] as const) {
        await page.getByRole('tab', { name: tab }).click();
        await page.locator(ready).first().waitFor();
        if (tab === 'Reviews') {
          const newReview = page.getByRole('button', { name: 'New review' });
          if (await newReview.count()) await newReview.click();
          await page.getByLabel('Find a State').fill('Kenya');
          await page.getByRole('button', { name: 'Create review' }).click();
          await page.getByRole('button', { name: '2 Dialogue', exact: true }).waitFor();
        }
        await page.waitForTimeout(300);
        found[`side panel: ${tab}`] = await seriousViolations(page);
      }

      await page.goto(extensionPage(s, 'popup.html'));
      await page.getByRole('searchbox').fill('veto');
      await page.locator('.results .result-card').first().waitFor();
      found.popup = await seriousViolations(page);

      await page.setViewportSize({ width: 1000, height: 800 });
      for (const path of ['options.html', 'welcome.html']) {
        await page.goto(extensionPage(s, path));
        await page.getByRole('heading', { name: 'Highlighting' }).waitFor();
        found[path] = await seriousViolations(page);
      }
      await page.goto(extensionPage(s, 'options.html'));
      await page.getByRole('button', { name: 'Delete everything…' }).click();
      found['options.html, asking before delete'] = await seriousViolations(page);

      await page.goto(extensionPage(s, 'reader.html'));
      await page.getByTestId('reader-file-input').waitFor({ state: 'attached' });
      found['reader, empty'] = await seriousViolations(page);
      const pdf = await reportPdf(3);
      await page.getByTestId('reader-file-input').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf.bytes) });
      await page.locator('.pdf-page[data-rendered]').first().waitFor({ timeout: 20_000 });
      found['reader, with a document'] = await seriousViolations(page);
      await page.close();

      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    });
  }

  it('axe finds no serious or critical violations in the highlight card on a web page (light and dark)', async () => {
    const html = reportPageHtml({});
    await s.context.route(REPORT_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    const found: Record<string, string[]> = {};
    for (const scheme of SCHEMES) {
      const page = await s.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1100, height: 800 });
      await page.goto(REPORT_URL);
      await page.waitForFunction(() => CSS.highlights.has('r2p-crime'), undefined, { timeout: 15_000 });
      const box = await page.evaluate(() => {
        const r = [...(CSS.highlights.get('r2p-crime') as unknown as Set<Range>)][0]!;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      });
      await page.mouse.move(box.x - 40, box.y - 40);
      await page.mouse.move(box.x, box.y, { steps: 3 });

      // The card is in a closed shadow root, out of the page's reach. Through the DevTools
      // protocol the test takes hold of that root and shows it to axe as if it were open.
      const cdp = await page.context().newCDPSession(page);
      type N = { nodeId: number; nodeName: string; children?: N[]; shadowRoots?: N[] };
      const find = (n: N): N | undefined => (n.nodeName === 'R2P-LENS-UI' ? n : (n.children ?? []).map(find).find(Boolean));
      let shadow: N | undefined;
      for (let i = 0; i < 50 && !shadow; i++) {
        if (i) await page.waitForTimeout(100);
        const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
        shadow = find(root as N)?.shadowRoots?.[0];
      }
      expect(shadow, 'the card opened').toBeDefined();
      const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow!.nodeId });
      await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: 'function () { const root = this; Object.defineProperty(root.host, "shadowRoot", { get: () => root, configurable: true }); }',
      });
      await cdp.detach();
      // The card's details arrive from the background: audit it once it is complete.
      await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/Open in side panel/);
      found[scheme] = await seriousViolations(page, 'r2p-lens-ui');
      // And axe did look inside: it checked the card's buttons.
      const buttonsChecked = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ passes: { nodes: unknown[] }[] }> } }).axe;
        const r = await axe.run({ include: [['r2p-lens-ui']] }, { runOnly: ['button-name'] });
        return r.passes[0]?.nodes.length ?? 0;
      });
      expect(buttonsChecked).toBeGreaterThanOrEqual(2);
      await page.close();
    }
    expect(found).toEqual({ light: [], dark: [] });
  });
});
