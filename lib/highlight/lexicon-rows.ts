/**
 * The lexicon as the content script gets it: the matcher's tries, compiled at build time by
 * scripts/compile-lexicon.ts (terms only: no definitions, no links), plus each concept's
 * category, gzipped and base64-encoded into lib/concepts-compiled/lexicon-data.ts (about 17 KB).
 * The background bundles it and hands it over ('highlight/lexicon'), so the script injected in
 * every UN page stays small. At start the content script only unpacks and parses it (native
 * calls): nothing is tokenised, folded or compiled on the page.
 */
import type { Concept } from '../catalogue/schema';
import { compileLexicon, deserializeLexicon, type CompiledLexicon } from '../concepts/compile';
import { matchConcepts } from '../concepts/match';

/** What lexicon-data.ts holds: `categories[i]` is the category of `lexicon.concepts[i]`. */
export interface ShippedTable {
  lexicon: CompiledLexicon;
  categories: string[];
}

export function shippedTableOf(concepts: readonly Concept[]): ShippedTable {
  return { lexicon: compileLexicon(concepts), categories: concepts.map((c) => c.category) };
}

export interface ShippedLexicon {
  lexicon: CompiledLexicon;
  categoryOf: Map<string, string>;
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export async function unpackTable(gzBase64: string): Promise<ShippedTable> {
  const stream = new Blob([fromBase64(gzBase64) as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  const table = JSON.parse(await new Response(stream).text()) as Partial<ShippedTable> | null;
  const lexicon = deserializeLexicon(table?.lexicon);
  if (!Array.isArray(table?.categories) || table.categories.length !== lexicon.concepts.length) {
    throw new Error('The shipped concept table is damaged.');
  }
  return { lexicon, categories: table.categories };
}

/**
 * The shipped table (LEXICON_GZ_BASE64; a parameter, so the script that generates it can import
 * this module before it exists), ready to match: unpacked, and run once on a short text so the
 * matcher builds its lookup maps now rather than during the page's first pass.
 */
export async function loadShippedLexicon(gzBase64: string): Promise<ShippedLexicon> {
  const { lexicon, categories } = await unpackTable(gzBase64);
  matchConcepts('crimes against humanity', lexicon);
  return { lexicon, categoryOf: new Map(lexicon.concepts.map((id, i) => [id, categories[i]!])) };
}
