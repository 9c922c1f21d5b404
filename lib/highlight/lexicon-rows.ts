/**
 * The lexicon as the content script ships it: one row per concept, its terms only (no
 * definitions, no links), gzipped and base64-encoded by scripts/compile-lexicon.ts into
 * lib/concepts-compiled/lexicon-data.ts. Unpacking it and compiling the matcher's tries takes a
 * few milliseconds at start, and keeps the content script far below its 60 KB budget (the
 * compiled tries as JSON alone would be 68 KB).
 */
import type { Concept } from '../catalogue/schema';
import { compileLexicon, type CompiledLexicon } from '../concepts/compile';
import { matchConcepts } from '../concepts/match';

/** [id, category, labels and variants joined by "\n", acronyms joined by "\n"]. */
export type LexiconRow = [string, string, string, string];

export function rowsOf(concepts: readonly Concept[]): LexiconRow[] {
  return concepts.map((c) => [c.id, c.category, [c.label, ...c.variants].join('\n'), c.acronyms.join('\n')]);
}

export interface ShippedLexicon {
  lexicon: CompiledLexicon;
  categoryOf: Map<string, string>;
}

export function lexiconFromRows(rows: readonly LexiconRow[]): ShippedLexicon {
  const split = (s: string) => (s ? s.split('\n') : []);
  const entries = rows.map(([id, , terms, acronyms]) => {
    const [label = '', ...variants] = split(terms);
    return { id, label, variants, acronyms: split(acronyms) };
  });
  return { lexicon: compileLexicon(entries), categoryOf: new Map(rows.map(([id, cat]) => [id, cat])) };
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export async function unpackRows(gzBase64: string): Promise<LexiconRow[]> {
  const stream = new Blob([fromBase64(gzBase64) as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  const rows: unknown = JSON.parse(await new Response(stream).text());
  if (!Array.isArray(rows)) throw new Error('The shipped concept table is damaged.');
  return rows as LexiconRow[];
}

/**
 * The shipped table (LEXICON_GZ_BASE64; a parameter, so the script that generates it can import
 * this module before it exists), ready to match: unpacked, compiled, and run once on a short text so the
 * matcher builds its lookup maps now rather than during the page's first pass.
 */
export async function loadShippedLexicon(gzBase64: string): Promise<ShippedLexicon> {
  const shipped = lexiconFromRows(await unpackRows(gzBase64));
  matchConcepts('crimes against humanity', shipped.lexicon);
  return shipped;
}
