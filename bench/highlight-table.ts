/**
 * What the content script pays at start for not carrying the concept table: the background hands
 * it over ('highlight/lexicon'). Measured in the built extension, from one of its pages (the same
 * runtime.sendMessage a content script makes): the round trip with the service worker running,
 * and after the browser stopped it (its first page load after 30 s idle), beside unpacking it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, launchExtension } from './chromium';
import { median, ms } from './stats';


export async function benchTableHandover(root: string): Promise<string[]> {
  const extension = resolve(root, process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3');
  if (!CHROMIUM || !existsSync(extension)) return ['concept table from the background: not measured (no Chromium, or not built: npm run build)'];
  const profile = mkdtempSync(join(tmpdir(), 'r2p-bench-table-'));
  const { context, id } = await launchExtension(extension, profile);
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/sidepanel.html`);
    const once = () =>
      page.evaluate(async () => {
        const t0 = performance.now();
        const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
        const reply = (await runtime.sendMessage({ r2p: 1, type: 'highlight/lexicon', payload: {} })) as { gzBase64: string };
        const t1 = performance.now();
        const bin = Uint8Array.from(atob(reply.gzBase64), (c) => c.charCodeAt(0));
        JSON.parse(await new Response(new Blob([bin]).stream().pipeThrough(new DecompressionStream('gzip'))).text());
        return { trip: t1 - t0, unpack: performance.now() - t1, chars: reply.gzBase64.length };
      });
    await once();
    const warm = [];
    for (let i = 0; i < 15; i++) warm.push(await once());
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const cold = [];
    for (let i = 0; i < 5; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
      cold.push(await once());
    }
    return [
      `concept table from the background (${(warm[0]!.chars / 1024).toFixed(1)} KB of base64): round trip p50 ${ms(median(warm.map((w) => w.trip)))} ` +
        `with the service worker running, ${ms(median(cold.map((c) => c.trip)))} after the browser stopped it (median of 5); unpacking ${ms(median(warm.map((w) => w.unpack)))}`,
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
