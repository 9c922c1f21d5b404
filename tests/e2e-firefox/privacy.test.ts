/**
 * Privacy in Firefox: every request made while a delegate uses the whole extension (a UN page
 * highlighted and its card, the catalogue, the library import, a review with its exports and a
 * backup restored, the popup, settings, welcome and demo pages, a local PDF in the reader) is
 * recorded, and none leaves but the test's own page load.
 *
 * Two recorders watch at once: the proxy every Firefox request goes through (it sees the
 * background page, workers and content scripts too, which no tab reports), and WebDriver BiDi's
 * network events for each tab, extension pages included (`page.on('request')`). The last test
 * sends a deliberate request from each place and checks the recorders see it, so this file can fail.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { reportPdf } from '../fixtures/report-pdf';
import { UPR_INFO_SAMPLE } from '../fixtures/upr-info-sample';
import { EXTENSION_ORIGIN, FIREFOX_EXTENSION_DIR, launchFirefox, noFirefox, type FirefoxSession } from './harness';
import { openCardOn } from './card-reader';
import { firstPassEnded } from './page-reading';
import { byRole, click, labelled, statusSays, typeInto } from './ui';

const REPORT_URL = 'http://www.ohchr.org/en/hr-bodies/upr/privacy-sample';

/** What the tabs asked for, as WebDriver BiDi reports it (extension pages included). */
function recordTabs(s: FirefoxSession) {
  const seen: { url: string; from: string }[] = [];
  const watch = async (page: Page) => {
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(EXTENSION_ORIGIN) && !/^(data|blob|about):/.test(url)) seen.push({ url, from: page.url() });
    });
  };
  s.browser.on('targetcreated', async (t) => {
    const page = t.type() === 'page' ? await t.page() : null;
    if (page) await watch(page);
  });
  return { seen, ready: s.browser.pages().then((pages) => Promise.all(pages.map(watch))) };
}

/** What went through the proxy, less Firefox's own background traffic and the addresses given. */
const foreign = (s: FirefoxSession, ...expected: string[]) => s.proxy.requested().filter((url) => !expected.includes(url));

describe.skipIf(noFirefox)('privacy: the extension sends nothing anywhere (Firefox, built extension)', () => {
  let s: FirefoxSession;
  let tabs: ReturnType<typeof recordTabs>;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'r2p-lens-privacy-'));
    // Optional permissions granted without a prompt: the canary test asks for one site.
    s = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    s.proxy.serve(REPORT_URL, { contentType: 'text/html; charset=utf-8', body: reportPageHtml() });
    tabs = recordTabs(s);
    await tabs.ready;
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes no request of its own across a whole journey', async () => {
    // 1. A UN page, highlighted by itself; the card opens under the pointer.
    const report = await s.openPage(REPORT_URL, { width: 1100, height: 800 });
    await firstPassEnded(report);
    await openCardOn(report, 'genocide', /Add to evidence/);

    // 2. The side panel's pages: this page's concepts, the catalogue, the library.
    const panel = await s.openExtensionPage('sidepanel.html#page', { width: 360, height: 760 });
    await byRole(panel, 'button', /^Genocide \d+ occurrence/);
    await click(panel, 'Search', 'tab');
    await typeInto(panel, 'Search recommendations', 'genocide prevention');
    await byRole(panel, 'heading', /genocide/i);
    await click(panel, 'Library', 'tab');
    await (await labelled(panel, 'Import UPR recommendations')).uploadFile(UPR_INFO_SAMPLE);
    await statusSays(panel, /recommendations added/, 60_000);
    await typeInto(panel, 'Search the library', 'torture');
    await statusSays(panel, /^\d+ recommendations?$/);

    // 3. A review with a draft, its exports, a backup and its restore.
    await click(panel, 'Reviews', 'tab');
    await typeInto(panel, 'Find a State', 'Kenya');
    await typeInto(panel, 'Working Group session', '46');
    await click(panel, 'Create review');
    await byRole(panel, 'heading', /Kenya, session 46/);
    await click(panel, '2 Dialogue');
    await click(panel, 'Blank recommendation');
    await typeInto(panel, 'Recommendation 1', 'Ratify the Rome Statute and adopt a national action plan on atrocity prevention.');
    await statusSays(panel, /All changes saved/);
    await click(panel, 'Export');
    await click(panel, 'Word (.docx)');
    await s.download('Kenya-UPR-46.docx');
    await click(panel, 'Markdown (.md)');
    await s.download('Kenya-UPR-46.md');
    await click(panel, 'Back up everything');
    const backupName = `r2p-lens-backup-${new Date().toISOString().slice(0, 10)}.json`;
    const backup = join(dir, backupName);
    writeFileSync(backup, await s.download(backupName));
    await (await labelled(panel, 'Restore from a backup file')).uploadFile(backup);
    await click(panel, 'Restore');
    await statusSays(panel, /^Restored/, 30_000);

    // 4. The popup, settings, welcome and demo pages, and a local PDF in the reader.
    for (const path of ['popup.html', 'options.html', 'welcome.html', 'demo.html']) {
      const p = await s.openExtensionPage(path);
      await new Promise((r) => setTimeout(r, 500));
      await p.close();
    }
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, (await reportPdf(3)).bytes);
    const reader = await s.openExtensionPage('reader.html', { width: 1100, height: 800 });
    await (await labelled(reader, 'PDF file to open')).uploadFile(pdf);
    await statusSays(reader, /mentions of \d+ concepts/, 30_000);
    await reader.close();
    await panel.close();
    await report.close();

    // Anything sent late (an idle timer, a page closing) has a moment to show.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(s.proxy.seen().filter((r) => r.url === REPORT_URL).length).toBeGreaterThan(0);
    expect(foreign(s, REPORT_URL).filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
    expect(tabs.seen.map((r) => r.url).filter((u) => u !== REPORT_URL && !u.endsWith('/favicon.ico'))).toEqual([]);
  }, 180_000);

  it('would notice a request from the background page, an extension page and the content script', async () => {
    s.proxy.reset();
    tabs.seen.length = 0;
    const canary = (where: string) => `http://canary.example/${where}`;
    // The report's own site: a content script reaches other sites only with their access.
    const CONTENT_CANARY = 'http://www.ohchr.org/canary/content-script';
    const report = await s.openPage(REPORT_URL);
    await firstPassEnded(report);
    const page = await s.openExtensionPage('sidepanel.html#search');
    type Ext = {
      runtime: { getBackgroundPage(): Promise<Window> };
      tabs: { query(q: object): Promise<{ id: number }[]> };
      scripting: { executeScript(o: { target: { tabId: number }; func: (u: string) => unknown; args: string[] }): Promise<unknown> };
    };
    // A request from the background page's own world (its fetch), not this page's.
    await page.evaluate(async (u) => {
      const bg = await (globalThis as unknown as { browser: Ext }).browser.runtime.getBackgroundPage();
      void bg.fetch(u).catch(() => {});
    }, canary('background'));
    await page.evaluate((u) => void fetch(u).catch(() => {}), canary('extension-page'));
    // (No canary from a worker of our own making: in Firefox the pages' policy refuses blob: and
    // data: workers. The proxy is Firefox's own network setting, so it sees the extension's
    // shipped workers as it sees everything else.)
    // The content script's world in the report's tab: scripts run there need the site's access,
    // asked with a real click (Firefox grants it without a prompt under this file's preference).
    await page.evaluate((origin) => {
      const ask = Object.assign(document.createElement('button'), { textContent: 'Allow the report site' });
      ask.onclick = () => void (globalThis as unknown as { browser: { permissions: { request(p: object): Promise<boolean> } } }).browser.permissions.request({ origins: [origin] });
      document.body.prepend(ask);
    }, 'http://www.ohchr.org/*');
    await click(page, 'Allow the report site');
    const ran = await page.evaluate(async (u) => {
      const ext = (globalThis as unknown as { browser: Ext }).browser;
      const results = await Promise.all(
        (await ext.tabs.query({})).map((t) => ext.scripting.executeScript({ target: { tabId: t.id }, func: (c) => fetch(c).then((r) => `status ${r.status}`, (e) => `error ${e}`), args: [u] }).then((r) => JSON.stringify(r), (e: Error) => e.message)),
      );
      return results;
    }, CONTENT_CANARY);
    expect(ran.filter((r) => r.includes('status 403'))).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_000));
    const caught = foreign(s, REPORT_URL);
    for (const where of ['background', 'extension-page']) expect(caught).toContain(canary(where));
    expect(caught).toContain(CONTENT_CANARY);
    // BiDi sees the tabs' own: the extension page's request, and the content script's in the web page's tab.
    expect(tabs.seen.map((r) => r.url)).toEqual(expect.arrayContaining([canary('extension-page')]));
    await page.close();
    await report.close();
  });
});

describe.skipIf(!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')))('privacy: what the built Firefox extension is allowed to do', () => {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const policy: string = manifest.content_security_policy?.extension_pages ?? manifest.content_security_policy ?? '';

  it('asks for what the README’s permissions table lists, and no site at install but the UN and R2P sites it highlights', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    const matches: string[] = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    expect(matches.every((m) => /^\*:\/\/\*\.[a-z0-9.-]+\/\*$/.test(m))).toBe(true);
    expect(matches).toContain('*://*.un.org/*');
  });

  it('declares that it collects nothing, and lists as optional what a shared review carries', () => {
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({
      required: ['none'],
      optional: ['personallyIdentifyingInfo', 'personalCommunications', 'websiteContent', 'browsingActivity'],
    });
  });

  it('has the strict content security policy for its pages: own scripts only, no eval', () => {
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
  });
});
