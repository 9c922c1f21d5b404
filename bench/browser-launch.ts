/**
 * Launch to first effect: from starting the browser with the built extension to the first marks
 * painted on a UPR report at an OHCHR address (the content script's `r2p:pass:screen`), in
 * Firefox ESR (puppeteer-core over WebDriver BiDi, the extension installed for the session) and
 * in Chromium (playwright-core, the extension loaded at start), alternating, in one run.
 */
import { reportPageHtml } from '../tests/fixtures/report-page';
import { launchWithExtension, noBrowser } from '../tests/e2e/harness';
import { launchFirefox, noFirefox } from '../tests/e2e-firefox/harness';
import { ms, summarise } from './stats';

const RUNS = 5;
const FIREFOX_URL = 'http://www.ohchr.org/en/hr-bodies/upr/launch-bench';
const CHROMIUM_URL = 'https://www.ohchr.org/en/hr-bodies/upr/launch-bench';
const marked = () => performance.getEntriesByName('r2p:pass:screen', 'mark').length > 0;

async function firefoxOnce(html: string) {
  const t0 = performance.now();
  const s = await launchFirefox();
  try {
    const installed = s.launchMs;
    s.proxy.serve(FIREFOX_URL, { contentType: 'text/html; charset=utf-8', body: html });
    const page = await s.openPage(FIREFOX_URL, { width: 1100, height: 800 });
    await page.waitForFunction(marked, { timeout: 60_000 });
    return { installed, firstEffect: performance.now() - t0 };
  } finally {
    await s.close();
  }
}

async function chromiumOnce(html: string) {
  const t0 = performance.now();
  const s = await launchWithExtension();
  try {
    const installed = performance.now() - t0;
    await s.context.route(CHROMIUM_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(CHROMIUM_URL);
    await page.waitForFunction(marked, undefined, { timeout: 60_000 });
    return { installed, firstEffect: performance.now() - t0 };
  } finally {
    await s.close();
  }
}

export async function benchBrowserLaunch(): Promise<{ lines: string[] }> {
  if (noFirefox || noBrowser) return { lines: ['(skipped: needs both firefox-esr and chromium)'] };
  const html = reportPageHtml();
  const ff: { installed: number; firstEffect: number }[] = [];
  const cr: { installed: number; firstEffect: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    ff.push(await firefoxOnce(html));
    cr.push(await chromiumOnce(html));
  }
  const f = summarise(ff.map((r) => r.firstEffect));
  const c = summarise(cr.map((r) => r.firstEffect));
  const fi = summarise(ff.map((r) => r.installed));
  const ci = summarise(cr.map((r) => r.installed));
  return {
    lines: [
      `Runs: ${RUNS} each, alternating.`,
      `Firefox ESR: launch to extension installed p50 ${ms(fi.p50)}; launch to the report's first marks p50 ${ms(f.p50)} (max ${ms(f.max)})`,
      `Chromium: launch to extension loaded p50 ${ms(ci.p50)}; launch to the report's first marks p50 ${ms(c.p50)} (max ${ms(c.max)})`,
      `Firefox / Chromium, launch to first marks: ${(f.p50 / c.p50).toFixed(2)}x`,
    ],
  };
}
