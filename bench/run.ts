/** `npm run bench`: every figure the issues ask for, measured in one run on this machine. */
import { cpus } from 'node:os';
import { benchCatalogueSearch } from './catalogue-search';
import { benchLibrary } from './library';
import { benchActionCategory } from './action-category';
import { benchReviewsBackup } from './reviews-backup';
import { benchHighlight } from './highlight';
import { benchReader } from './reader';

console.log(`R2P Lens benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`);
console.log('\n## Catalogue search (Node)');
for (const line of benchCatalogueSearch().lines) console.log(line);

console.log('\n## Concept highlighting (Chromium)');
for (const line of (await benchHighlight()).lines) console.log(line);

console.log('\n## Backup validation before restore (Node)');
for (const line of benchReviewsBackup().lines) console.log(line);
console.log('\n## UPR Info action category (Node)');
for (const line of benchActionCategory().lines) console.log(line);

console.log('\n## PDF reader (Chromium)');
for (const line of (await benchReader()).lines) console.log(line);
console.log('\n## UPR recommendations library (Node, then Chromium)');
for (const line of (await benchLibrary()).lines) console.log(line);
