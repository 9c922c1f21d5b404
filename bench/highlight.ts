/**
 * Concept highlighting in Chromium, on pages built from the five UPR reports (and one four times
 * larger), side by side in one run on the same page and term list:
 * - ours: the content script's PageController (text index + matcher + CSS highlights);
 * - mark.js: one markRegExp pass over the same terms (alternation, whole words, plural endings),
 *   the fastest way to use it. Within text nodes only: with `acrossElements` (needed to find
 *   "crimes against <em>humanity</em>", which ours does) it had not finished after 10 minutes;
 * - the floor: a bare TreeWalker pass that only reads every text node.
 * Then: 200 paragraphs added to a highlighted page (the incremental pass, from its User Timing
 * measure), passes over 2 s of idling (should be 0), and the built content script's size.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { paragraphHtml, reportPageHtml, reportParagraphs } from '../tests/fixtures/report-page';
import { ms } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const findChromium = () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function pageScript(): Promise<string> {
  const out = await build({ entryPoints: [resolve(ROOT, 'bench/highlight-page.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One alternation per case mode, longest first, hyphen/space interchangeable, optional plural ending. */
function termSources(terms: string[]): string {
  const alts = [...new Set(terms)].sort((a, b) => b.length - a.length).map((t) => escapeRe(t).replace(/[\s-]+/g, '[\\s\\-]+'));
  return `\\b(?:${alts.join('|')})(?:s|es)?\\b`;
}

/** A new page each time: setContent keeps the window, and with it a previous run's observer. */
async function fresh(browser: Browser, html: string, script: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  // tsx (esbuild keepNames) wraps named functions in __name(); the evaluated snippets need it.
  await page.addScriptTag({ content: 'window.__name = (f) => f;' });
  await page.addScriptTag({ content: script });
  await page.addScriptTag({ path: resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js') });
  return page;
}

const frame = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function measure(browser: Browser, html: string, script: string, rounds: number) {
  const ours: number[] = [];
  const marks: number[] = [];
  const bare: number[] = [];
  let hits = 0;
  let marked = 0;
  let loadMs = 0;
  let phases: Record<string, number> = {};
  let terms = { words: [] as string[], acronyms: [] as string[] };
  for (let i = 0; i < rounds; i++) {
    let page = await fresh(browser, html, script);
    bare.push(
      await page.evaluate(() => {
        const t0 = performance.now();
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let n = 0;
        for (let t = w.nextNode(); t; t = w.nextNode()) n += (t as Text).data.length;
        return n >= 0 ? performance.now() - t0 : 0;
      }),
    );
    loadMs = await page.evaluate(() => window.r2pBench.load());
    const r = await page.evaluate(() => window.r2pBench.highlight());
    ours.push(r.ms);
    hits = r.hits;
    if (i === 0) phases = await page.evaluate(() => window.r2pBench.phases());
    await frame(page);
    terms = await page.evaluate(() => window.r2pBench.terms());

    await page.close();
    page = await fresh(browser, html, script);
    const m = await page.evaluate(
      ({ words, acronyms }) =>
        new Promise<{ ms: number; n: number }>((done) => {
          const ctx = new (window as unknown as { Mark: new (el: Element) => { markRegExp(re: RegExp, o: object): void } }).Mark(document.body);
          const t0 = performance.now();
          let n = 0;
          ctx.markRegExp(new RegExp(words, 'gi'), {
            acrossElements: false,
            each: () => n++,
            done: () =>
              ctx.markRegExp(new RegExp(acronyms, 'g'), {
                acrossElements: false,
                each: () => n++,
                done: () => done({ ms: performance.now() - t0, n }),
              }),
          });
        }),
      { words: termSources(terms.words), acronyms: termSources(terms.acronyms) },
    );
    marks.push(m.ms);
    marked = m.n;
    await page.close();
  }
  return { ours: median(ours), mark: median(marks), bare: median(bare), hits, marked, loadMs, phases };
}

async function incremental(browser: Browser, html: string, script: string) {
  const page = await fresh(browser, html, script);
  await page.evaluate(async () => {
    await window.r2pBench.load();
    window.r2pBench.highlight();
  });
  const added = reportParagraphs().slice(0, 200).map(paragraphHtml).join('');
  const result = await page.evaluate(async (addedHtml) => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', addedHtml);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const m = performance.getEntriesByName('r2p:pass', 'measure').at(-1) as PerformanceMeasure;
    const detail = m.detail as { kind: string; added: number };
    // Idle: count passes while nothing changes.
    let passes = 0;
    const obs = new PerformanceObserver((l) => (passes += l.getEntriesByName('r2p:pass:start').length));
    obs.observe({ entryTypes: ['mark'] });
    await new Promise((r) => setTimeout(r, 2000));
    obs.disconnect();
    return { ms: m.duration, kind: detail.kind, added: detail.added, idlePasses: passes };
  }, added);
  await page.close();
  return result;
}

export async function benchHighlight(): Promise<{ lines: string[] }> {
  const executablePath = findChromium();
  if (!executablePath) return { lines: ['skipped: no Chromium (set CHROMIUM_PATH)'] };
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  const lines: string[] = [];
  try {
    const script = await pageScript();
    for (const copies of [1, 4]) {
      const html = reportPageHtml({ copies });
      const r = await measure(browser, html, script, copies === 1 ? 5 : 3);
      lines.push(
        `${copies === 1 ? 'five reports' : 'four times larger'} (${(html.length / 1024).toFixed(0)} KB HTML): ` +
          `ours ${ms(r.ours)} (${r.hits} hits) | mark.js ${ms(r.mark)} (${r.marked} marks) | bare text pass ${ms(r.bare)} | ` +
          `mark.js/ours ${(r.mark / r.ours).toFixed(1)}x (goal >= 20x) | ours/bare ${(r.ours / r.bare).toFixed(1)}x (goal <= 3x)`,
      );
      lines.push(`  warm pass by phase: ${Object.entries(r.phases).map(([k, v]) => `${k} ${ms(v)}`).join(', ')} (first pass on a fresh page is cold: JIT, tries built on first match)`);
      if (copies === 1) lines.push(`lexicon unpack + compile + matcher warm-up at content-script start: ${ms(r.loadMs)} (once per page, before the first pass)`);
    }
    const inc = await incremental(browser, reportPageHtml(), script);
    lines.push(`200 paragraphs added to a highlighted page: ${inc.kind} pass ${ms(inc.ms)}, ${inc.added} new hits (goal <= 16 ms)`);
    lines.push(`idle: ${inc.idlePasses} passes in 2 s with no DOM change (goal 0)`);
  } finally {
    await browser.close();
  }
  const outDir = resolve(ROOT, process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3/content-scripts/content.js');
  lines.push(
    existsSync(outDir)
      ? `content script bundle: ${(statSync(outDir).size / 1024).toFixed(1)} KB minified (goal < 60 KB); React inside: ${/react\.(transitional\.)?element/.test(readFileSync(outDir, 'utf8')) ? 'yes' : 'no'}`
      : `content script bundle: not built (run npm run build first)`,
  );
  return { lines };
}
