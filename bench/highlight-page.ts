/**
 * Runs inside the benchmark page (bundled by bench/highlight.ts with esbuild): the content
 * script's own PageController on the shipped lexicon, plus the bare text pass it is compared with.
 */
import { LEXICON_GZ_BASE64 } from '../lib/concepts-compiled/lexicon-data';
import { matchConcepts } from '../lib/concepts/match';
import { loadShippedLexicon } from '../lib/highlight/lexicon-rows';
import { PageController } from '../lib/highlight/page-controller';
import { spansToRanges } from '../lib/highlight/ranges';
import { indexText } from '../lib/highlight/text-index';
import { DEFAULT_SETTINGS } from '../lib/settings/highlight-settings';

declare global {
  interface Window {
    r2pBench: typeof api;
  }
}

let controller: PageController | undefined;

/** One pass split into the content script's phases: text index, matcher, ranges, painting. */
function passByPhase(lexicon: Awaited<ReturnType<typeof loadShippedLexicon>>['lexicon']): Record<string, number> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const d = now - t;
    t = now;
    return d;
  };
  const index = indexText(document);
  const indexMs = lap();
  const matches = matchConcepts(index.text, lexicon);
  const matchMs = lap();
  const mapped = spansToRanges(index, matches);
  const rangesMs = lap();
  const h = new Highlight(...mapped.map((m) => m.range));
  CSS.highlights.set('r2p-bench', h);
  CSS.highlights.delete('r2p-bench');
  return { index: indexMs, match: matchMs, ranges: rangesMs, paint: lap() };
}

const api = {
  /** Unpacking the shipped (build-time compiled) table and setting up the matcher (once per page load). */
  async load(): Promise<number> {
    const t0 = performance.now();
    const { lexicon, categoryOf } = await loadShippedLexicon(LEXICON_GZ_BASE64);
    const ms = performance.now() - t0;
    controller = new PageController(document, {
      match: (text) => matchConcepts(text, lexicon),
      categoryOf: (id) => categoryOf.get(id),
      details: async () => null,
      openInPanel: async () => {},
      addToEvidence: async () => {},
      report: () => {},
    });
    controller.applySettings(DEFAULT_SETTINGS);
    return ms;
  },
  /**
   * Index + match + paint of the whole page, in the slices the content script cuts it into;
   * returns the wall time (pauses between slices included), the time spent working, the
   * longest slice and the hit count.
   */
  async highlight(): Promise<{
    ms: number;
    busyMs: number;
    longestSliceMs: number;
    slices: number;
    hits: number;
    screenMs: number;
    screenShownMs: number;
    screenHits: number;
    screenBlocks: number;
  }> {
    const t0 = performance.now();
    controller!.start();
    // The reader sees the screen's marks once the next frame is drawn: a message posted from its
    // animation-frame callback runs after that frame's style, layout and paint.
    const shown = new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (resolve(performance.now() - t0), ch.port1.close());
        ch.port2.postMessage(null);
      }),
    );
    const info = await controller!.firstPass!;
    const ms = performance.now() - t0;
    const screenShownMs = await shown;
    // From the call to the moment the blocks on screen were painted (the pass's own mark).
    const screenMark = performance.getEntriesByName('r2p:pass:screen', 'mark').at(-1);
    return {
      ms,
      busyMs: info.busyMs ?? ms,
      longestSliceMs: info.longestSliceMs ?? ms,
      slices: info.slices ?? 1,
      hits: controller!.store!.size,
      screenMs: screenMark ? screenMark.startTime - t0 : NaN,
      screenShownMs,
      screenHits: info.screen?.added ?? 0,
      screenBlocks: info.screen?.blocks ?? 0,
    };
  },
  /**
   * Registers every hit's range under one more name, as painting without the near-viewport
   * limit did: the browser then rebuilds all of them in each frame where a highlight changes.
   */
  registerAll() {
    CSS.highlights.set('r2p-bench-all', new Highlight(...[...controller!.store!.hits()].map((h) => h.range)));
  },
  stop() {
    controller?.stop();
  },
  /** Where a warm pass spends its time (run after highlight(); median of 5). */
  async phases(): Promise<Record<string, number>> {
    const { lexicon } = await loadShippedLexicon(LEXICON_GZ_BASE64);
    const runs: Record<string, number>[] = [];
    for (let i = 0; i < 5; i++) runs.push(passByPhase(lexicon));
    const med = (k: string) => runs.map((r) => r[k]!).sort((a, b) => a - b)[2]!;
    return { index: med('index'), match: med('match'), ranges: med('ranges'), paint: med('paint') };
  },
  /** The same split for the first pass on a fresh page (after load(), instead of highlight()). */
  async coldPhases(): Promise<Record<string, number>> {
    const { lexicon } = await loadShippedLexicon(LEXICON_GZ_BASE64);
    return passByPhase(lexicon);
  },
  /** Our text index alone (warm), the practical floor beside the bare TreeWalker pass. */
  indexOnly(): number {
    const t0 = performance.now();
    const index = indexText(document);
    return index.nodes.length >= 0 ? performance.now() - t0 : 0;
  },
};

window.r2pBench = api;

export {};
