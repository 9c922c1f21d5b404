/**
 * Tagging a batch of rows and splitting their words for the index: the import's costliest part
 * after reading, done by helper workers beside the import worker (lib/import/tag-worker.ts) so the
 * second core works too. Words come back as a batch dictionary and numbers into it, not a list of
 * strings per row: far less to copy between threads. Pure.
 */
import type { RowTagger, RowTags } from '../library/tag-row';
import { eachIndexTerm } from '../library/index-terms';

export interface TaggedBatch {
  tags: RowTags[];
  /** Distinct words of the batch. */
  terms: string[];
  /** Row r's distinct words are `termIds[offsets[r]] … termIds[offsets[r + 1] - 1]`, indexes into `terms`. */
  termIds: Uint32Array;
  offsets: Uint32Array;
  /** Words in each row's text (repeats counted), for ranking. */
  lengths: Uint16Array;
}

export function tagBatch(texts: readonly string[], tag: RowTagger): TaggedBatch {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const offsets = new Uint32Array(texts.length + 1);
  const lengths = new Uint16Array(texts.length);
  let termIds = new Uint32Array(texts.length * 64);
  let n = 0;
  const tags = texts.map((text, r) => {
    const seen = new Set<number>();
    let words = 0;
    eachIndexTerm(text, (t) => {
      words++;
      let id = ids.get(t);
      if (id === undefined) {
        ids.set(t, (id = terms.length));
        terms.push(t);
      }
      if (seen.has(id)) return;
      seen.add(id);
      if (n === termIds.length) {
        const bigger = new Uint32Array(termIds.length * 2);
        bigger.set(termIds);
        termIds = bigger;
      }
      termIds[n++] = id;
    });
    offsets[r + 1] = n;
    lengths[r] = Math.min(words, 0xffff);
    return tag(text);
  });
  return { tags, terms, termIds: termIds.slice(0, n), offsets, lengths };
}
