/**
 * `npm run bench`: every figure the issues ask for, measured in one run on this machine.
 * `npm run bench -- highlight reader`: only the sections whose names contain those words
 * (R2P_BENCH_QUICK=1 also leaves out the slowest comparison, mark.js used as documented).
 */
import { cpus } from 'node:os';
/* Each section is loaded only when it runs: a browser section's harness stops at import when its
 * build is missing, and that must not stop `npm run bench -- action` on a fresh clone. */
type Section = () => Promise<{ lines: string[] }>;
const sections: [string, Section][] = [
  ['Catalogue search (Node)', async () => (await import('./catalogue-search')).benchCatalogueSearch()],
  ['Concept highlighting (Chromium)', async () => (await import('./highlight')).benchHighlight()],
  ['Backup validation before restore (Node)', async () => (await import('./reviews-backup')).benchReviewsBackup()],
  ['Backup restore of 300,000 drafts (Chromium)', async () => (await import('./reviews-backup')).benchReviewsRestoreChromium()],
  ['UPR Info action category (Node)', async () => (await import('./action-category')).benchActionCategory()],
  ['PDF reader (Chromium)', async () => (await import('./reader')).benchReader()],
  ['UPR recommendations library (Node, then Chromium)', async () => (await import('./library')).benchLibrary()],
  ['Library at the size of the whole record: UHRI full JSON (Chromium)', async () => (await import('./library-uhri')).benchLibraryUhri()],
  ['Launch to first effect (Firefox and Chromium)', async () => (await import('./browser-launch')).benchBrowserLaunch()],
];

const wanted = process.argv.slice(2).map((w) => w.toLowerCase());
console.log(`R2P Lens benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`);
for (const [title, run] of sections) {
  if (wanted.length && !wanted.some((w) => title.toLowerCase().includes(w))) continue;
  console.log(`\n## ${title}`);
  for (const line of (await run()).lines) console.log(line);
}
