/**
 * Firefox (ESR, Debian's firefox-esr) with the built Firefox extension installed, driven by
 * puppeteer-core over WebDriver BiDi, for the Firefox browser tests. Without Firefox the tests
 * skip, except under CI, where a missing browser is a failure.
 *
 * What BiDi gives and what it does not (checked with Firefox ESR 153):
 * - `browser.installExtension(dir)` installs the unpacked build for the session (a temporary
 *   add-on: gone when Firefox quits, so "survives" means a reload, not a restart).
 * - Extension pages open in tabs only with `--remote-allow-system-access`, `goto` must wait for
 *   'commit' (the load wait never resolves for moz-extension pages), and `page.url()` stays
 *   about:blank: read `location.href` (`href()` below).
 * - The sidebar and the toolbar popup cannot be driven as UI; their pages are opened as tabs.
 * - All of Firefox's traffic goes through a recording proxy (recording-proxy.ts), which serves
 *   the test's UN pages at their real addresses and refuses anything else.
 */
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';

import { SHOTS_DIR } from '../support/shots-dir';

export { SHOTS_DIR };

/** Which Firefox build the tests load: see README "Firefox: Manifest V2 or V3". */
export const FIREFOX_TARGET = process.env.R2P_FIREFOX_TARGET ?? 'firefox-mv3';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.R2P_OUT_DIR ?? '.output', FIREFOX_TARGET);
export const GECKO_ID = 'r2p-lens@r2p-lens.example';
/** Fixed, so extension page addresses are known before Firefox starts. */
export const EXTENSION_UUID = '5d2e0c47-9a1b-4f63-8e2d-7b10c4a9f3e6';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const runnable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false; // absent, a dangling link (the package removed), or not executable
  }
};

export function findFirefox(): string | undefined {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p): p is string => !!p && runnable(p));
}

export const firefoxPath = findFirefox();
if (!firefoxPath && process.env.CI) {
  throw new Error("CI is set but no Firefox was found: install Debian's firefox-esr (apt-get install -y firefox-esr).");
}
if (firefoxPath && !existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
  throw new Error(`No built Firefox extension in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`);
}
/** `describe.skipIf(noFirefox)` for suites that need Firefox. */
export const noFirefox = !firefoxPath;

export interface FirefoxSession {
  browser: Browser;
  proxy: RecordingProxy;
  /** ms from the launch call to the extension installed. */
  launchMs: number;
  /** Where downloads land (under their own names). */
  downloadsDir: string;
  /** Waits for a finished download of this name and returns its bytes. */
  download(name: string, timeoutMs?: number): Promise<Buffer>;
  /** An extension page's address, e.g. `extensionUrl('sidepanel.html#reviews')`. */
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab, loaded and ready. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Opens a web page in a new tab. */
  openPage(url: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The Firefox profile this session runs on. */
  profileDir: string;
  /** Quits Firefox; `keepProfile` leaves its profile for the next launch (a restart). */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface FirefoxOptions {
  /** Extra Firefox preferences. */
  prefs?: Record<string, string | number | boolean>;
  /** A profile a previous session left (`close({ keepProfile: true })`): Firefox restarted on it. */
  profileDir?: string;
}

/**
 * Waits sized for a shared two-core machine under load (load average 15 measured there: Firefox
 * took 9 s to start with the extension, three times a quiet start). They bound how long a failure
 * takes to show, never what a test accepts.
 */
export const LAUNCH_TIMEOUT_MS = 90_000;
export const UI_TIMEOUT_MS = 30_000;

/** Keeps Firefox's own traffic out of the tests' way; none of it concerns the extension. */
const QUIET_PREFS = {
  // An http:// address stays http (no https upgrade attempt): the proxy serves UN pages over http.
  'dom.security.https_first': false,
  'dom.security.https_first_schemeless': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'services.settings.server': 'http://localhost/dummy/settings',
};

export async function launchFirefox({ prefs = {}, profileDir = mkdtempSync(join(tmpdir(), 'r2p-lens-firefox-')) }: FirefoxOptions = {}): Promise<FirefoxSession> {
  const started = performance.now();
  mkdirSync(SHOTS_DIR, { recursive: true });
  const proxy = await startRecordingProxy();
  const downloadsDir = mkdtempSync(join(tmpdir(), 'r2p-lens-firefox-downloads-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      headless: true,
      executablePath: firefoxPath,
      userDataDir: profileDir,
      args: ['--remote-allow-system-access'],
      timeout: LAUNCH_TIMEOUT_MS,
      downloadBehavior: { policy: 'allow', downloadPath: downloadsDir },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        ...QUIET_PREFS,
        ...proxy.prefs,
        ...prefs,
      },
    });
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (e) {
    await proxy.close();
    for (const dir of [profileDir, downloadsDir]) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const launchMs = performance.now() - started;
  await closeWelcome(browser);

  const extensionUrl = (path: string) => `${EXTENSION_ORIGIN}/${path}`;
  const newTab = async (viewport?: { width: number; height: number }) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    if (viewport) await page.setViewport(viewport);
    return page;
  };
  return {
    browser,
    proxy,
    launchMs,
    downloadsDir,
    profileDir,
    async download(name, timeoutMs = UI_TIMEOUT_MS) {
      const file = join(downloadsDir, name);
      // Firefox makes an empty file of that name, writes into a .part file beside it, then
      // renames it over the empty one: done when the file has bytes and no .part is left.
      for (let waited = 0; waited < timeoutMs; waited += 100) {
        if (existsSync(file) && statSync(file).size > 0 && !existsSync(`${file}.part`)) return readFileSync(file);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`No download "${name}" in ${timeoutMs} ms; the folder holds: ${readdirSync(downloadsDir).join(', ') || 'nothing'}`);
    },
    extensionUrl,
    async openExtensionPage(path, viewport) {
      const page = await newTab(viewport);
      // The load wait never resolves for moz-extension pages over BiDi: wait for the commit, then the load.
      await page.goto(extensionUrl(path), { waitUntil: 'commit' as never });
      await extensionPageReady(page);
      return page;
    },
    async openPage(url, viewport) {
      const page = await newTab(viewport);
      await page.goto(url);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await browser.close().catch(() => {});
      await proxy.close();
      for (const dir of keepProfile ? [downloadsDir] : [profileDir, downloadsDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reloads an extension page as the reader would (F5) and waits until it is drawn again. */
export async function reloadExtensionPage(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'commit' as never });
  await extensionPageReady(page);
}

const extensionPageReady = (page: Page) => page.waitForFunction(() => document.readyState === 'complete' && !!document.querySelector('#root > *, body > *'));

/** The page's own address (`page.url()` says about:blank for extension pages). */
export const href = (page: Page) => page.evaluate(() => location.href);

/**
 * The extension opens its welcome page on install, in front; tests want their own page in front
 * (a background tab gets no animation frames), so it is closed first.
 */
async function closeWelcome(browser: Browser, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  for (let waited = 0; waited < timeoutMs; waited += 200) {
    for (const page of await browser.pages()) {
      const url = await href(page).catch(() => '');
      if (url.endsWith('/welcome.html')) return page.close();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
