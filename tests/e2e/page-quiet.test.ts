/**
 * The content script says nothing to the page it reads: no `message` event (the page hears
 * every window.postMessage), and no DOM event named after the extension, when it starts, when
 * asked to highlight again, or while it highlights. The page listens from its first script,
 * before the extension starts, and knows the extension's id (as a page fingerprinting a known
 * extension would).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPageHtml } from '../fixtures/report-page';
import { launchWithExtension, noBrowser, type ExtensionSession } from './harness';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, m: unknown): Promise<unknown> };
};

const URL = 'https://www.ohchr.org/en/hr-bodies/upr/quiet-page';

const listener = (id: string) => `<script>
  window.__heard = [];
  addEventListener('message', (e) => window.__heard.push({ kind: 'message', data: JSON.stringify(e.data), origin: e.origin }), true);
  for (const name of ['content', 'demo-highlight']) {
    const type = '${id}:' + name + ':wxt:content-script-started';
    document.addEventListener(type, () => window.__heard.push({ kind: 'event', data: type }), true);
    addEventListener(type, () => window.__heard.push({ kind: 'event', data: type }), true);
  }
</script>`;

describe.skipIf(noBrowser)('the page hears nothing from the extension (Chromium, built extension)', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
  });
  afterAll(async () => s?.close());

  it('no message event and no extension-named event, at start, when asked again, or while highlighting', async () => {
    await s.context.route(URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: reportPageHtml({ head: listener(s.extensionId) }) }));
    const page = await s.context.newPage();
    await page.goto(URL);
    await page.waitForFunction(() => performance.getEntriesByName('r2p:pass:end', 'mark').length > 0, undefined, { timeout: 20_000 });
    expect(await page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
    // Asked to highlight again (toolbar, Alt+Shift+H).
    await page.bringToFront();
    await s.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { r2p: 1, type: 'highlight/run', payload: {} });
    });
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'A late paragraph on war crimes.';
      document.body.append(p);
    });
    await page.waitForTimeout(800);
    const heard = await page.evaluate(() => (window as unknown as { __heard: { kind: string; data: string }[] }).__heard);
    expect(heard).toEqual([]);
    // Still highlighting, the late paragraph too.
    await expect
      .poll(() => page.evaluate(() => [...CSS.highlights.values()].some((h) => [...(h as unknown as Set<Range>)].some((r) => r.toString() === 'war crimes' && r.startContainer.isConnected && r.startContainer.parentElement?.localName === 'p' && r.startContainer.parentElement.textContent!.startsWith('A late')))))
      .toBe(true);
    // The test can fail: a message posted on the page is heard.
    await page.evaluate((id) => postMessage({ probe: id }, '*'), s.extensionId);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard.length)).toBe(1);
    await page.close();
  });
});
