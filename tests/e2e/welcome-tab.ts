/**
 * On a fresh profile the extension opens its welcome tab in front. Tests and benchmarks of other
 * pages close it first: a tab left behind it gets no animation frames and throttled timers,
 * which would stall the page under test and inflate its timings.
 */
import type { BrowserContext } from 'playwright-core';

export async function closeWelcome(context: BrowserContext, extensionId: string, timeoutMs = 10_000): Promise<void> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page.close();
    await new Promise((r) => setTimeout(r, 100));
  }
}
