/**
 * Chromium with the built extension loaded, for the browser tests.
 * Without Chromium the tests skip, except under CI, where a missing browser is a failure.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
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
  };
}

export const extensionPage = (s: ExtensionSession, path: string) => `chrome-extension://${s.extensionId}/${path}`;
