/**
 * Concept highlighting in Chromium, on pages built from the five UPR reports (and one four times
 * larger), side by side in one run on the same page and term list:
 * - ours: the content script's PageController (text index + matcher + CSS highlights), its first
 *   pass on a freshly loaded page (cold: the engine has not optimised the matcher yet), from
 *   its start to its last slice's end, with the time it worked and its longest slice beside it;
 * - mark.js as documented for a term list, which the speed goal is judged against:
 *   `mark(terms, { separateWordSearch: false, accuracy: exactly (punctuation as limiters) })`,
 *   once for labels and variants, once case-sensitively for acronyms;
 * - mark.js's fastest trick, shown beside it: one markRegExp alternation of all terms (whole
 *   words, plural endings). Both within text nodes only: with `acrossElements` (needed to find
 *   "crimes against <em>humanity</em>", which ours does) it had not finished after 10 minutes;
 * - the floor, which the "at most 3x" goal is judged against: a bare TreeWalker pass that only
 *   reads every text node. Beside it, our text index alone (the same walk, also skipping hidden
 *   text, code and form fields as any honest highlighter must, and joining the text).
 * The documented usage takes one to several minutes per page here, so it gets a single round.
 * Then: 200 paragraphs added to a highlighted page (the incremental pass, from its User Timing
 * measure), passes over 2 s of idling (should be 0), and the built content script's size.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { knowledgeBase } from '../lib/catalogue/knowledge';
import { escapeRegExp } from '../lib/text/normalize';
import { manyNodesPageHtml } from '../tests/fixtures/many-nodes-page';
import { paragraphHtml, reportPageHtml, reportParagraphs } from '../tests/fixtures/report-page';
import { CHROMIUM } from './chromium';
import { benchTableHandover } from './highlight-table';
import { median, ms } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
/** One figure over another, as printed beside them. */
const ratio = (a: number, b: number, digits = 1) => `${(a / b).toFixed(digits)}x`;

async function pageScript(): Promise<string> {
  const out = await build({ entryPoints: [resolve(ROOT, 'bench/highlight-page.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

/** One alternation per case mode, longest first, hyphen/space interchangeable, optional plural ending. */
function termSources(terms: string[]): string {
  const alts = [...new Set(terms)].sort((a, b) => b.length - a.length).map((t) => escapeRegExp(t).replace(/[\s-]+/g, '[\\s\\-]+'));
  return `\\b(?:${alts.join('|')})(?:s|es)?\\b`;
}

/** The default colours, which the browser injects with the content script before styling the page. */
const INJECTED_CSS = readFileSync(resolve(ROOT, 'lib/highlight/highlight-colours.css'), 'utf8');

/**
 * A new page each time: setContent keeps the window, and with it a previous run's observer.
 * `injected`: the page has the default colours from the start, as a page the content script is
 * declared for does; without, the painter adopts its stylesheet at the first paint (as it does on
 * a page highlighted on demand, and as it did everywhere before).
 */
async function fresh(browser: Browser, html: string, script: string, { injected = true } = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(injected ? html.replace('</head>', `<style>${INJECTED_CSS}</style></head>`) : html, { waitUntil: 'load' });
  // tsx (esbuild keepNames) wraps named functions in __name(); the evaluated snippets need it.
  await page.addScriptTag({ content: 'window.__name = (f) => f;' });
  await page.addScriptTag({ content: script });
  await page.addScriptTag({ path: resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js') });
  return page;
}

/** mark.js's "exactly" needs the punctuation that may bound a word listed; our matcher knows it. */
const LIMITERS = [',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '"', "'", '\u2018', '\u2019', '\u201C', '\u201D', '/', '-', '\u2013', '\u2014'];

type MarkCtor = new (el: Element) => {
  mark(terms: string[], o: object): void;
  markRegExp(re: RegExp, o: object): void;
};

/** mark.js used the documented way for a list of terms and phrases. */
async function markDocumented(page: Page, terms: { words: string[]; acronyms: string[] }) {
  return page.evaluate(
    ({ words, acronyms, limiters }) =>
      new Promise<{ ms: number; n: number }>((done) => {
        const ctx = new (window as unknown as { Mark: MarkCtor }).Mark(document.body);
        const options = { separateWordSearch: false, accuracy: { value: 'exactly', limiters }, acrossElements: false };
        const t0 = performance.now();
        let n = 0;
        ctx.mark(words, {
          ...options,
          caseSensitive: false,
          each: () => n++,
          done: () =>
            ctx.mark(acronyms, {
              ...options,
              caseSensitive: true,
              each: () => n++,
              done: () => done({ ms: performance.now() - t0, n }),
            }),
        });
      }),
    { ...terms, limiters: LIMITERS },
  );
}

/** mark.js's fastest use: one alternation per case mode, in a single markRegExp pass each. */
async function markAlternation(page: Page, terms: { words: string[]; acronyms: string[] }) {
  return page.evaluate(
    ({ words, acronyms }) =>
      new Promise<{ ms: number; n: number }>((done) => {
        const ctx = new (window as unknown as { Mark: MarkCtor }).Mark(document.body);
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
}

const frame = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function measure(browser: Browser, html: string, script: string, rounds: number, documentedRounds: number) {
  const ours: number[] = [];
  const screen: number[] = [];
  const screenShown: number[] = [];
  const screenMiddle: number[] = [];
  let screenHits = { top: 0, middle: 0 };
  const oursBusy: number[] = [];
  const longestSlice: number[] = [];
  const slices: number[] = [];
  const alternation: number[] = [];
  const documented: number[] = [];
  const bare: number[] = [];
  const indexOnly: number[] = [];
  let hits = 0;
  let marked = { alternation: 0, documented: 0 };
  let loadMs = 0;
  let phases: Record<string, number> = {};
  let coldPhases: Record<string, number> = {};
  // The same terms the shipped table was compiled from (data/concepts.json).
  const concepts = knowledgeBase().concepts;
  const terms = { words: concepts.flatMap((c) => [c.label, ...c.variants]), acronyms: concepts.flatMap((c) => c.acronyms) };
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
    screen.push(r.screenMs);
    screenShown.push(r.screenShownMs);
    screenHits.top = r.screenHits;
    oursBusy.push(r.busyMs);
    longestSlice.push(r.longestSliceMs);
    slices.push(r.slices);
    hits = r.hits;
    if (i === 0) phases = await page.evaluate(() => window.r2pBench.phases());
    indexOnly.push(await page.evaluate(() => window.r2pBench.indexOnly()));
    await frame(page);
    await page.close();

    // The reader halfway down the page (a link to a paragraph): the blocks there come first.
    page = await fresh(browser, html, script);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await frame(page);
    await page.evaluate(() => window.r2pBench.load());
    const rm = await page.evaluate(() => window.r2pBench.highlight());
    screenMiddle.push(rm.screenMs);
    screenHits.middle = rm.screenHits;
    await page.close();

    if (i === 0) {
      page = await fresh(browser, html, script);
      await page.evaluate(() => window.r2pBench.load());
      coldPhases = await page.evaluate(() => window.r2pBench.coldPhases());
      await page.close();
    }

    page = await fresh(browser, html, script);
    const m = await markAlternation(page, terms);
    alternation.push(m.ms);
    marked.alternation = m.n;
    await page.close();

    if (i < documentedRounds) {
      page = await fresh(browser, html, script);
      const d = await markDocumented(page, terms);
      documented.push(d.ms);
      marked = { ...marked, documented: d.n };
      await page.close();
    }
  }
  return {
    ours: median(ours),
    screen: median(screen),
    screenShown: median(screenShown),
    screenMiddle: median(screenMiddle),
    screenHits,
    oursBusy: median(oursBusy),
    longestSlice: median(longestSlice),
    slices: median(slices),
    documented: documented.length ? median(documented) : undefined,
    alternation: median(alternation),
    bare: median(bare),
    indexOnly: median(indexOnly),
    hits,
    marked,
    loadMs,
    phases,
    coldPhases,
  };
}

/**
 * A page that changes its own text every frame (a ticker, a live app) while highlighted: frame
 * intervals over 90 frames, without the highlighter, then with it (after its first pass). Each
 * change makes an incremental pass, and the browser rebuilds the marks of every registered range.
 */
async function changingFrames(browser: Browser, html: string, script: string, mode: 'off' | 'ours' | 'all registered'): Promise<{ p50: number; p95: number }> {
  const page = await fresh(browser, html, script);
  if (mode !== 'off') await page.evaluate(async () => (await window.r2pBench.load(), await window.r2pBench.highlight()));
  if (mode === 'all registered') await page.evaluate(() => window.r2pBench.registerAll());
  await frame(page);
  const times = await page.evaluate(async () => {
    const main = document.querySelector('main')!;
    const tick = document.createElement('p');
    main.prepend(tick);
    const out: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 90; i++) {
      tick.textContent = `Update ${i}: reports of war crimes and torture.`;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      out.push(now - last);
      last = now;
    }
    return out.slice(5);
  });
  await page.close();
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

/**
 * The first pass as the reader lives it, with the default colours injected before the page was
 * styled and with them adopted at the first paint (which restyles the whole page in that frame),
 * alternating, medians of `rounds` each: from its start to the frame that shows the screen's
 * marks, and the longest gap in the page's own 20 ms timer while it runs.
 */
async function firstPassLived(browser: Browser, html: string, script: string, rounds: number) {
  const runs = { injected: { drawn: [] as number[], gap: [] as number[] }, adopted: { drawn: [] as number[], gap: [] as number[] } };
  for (let i = 0; i < rounds; i++) {
    for (const injected of [true, false]) {
      const page = await fresh(browser, html, script, { injected });
      await frame(page);
      await page.evaluate(() => window.r2pBench.load());
      const r = await page.evaluate(async () => {
        const ticks: number[] = [];
        const timer = setInterval(() => ticks.push(performance.now()), 20);
        await new Promise((done) => setTimeout(done, 100));
        const t0 = performance.now();
        const h = await window.r2pBench.highlight();
        const t1 = t0 + h.ms;
        clearInterval(timer);
        let gap = 0;
        for (let k = 1; k < ticks.length; k++) if (ticks[k]! > t0 && ticks[k - 1]! < t1) gap = Math.max(gap, ticks[k]! - ticks[k - 1]!);
        return { drawn: h.screenShownMs, gap };
      });
      const into = runs[injected ? 'injected' : 'adopted'];
      into.drawn.push(r.drawn);
      into.gap.push(r.gap);
      await page.close();
    }
  }
  const med = (r: { drawn: number[]; gap: number[] }) => ({ drawn: median(r.drawn), gap: median(r.gap) });
  return { injected: med(runs.injected), adopted: med(runs.adopted) };
}

async function incremental(browser: Browser, html: string, script: string) {
  const page = await fresh(browser, html, script);
  await page.evaluate(async () => {
    await window.r2pBench.load();
    await window.r2pBench.highlight();
  });
  const added = reportParagraphs().slice(0, 200).map(paragraphHtml).join('');
  const result = await page.evaluate(async (addedHtml) => {
    const main = document.querySelector('main')!;
    const before = performance.getEntriesByName('r2p:pass', 'measure').length;
    main.insertAdjacentHTML('beforeend', addedHtml);
    // The pass runs right after the next paint: wait for its measure (a few frames at most).
    for (let i = 0; i < 30 && performance.getEntriesByName('r2p:pass', 'measure').length === before; i++)
      await new Promise((r) => requestAnimationFrame(r));
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
  const executablePath = CHROMIUM;
  if (!executablePath) return { lines: ['skipped: no Chromium (set CHROMIUM_PATH)'] };
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  const lines: string[] = [];
  try {
    const script = await pageScript();
    for (const copies of [1, 4]) {
      const html = reportPageHtml({ copies });
      // R2P_BENCH_QUICK=1 leaves out mark.js's documented use (minutes) while working on ours.
      const r = await measure(browser, html, script, copies === 1 ? 5 : 3, process.env.R2P_BENCH_QUICK ? 0 : 1);
      lines.push(`${copies === 1 ? 'five reports' : 'four times larger'} (${(html.length / 1024).toFixed(0)} KB HTML), medians, one run:`);
      lines.push(
        `  ours, the screen the reader looks at highlighted (first part of the first pass): at the top ${ms(r.screen)} (${r.screenHits.top} hits), ` +
          `halfway down ${ms(r.screenMiddle)} (${r.screenHits.middle} hits); drawn on screen (the next frame) at ${ms(r.screenShown)} from the start`,
      );
      lines.push(
        `  ours, the whole first pass on a fresh page: ${ms(r.ours)} (${r.hits} hits), in ${r.slices} slices: working ${ms(r.oursBusy)}, ` +
          `longest slice ${ms(r.longestSlice)} (the page runs between slices)`,
      );
      lines.push(
        r.documented === undefined
          ? '  mark.js, documented use: left out (R2P_BENCH_QUICK)'
          : `  mark.js, documented use (mark(terms, exactly, separateWordSearch: false)): ${ms(r.documented)} (${r.marked.documented} marks, ` +
              `one round: it takes minutes) -> mark.js/ours ${ratio(r.documented, r.ours)} (goal >= 20x, judged on this one)`,
      );
      lines.push(
        `  mark.js, fastest trick (one markRegExp alternation): ${ms(r.alternation)} (${r.marked.alternation} marks) -> mark.js/ours ${ratio(r.alternation, r.ours)}`,
      );
      lines.push(
        `  bare TreeWalker text pass (the floor): ${ms(r.bare)} -> screen/floor ${ratio(r.screen, r.bare)} at the top, ${ratio(r.screenMiddle, r.bare)} halfway ` +
          `(goal <= 3x); whole pass/floor ${ratio(r.ours, r.bare)}`,
      );
      lines.push(
        `  our text index alone (same walk, skipping hidden text, code and fields, joining the text): ${ms(r.indexOnly)} (warm) -> ours/index ${ratio(r.ours, r.indexOnly)}`,
      );
      const byPhase = (p: Record<string, number>) =>
        `${Object.entries(p).map(([k, v]) => `${k} ${ms(v)}`).join(', ')} (total ${ms(Object.values(p).reduce((a, b) => a + b, 0))})`;
      lines.push(`  first pass by phase (another fresh page): ${byPhase(r.coldPhases)}`);
      lines.push(`  warm pass by phase (median of 5): ${byPhase(r.phases)}`);
      if (copies === 1) lines.push(`  shipped table unpack + matcher set-up and warm-up at content-script start: ${ms(r.loadMs)} (once per page, before the first pass)`);
    }
    const incs = [];
    for (let i = 0; i < 3; i++) incs.push(await incremental(browser, reportPageHtml(), script));
    const inc = incs.sort((a, b) => a.ms - b.ms)[1]!;
    lines.push(
      `200 paragraphs added to a highlighted page: ${inc.kind} pass ${ms(inc.ms)} (median of 3: ${incs.map((i) => ms(i.ms)).join(', ')}), ${inc.added} new hits (goal <= 16 ms)`,
    );
    lines.push(`idle: ${inc.idlePasses} passes in 2 s with no DOM change (goal 0)`);
    for (const [name, html] of [['five reports', reportPageHtml()], ['200,000 text nodes', manyNodesPageHtml()]] as const) {
      const d = await firstPassLived(browser, html, script, 5);
      lines.push(
        `first pass lived, ${name}: screen's marks drawn (pass start to the next frame) ${ms(d.injected.drawn)}, longest gap in the page's 20 ms timer ` +
          `${ms(d.injected.gap)}; with the stylesheet adopted at the first paint, as before: drawn ${ms(d.adopted.drawn)} ` +
          `(${ratio(d.adopted.drawn, d.injected.drawn, 2)}), gap ${ms(d.adopted.gap)} (${ratio(d.adopted.gap, d.injected.gap, 2)})`,
      );
    }
    const large = reportPageHtml({ copies: 4 });
    const bare = await changingFrames(browser, large, script, 'off');
    const lit = await changingFrames(browser, large, script, 'ours');
    const all = await changingFrames(browser, large, script, 'all registered');
    const f = (r: { p50: number; p95: number }) => `p50 ${ms(r.p50)}, p95 ${ms(r.p95)} (${ratio(r.p50, bare.p50, 2)})`;
    lines.push(
      `frames on a page that changes its text every frame, four times larger page: without the highlighter p50 ${ms(bare.p50)}, ` +
        `p95 ${ms(bare.p95)}; highlighted, painting near the viewport ${f(lit)}; with every range registered, as before ${f(all)}`,
    );
  } finally {
    await browser.close();
  }
  lines.push(...(await benchTableHandover(ROOT)));
  const outDir = resolve(ROOT, process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3/content-scripts/content.js');
  lines.push(
    existsSync(outDir)
      ? `content script bundle: ${(statSync(outDir).size / 1024).toFixed(1)} KB minified (goal < 60 KB); React inside: ${/react\.(transitional\.)?element/.test(readFileSync(outDir, 'utf8')) ? 'yes' : 'no'}`
      : `content script bundle: not built (run npm run build first)`,
  );
  return { lines };
}
