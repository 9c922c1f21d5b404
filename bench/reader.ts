/**
 * The PDF reader in Chromium with the built extension: a 200-page PDF written from the real UPR
 * reports (tests/fixtures/report-pdf.ts), opened from a file. Figures: time from choosing the file
 * to the first page drawn (canvas and text layer; User Timing marks set by the reader), beside a
 * 10-page PDF in the same run (the ratio shows whether length costs at open), and frame times
 * while scrolling steadily through the document (requestAnimationFrame deltas).
 * Goals (issue 7): first page under 1 s; scrolling without jank (few frames over 50 ms).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { reportPdf } from '../tests/fixtures/report-pdf';
import { ms, summarise } from './stats';
import { CHROMIUM, launchExtension } from './chromium';

const ROUNDS = 3;
const SCROLL_FRAMES = 360;
const SCROLL_STEP_PX = 40;

async function firstPageMs(page: Page, name: string, bytes: Uint8Array): Promise<number> {
  await page.evaluate(() => performance.clearMarks());
  await page.getByTestId('reader-file-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
  await page.locator('.pdf-page[data-rendered]').first().waitFor({ timeout: 30_000 });
  return page.evaluate(() => {
    const open = performance.getEntriesByName('r2p:reader:open')[0]!;
    const first = performance.getEntriesByName('r2p:reader:first-page')[0]!;
    return first.startTime - open.startTime;
  });
}

/**
 * Scrolls the page column by a fixed step every frame and records the time between frames.
 * Passed as source text: tsx would wrap a function's inner closures in a helper the page lacks.
 */
function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const scroller = document.querySelector('.reader-scroller');
    const deltas = [];
    let last = 0;
    const tick = (t) => {
      deltas.push(t - last);
      last = t;
      scroller.scrollTop += ${SCROLL_STEP_PX};
      if (deltas.length < ${SCROLL_FRAMES}) requestAnimationFrame(tick);
      else resolve(deltas.slice(1));
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  })`) as Promise<number[]>;
}

export async function benchReader(): Promise<{ lines: string[] }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const extension = join(root, process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3');
  if (!CHROMIUM) return { lines: ['skipped: no Chromium (set CHROMIUM_PATH)'] };
  if (!existsSync(join(extension, 'reader.html'))) return { lines: [`skipped: no built reader in ${extension} (npm run build first)`] };

  const [big, small] = await Promise.all([reportPdf(200), reportPdf(10)]);
  const profile = mkdtempSync(join(tmpdir(), 'r2p-bench-reader-'));
  const { context, id } = await launchExtension(extension, profile);
  try {
    const first200: number[] = [];
    const first10: number[] = [];
    const frames: number[] = [];
    let extractAllMs = NaN;
    for (let r = 0; r < ROUNDS; r++) {
      for (const [pdf, out, pages] of [[small, first10, 10], [big, first200, 200]] as const) {
        const page = await context.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`chrome-extension://${id}/reader.html`);
        // A new name each round: a document opened before would resume where the last round left it.
        out.push(await firstPageMs(page, `report-${pages}-${r}.pdf`, pdf.bytes));
        if (pages === 200) {
          const t0 = Date.now();
          await page.locator('.reader-concepts [role=status]').filter({ hasText: /mentions of/ }).waitFor({ timeout: 120_000 });
          if (r === 0) extractAllMs = Date.now() - t0;
          frames.push(...(await scrollFrames(page)));
        }
        await page.close();
      }
    }
    const b = summarise(first200);
    const s = summarise(first10);
    const f = summarise(frames);
    const long = frames.filter((d) => d > 50).length;
    return {
      lines: [
        `PDF: ${big.bytes.byteLength >> 10} KB, 200 pages of UPR report text; ${ROUNDS} rounds, viewport 1280x900, headless Chromium without GPU`,
        `first page drawn (file chosen -> canvas + text layer), 200 pages: p50 ${ms(b.p50)}, max ${ms(b.max)} (goal < 1000 ms)`,
        `first page drawn, 10 pages: p50 ${ms(s.p50)}; ratio 200/10 pages: ${(b.p50 / s.p50).toFixed(2)}x`,
        `text of all 200 pages extracted and concepts counted (background, after the first page): ${ms(extractAllMs)}`,
        `scrolling ${SCROLL_STEP_PX} px per frame through the 200-page PDF: ${f.n} frames, p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)}, frames over 50 ms: ${long} (${((100 * long) / Math.max(1, f.n)).toFixed(1)}%)`,
      ],
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
