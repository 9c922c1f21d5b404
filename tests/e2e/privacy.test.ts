/**
 * Privacy, proven: every network request made while a delegate uses the whole extension
 * (highlight a UN page, open its card and keep a clip, search the catalogue, import the UPR
 * sample, draft a review, export a .docx, a Markdown file and a backup, restore it, the popup,
 * settings, welcome and demo pages, a local PDF in the reader) is recorded from all the places it could
 * come from: the service worker, the extension pages and their workers, and the content script
 * (whose requests show up as the web page's). The only requests allowed are the test's own page
 * loads, and, when the user asks the reader to open a PDF by its address, that one address. Once
 * the user shares a review with their mission's server (a team server the test starts on
 * loopback), the extension connects to that address alone, and sends that review alone.
 *
 * Three recorders watch at once, so a gap in one is covered by the others: Playwright's
 * request events (pages, their workers, the service worker), a catch-all route that sees every
 * request before it could leave (and stops it), and web sockets per page. The last test sends a
 * deliberate request from each place and checks the recorders see it, so this file can fail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { startTeamServer } from '../support/team-server';
import { reportPdf } from '../fixtures/report-pdf';
import { EXTENSION_DIR, extensionPage, launchWithExtension, noBrowser, type ExtensionSession } from './harness';
import { cardText } from './card-reader';
import { UPR_INFO_SAMPLE as SAMPLE } from '../fixtures/upr-info-sample';

/** Only what these tests call in the service worker. */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(tabId: number, m: unknown): Promise<unknown> };
};

const REPORT_URL = 'https://www.ohchr.org/en/hr-bodies/upr/privacy-sample';
const PDF_URL = 'https://documents.example.org/doc/A-HRC-15-7-privacy.pdf';

/** The first `rows` records of the UPR Info export (Mac line ends; cut where no quote is open). */
function sampleSlice(rows: number): Buffer {
  const bytes = readFileSync(SAMPLE);
  let quotes = 0;
  let records = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x22) quotes++;
    else if (bytes[i] === 0x0d && quotes % 2 === 0 && ++records > rows) return bytes.subarray(0, i + 1);
  }
  return bytes;
}

interface Seen {
  url: string;
  from: string;
  via: string;
}

const local = (url: string) => /^(data|blob|about):/.test(url);

/** Records every request in the context; anything not allowed is stopped before it leaves. */
function recordNetwork(s: ExtensionSession) {
  const own = `chrome-extension://${s.extensionId}/`;
  const seen: Seen[] = [];
  const allowed = new Set<string>();
  const origin = (r: Request) => {
    if (r.serviceWorker()) return 'service worker';
    try {
      return r.frame().url() || 'a page';
    } catch {
      return 'a worker';
    }
  };
  const note = (url: string, from: string, via: string) => {
    if (url.startsWith(own) || local(url)) return;
    seen.push({ url, from, via });
  };
  s.context.on('request', (r) => note(r.url(), origin(r), 'request event'));
  const framesSent: Buffer[] = [];
  const watchPage = (p: Page) =>
    p.on('websocket', (ws) => {
      note(ws.url(), p.url(), 'web socket');
      ws.on('framesent', (f) => framesSent.push(Buffer.from(f.payload)));
    });
  s.context.pages().forEach(watchPage);
  s.context.on('page', watchPage);
  const ready = s.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(own) || local(url)) return route.fallback();
    note(url, origin(route.request()), 'route');
    return allowed.has(url) ? route.fallback() : route.abort('blockedbyclient');
  });
  return {
    ready,
    /** Requests other than the given addresses (the test's own page loads). */
    foreign: (...expected: string[]) => seen.filter((r) => !expected.includes(r.url)),
    to: (url: string) => seen.filter((r) => r.url === url),
    allow: (url: string) => allowed.add(url),
    /** Everything the pages sent over web sockets. */
    sent: () => Buffer.concat(framesSent),
    reset: () => void (seen.length = 0),
  };
}

/** Problems an extension page reports: script errors and content-security-policy refusals. */
function watchExtensionPages(s: ExtensionSession): string[] {
  const problems: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (e) => p.url().startsWith('chrome-extension:') && problems.push(`${p.url()}: ${e.message}`));
    p.on('console', (m) => {
      if (p.url().startsWith('chrome-extension:') && /Content Security Policy|Refused to|EvalError/i.test(m.text())) problems.push(`${p.url()}: ${m.text()}`);
    });
  };
  s.context.pages().forEach(watch);
  s.context.on('page', watch);
  return problems;
}

async function cdpSession(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** Runs an expression in the content script's isolated world of `page` (found through the DevTools protocol). */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await cdpSession(page);
  const contexts: { id: number; name: string; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
  if (!world) throw new Error(`No content-script world in ${page.url()}: ${JSON.stringify(contexts.map((c) => c.name))}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

describe.skipIf(noBrowser)('privacy: the extension sends nothing anywhere (Chromium, built extension)', () => {
  let s: ExtensionSession;
  let net: ReturnType<typeof recordNetwork>;
  let problems: string[];
  let report: Page;

  beforeAll(async () => {
    s = await launchWithExtension();
    net = recordNetwork(s);
    await net.ready;
    problems = watchExtensionPages(s);
    await s.context.route(REPORT_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: reportPageHtml() }));
    // The service worker's start-up ran before the recorders: the last suite below checks that its
    // code holds no network call at all.
    report = await s.context.newPage();
    await report.goto(REPORT_URL);
  });
  afterAll(async () => s?.close());

  it('makes no request of its own across a whole journey', async () => {
    // 1. A UN page (opened above): highlighted by itself; the card opens by keyboard and keeps a clip.
    await report.waitForFunction(() => CSS.highlights.has('r2p-crime'), undefined, { timeout: 15_000 });
    await report.bringToFront();
    const jumped = await s.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, { r2p: 1, type: 'highlight/jump', payload: { direction: 'next' } });
    });
    expect(jumped).toMatchObject({ index: 0 });
    await expect.poll(() => cardText(report), { timeout: 10_000 }).toMatch(/Add to evidence/);
    for (let i = 0; i < 3; i++) await report.keyboard.press('Tab');
    await report.keyboard.press('Enter');
    await expect.poll(() => cardText(report), { timeout: 10_000 }).toMatch(/Added to your evidence/);

    // 2. The side panel: this page's concepts, then the catalogue.
    const panel = await s.context.newPage();
    await panel.goto(extensionPage(s, 'sidepanel.html#page'));
    await panel.locator('.on-this-page').waitFor();
    await panel.goto(extensionPage(s, 'sidepanel.html#search'));
    await panel.getByRole('searchbox', { name: 'Search recommendations' }).fill('genocide prevention');
    await panel.getByText(/genocide/i).first().waitFor();

    // 3. The library: the UPR Info sample (a slice, to stay quick) through the file input.
    await panel.goto(extensionPage(s, 'sidepanel.html#library'));
    await panel.getByLabel('Import UPR recommendations').setInputFiles({ name: 'upr-info-sessions-1-5.csv', mimeType: 'text/csv', buffer: sampleSlice(300) });
    await expect.poll(() => panel.locator('.import-summary').textContent(), { timeout: 30_000 }).toMatch(/300 recommendations added/);
    await panel.getByRole('searchbox', { name: 'Search the library' }).fill('torture');
    await expect.poll(() => panel.locator('.library-view [role=status].result-count').textContent()).toMatch(/\d+ recommendation/);

    // 4. A review with a drafted recommendation, the clip filed, exports and a backup restored.
    await panel.goto(extensionPage(s, 'sidepanel.html#reviews'));
    await panel.getByLabel('Find a State').fill('Kenya');
    await panel.getByLabel('Working Group session').fill('46');
    await panel.getByLabel('Your delegation').fill('Norway');
    await panel.getByRole('button', { name: 'Create review' }).click();
    await panel.getByRole('heading', { name: /Kenya, session 46/ }).waitFor();
    await panel.getByRole('heading', { name: 'Evidence to file (1)' }).waitFor();
    await panel.getByRole('button', { name: '2 Dialogue' }).click();
    await panel.getByRole('button', { name: 'Blank recommendation' }).click();
    await panel.locator('.drafts[aria-label="Recommendations"] > li textarea').first().fill('Ratify the Rome Statute and adopt a national action plan on atrocity prevention.');
    await panel.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await panel.getByRole('button', { name: 'Export', exact: true }).click();
    for (const name of ['Word (.docx)', 'Markdown (.md)', 'Back up everything']) {
      const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name }).click()]);
      expect((await download.path()) && download.suggestedFilename()).toBeTruthy();
      if (name === 'Back up everything') {
        await panel.getByLabel('Restore from a backup file').setInputFiles((await download.path())!);
        const confirm = panel.getByRole('group', { name: 'Confirm restore' });
        await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
        await confirm.waitFor({ state: 'detached' });
      }
    }

    // 5. The popup, the other extension pages, and a local PDF in the reader.
    for (const page of ['popup.html', 'options.html', 'welcome.html', 'demo.html'].filter((p) => existsSync(join(EXTENSION_DIR, p)))) {
      const p = await s.context.newPage();
      await p.goto(extensionPage(s, page));
      await p.locator(page === 'demo.html' ? 'body > *' : '#root > *').first().waitFor();
      await p.waitForTimeout(500);
      await p.close();
    }
    const pdf = await reportPdf(3);
    const reader = await s.context.newPage();
    await reader.goto(extensionPage(s, 'reader.html'));
    await reader.getByTestId('reader-file-input').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf.bytes) });
    await reader.locator('.pdf-page[data-page-number="1"][data-rendered]').waitFor({ timeout: 20_000 });
    await expect.poll(() => reader.locator('.reader-concepts [role=status]').textContent()).toMatch(/mentions of \d+ concepts/);
    await reader.close();
    await panel.close();
    await report.close();

    // Give anything sent late (after an idle timer, on page close) a moment to show.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(net.to(REPORT_URL).length).toBeGreaterThan(0);
    expect(net.foreign(REPORT_URL)).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);

  it('when the user opens a PDF by its address, requests that address alone', async () => {
    const pdf = await reportPdf(2);
    net.reset();
    net.allow(PDF_URL);
    await s.context.route(PDF_URL, (route) =>
      route.fulfill({ status: 200, contentType: 'application/pdf', headers: { 'access-control-allow-origin': '*' }, body: Buffer.from(pdf.bytes) }),
    );
    const reader = await s.context.newPage();
    await reader.goto(`${extensionPage(s, 'reader.html')}?src=${encodeURIComponent(PDF_URL)}`);
    await reader.locator('.pdf-page[data-page-number="1"][data-rendered]').waitFor({ timeout: 20_000 });
    await expect.poll(() => reader.locator('.reader-concepts [role=status]').textContent()).toMatch(/mentions of \d+ concepts/);
    await reader.close();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(net.to(PDF_URL).map((r) => r.from)).toEqual(expect.arrayContaining([expect.stringContaining('reader.html')]));
    expect(net.foreign(PDF_URL)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('sends nothing until a review is shared; then that review alone, to the address the user gave alone', async () => {
    const server = await startTeamServer();
    try {
      const token = server.issueToken('Kenya 46');
      net.reset();
      const panel = await s.context.newPage();
      await panel.goto(extensionPage(s, 'sidepanel.html#reviews'));
      // A second review, never shared, with words of its own.
      const SECRET = 'Unshared draft: ask about the detention camps in the north';
      await panel.getByRole('button', { name: 'New review' }).click();
      await panel.getByLabel('Find a State').fill('Chad');
      await panel.getByRole('button', { name: 'Create review' }).click();
      await panel.getByRole('heading', { name: /Chad/ }).waitFor();
      await panel.getByRole('button', { name: '2 Dialogue' }).click();
      await panel.getByRole('button', { name: 'Blank question' }).click();
      await panel.locator('.drafts[aria-label="Advance questions"] > li textarea').first().fill(SECRET);
      await panel.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
      await new Promise((r) => setTimeout(r, 500));
      expect(net.foreign()).toEqual([]);

      // Share the Kenya review (drafted in the journey above).
      await panel.getByRole('button', { name: /^Kenya/ }).click();
      await panel.getByRole('button', { name: 'Share with your team…' }).click();
      const form = panel.getByRole('form', { name: 'Share this review' });
      await form.getByLabel(/address/).fill(server.address);
      await form.getByLabel('Token').fill(token);
      await form.getByLabel(/Your name/).fill('Amina');
      await form.getByRole('button', { name: 'Share this review' }).click();
      await expect.poll(() => panel.locator('.share-status').textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
      // Back to the unshared review, edited again while the other is shared.
      await panel.getByRole('button', { name: /^Chad/ }).click();
      await panel.getByRole('button', { name: '2 Dialogue' }).click();
      await panel.locator('.drafts[aria-label="Advance questions"] > li textarea').first().fill(`${SECRET}, again`);
      await panel.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
      await new Promise((r) => setTimeout(r, 1_500));
      await panel.close();

      const sent = net.sent().toString('utf8');
      expect(sent).toContain('Ratify the Rome Statute');
      expect(sent).not.toContain('detention camps');
      expect(net.foreign().map((r) => new URL(r.url).origin).filter((o) => o !== server.address)).toEqual([]);
      expect(net.foreign().length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await server.close();
    }
  }, 90_000);

  it('would notice a request from each place (service worker, extension page, its worker, content script) and a refused script or image', async () => {
    net.reset();
    const canary = (where: string) => `https://canary.example/${where}`;
    await s.worker.evaluate((u) => fetch(u).catch(() => {}), canary('service-worker'));
    const panel = await s.context.newPage();
    await panel.goto(extensionPage(s, 'sidepanel.html#search'));
    await panel.evaluate((u) => fetch(u).catch(() => {}), canary('extension-page'));
    await panel.evaluate(
      (u) =>
        new Promise((done) => {
          const w = new Worker(URL.createObjectURL(new Blob([`fetch(${JSON.stringify(u)}).catch(() => {}).finally(() => postMessage(1))`])));
          w.onmessage = done;
        }),
      canary('worker'),
    );
    report = await s.context.newPage();
    await report.goto(REPORT_URL);
    await report.waitForFunction(() => CSS.highlights.has('r2p-crime'), undefined, { timeout: 15_000 });
    await inContentScript(report, `fetch(${JSON.stringify(canary('content-script'))}).then(() => 1, () => 0)`);
    await new Promise((r) => setTimeout(r, 500));
    const caught = net.foreign(REPORT_URL).map((r) => r.url);
    for (const where of ['service-worker', 'extension-page', 'worker', 'content-script']) expect(caught).toContain(canary(where));

    // The pages' content security policy refuses inline and remote scripts and remote images
    // (nothing is requested), and the watcher sees each refusal.
    problems.length = 0;
    await panel.evaluate(
      ({ script, image }) => {
        document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.__inline = 1' }));
        document.body.append(Object.assign(document.createElement('script'), { src: script }));
        document.body.append(Object.assign(new Image(), { src: image }));
      },
      { script: canary('script.js'), image: canary('image.png') },
    );
    await expect.poll(() => problems.filter((p) => /Content Security Policy/.test(p)).length).toBeGreaterThanOrEqual(3);
    expect(await panel.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
    // Announced to the recorder (the page asked), but refused before reaching the network (no route).
    expect([...net.to(canary('script.js')), ...net.to(canary('image.png'))].filter((r) => r.via === 'route')).toEqual([]);
    await panel.close();
    await report.close();
  });
});

describe.skipIf(!existsSync(join(EXTENSION_DIR, 'manifest.json')))('privacy: what the built extension is allowed to do', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const directives = new Map<string, string[]>(
    String(manifest.content_security_policy?.extension_pages ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

  it('has a strict content security policy for its pages: own scripts only, no eval, nothing loaded from elsewhere', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      expect([name, values.filter((v) => /unsafe-eval|wasm-unsafe-eval|\*/.test(v))]).toEqual([name, []]);
      // Only the reader's download and a shared review's server may be reached (connect-src);
      // nothing else names a web source.
      if (name !== 'connect-src') expect([name, values.filter((v) => /^(https?|wss?):/.test(v))]).toEqual([name, []]);
    }
  });

  it('lets no web page talk to it or load its files, and asks for no site at install', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(JSON.stringify(manifest.permissions)).not.toMatch(/<all_urls>|\*:\/\//);
  });

  it('references no remote script or style in its pages', () => {
    const pages = readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['sidepanel.html', 'popup.html', 'reader.html']));
    for (const page of pages) {
      const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
      const refs = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="([^"]+)"/gi)].map((m) => m[1]!);
      expect([page, refs.filter((r) => /^(https?:)?\/\//i.test(r))]).toEqual([page, []]);
      expect([page, /<script(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(html)]).toEqual([page, false]);
    }
  });

  it('ships the learned action-category model with the extension pages only, never in the content script or service worker', () => {
    for (const file of ['background.js', 'content-scripts/content.js']) {
      expect([file, readFileSync(join(EXTENSION_DIR, file), 'utf8').includes('sessions 1-9')]).toEqual([file, false]);
    }
  });

  it('ships a service worker and content script with no network code at all', () => {
    const NETWORK = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection)\b/;
    for (const file of ['background.js', 'content-scripts/content.js']) {
      const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
      expect([file, code.match(NETWORK)?.[0]]).toEqual([file, undefined]);
    }
  });
});
