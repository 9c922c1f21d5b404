/**
 * Chromium with the built extension loaded, for the browser tests.
 * Without Chromium the tests skip, except under CI, where a missing browser is a failure.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { closeWelcome } from './welcome-tab';

export { SHOTS_DIR } from '../support/shots-dir';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3');

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export const chromiumPath = findChromium();
if (!chromiumPath && process.env.CI) {
  throw new Error('CI is set but no Chromium was found: install Debian\'s chromium (apt-get install -y chromium).');
}
if (chromiumPath && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
}
/** `describe.skipIf(noBrowser)` for suites that need Chromium. */
export const noBrowser = !chromiumPath;

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profileDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
  /** Ends the browser as a crash or a power cut would: SIGKILL, no shutdown at all. The profile stays. */
  kill(): Promise<void>;
}

/** The browser process (not its renderers or helpers) running on this profile, from /proc. */
function browserPid(profileDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a === `--user-data-dir=${profileDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
    } catch {
      /* the process ended while we looked */
    }
  }
  throw new Error(`No browser process found for ${profileDir}`);
}

export interface LaunchOptions {
  /** Leave the welcome page the extension opens on install (the first-run test looks at it). */
  keepWelcome?: boolean;
}

export async function launchWithExtension(profileDir?: string, { keepWelcome = false }: LaunchOptions = {}): Promise<ExtensionSession> {
  const fresh = !profileDir || readdirSync(profileDir).length === 0;
  profileDir ??= mkdtempSync(join(tmpdir(), 'r2p-lens-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // On a fresh profile the welcome tab opens in front; tests of pages want their page in front
  // (a background tab gets no animation frames), so it is closed before they start.
  if (fresh && !keepWelcome) await closeWelcome(context, extensionId);
  return {
    context,
    extensionId,
    worker,
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
    async kill() {
      const closed = new Promise((r) => context.once('close', r));
      process.kill(browserPid(profileDir), 'SIGKILL');
      await closed;
    },
  };
}

export const extensionPage = (s: ExtensionSession, path: string) => `chrome-extension://${s.extensionId}/${path}`;

/** How many rows a table of the extension's database holds, read from an extension page (0 before the database exists). */
export const countRows = (page: Page, table: string): Promise<number> =>
  page.evaluate(async (t) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'r2p-lens')) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('r2p-lens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        try {
          const q = open.result.transaction(t).objectStore(t).count();
          q.onsuccess = () => (open.result.close(), resolve(q.result));
          q.onerror = () => (open.result.close(), reject(q.error));
        } catch (e) {
          open.result.close();
          reject(e);
        }
      };
    });
  }, table);
