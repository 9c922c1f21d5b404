/**
 * A vocabulary that forgives typos: "convension" reads as "convention", "statue" as "statute".
 * Fuse.js proposes near spellings from the words of similar length; the edit distance decides,
 * so a long word never stands in for a short one. Answers are cached: while typing, only the
 * last word is new at each keystroke.
 */
import Fuse from 'fuse.js';
import { editDistance, typoAllowance } from './edit-distance';

export class TypoVocabulary {
  readonly words: ReadonlySet<string>;
  private readonly byLength = new Map<number, Fuse<string>>();
  private readonly sorted: string[];
  private readonly cache = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.sorted = [...this.words].sort();
    const buckets = new Map<number, string[]>();
    for (const w of this.words) {
      if (w.length < 4) continue;
      const list = buckets.get(w.length) ?? [];
      list.push(w);
      buckets.set(w.length, list);
    }
    for (const [len, list] of buckets) this.byLength.set(len, new Fuse(list, { includeScore: true, threshold: 0.4 }));
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The word itself when known, else the known words within its typo allowance (maybe none). */
  corrections(word: string): string[] {
    if (this.words.has(word)) return [word];
    const allowed = typoAllowance(word);
    if (allowed === 0) return [];
    let found = this.cache.get(word);
    if (!found) {
      found = [];
      for (let len = word.length - allowed; len <= word.length + allowed; len++) {
        for (const r of this.byLength.get(len)?.search(word, { limit: 8 }) ?? []) {
          if (editDistance(word, r.item, allowed) <= allowed) found.push(r.item);
        }
      }
      this.cache.set(word, found);
    }
    return found;
  }

  /** Known words starting with `prefix`, for the word still being typed; at most `limit`. */
  completions(prefix: string, limit = 40): string[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sorted.length && out.length < limit && this.sorted[i]!.startsWith(prefix); i++) {
      out.push(this.sorted[i]!);
    }
    return out;
  }
}
