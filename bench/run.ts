/** `npm run bench`: every figure the issues ask for, measured in one run on this machine. */
import { cpus } from 'node:os';
import { benchCatalogueSearch } from './catalogue-search';

console.log(`R2P Lens benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`);
console.log('\n## Catalogue search (Node)');
for (const line of benchCatalogueSearch().lines) console.log(line);
