/**
 * Writes lib/highlight/highlight-colours.css: the ::highlight() rules for the default colours,
 * which the browser injects with the content script before the page is first styled (see
 * lib/highlight/painter.ts). Run after changing the default colours or the rules:
 * `node --import tsx scripts/write-highlight-css.ts`. A unit test fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { shippedHighlightCss } from '../lib/highlight/painter';

const file = resolve(import.meta.dirname, '../lib/highlight/highlight-colours.css');
writeFileSync(file, shippedHighlightCss());
console.log(`wrote ${file}`);
