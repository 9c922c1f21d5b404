/** Chromium with a built extension loaded, for the benchmarks that measure it in a browser. */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { closeWelcome } from '../tests/e2e/welcome-tab';

export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));

/** A headless Chromium on `profile` with the extension in `extension` loaded, its welcome tab closed. */
export async function launchExtension(extension: string, profile: string): Promise<{ context: BrowserContext; id: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await closeWelcome(context, id);
  return { context, id };
}
