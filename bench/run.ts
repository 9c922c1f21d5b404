/**
 * `npm run bench`: every figure the issues ask for, measured in one run on this machine.
 * `npm run bench -- highlight reader`: only the sections whose names contain those words
 * (R2P_BENCH_QUICK=1 also leaves out the slowest comparison, mark.js used as documented).
 */
import { cpus } from 'node:os';
import { benchCatalogueSearch } from './catalogue-search';
import { benchLibrary } from './library';
import { benchLibraryUhri } from './library-uhri';
import { benchActionCategory } from './action-category';
import { benchReviewsBackup, benchReviewsRestoreChromium } from './reviews-backup';
import { benchHighlight } from './highlight';
import { benchReader } from './reader';
import { benchBrowserLaunch } from './browser-launch';

const sections: [string, () => { lines: string[] } | Promise<{ lines: string[] }>][] = [
  ['Catalogue search (Node)', benchCatalogueSearch],
  ['Concept highlighting (Chromium)', benchHighlight],
  ['Backup validation before restore (Node)', benchReviewsBackup],
  ['Backup restore of 300,000 drafts (Chromium)', benchReviewsRestoreChromium],
  ['UPR Info action category (Node)', benchActionCategory],
  ['PDF reader (Chromium)', benchReader],
  ['UPR recommendations library (Node, then Chromium)', benchLibrary],
  ['Library at the size of the whole record: UHRI full JSON (Chromium)', benchLibraryUhri],
  ['Launch to first effect (Firefox and Chromium)', benchBrowserLaunch],
];

const wanted = process.argv.slice(2).map((w) => w.toLowerCase());
console.log(`R2P Lens benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`);
for (const [title, run] of sections) {
  if (wanted.length && !wanted.some((w) => title.toLowerCase().includes(w))) continue;
  console.log(`\n## ${title}`);
  for (const line of (await run()).lines) console.log(line);
}
