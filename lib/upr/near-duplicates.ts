/**
 * Near-duplicate drafts: two recommendations that ask for the same thing in nearly the same words
 * (to merge), and the earlier recommendation a new draft repeats (to mark "as recommended
 * previously"). Similarity mixes stemmed content words with word pairs, so "Ratify the Optional
 * Protocol to the Convention against Torture" and "... on the Rights of the Child" stay apart.
 */
import { words } from '../text/normalize';
import { stem } from '../text/stem';

export interface Draft {
  id: string;
  text: string;
}

export interface DuplicatePair {
  a: string;
  b: string;
  /** 0 (nothing shared) to 1 (the same content words in the same order). */
  similarity: number;
}

/** Close enough to be the same recommendation reworded; below it, related but distinct. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.75;

const STOPWORDS = new Set([
  'the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'on', 'for', 'its', 'their', 'with', 'by', 'that', 'as',
  'at', 'from', 'be', 'is', 'are', 'this', 'these', 'those', 'which', 'it', 'all', 'any', 'such', 'into',
  'further', 'also', 'including', 'inter', 'alia', 'state', 'government', 'recommended', 'recommends',
]);

interface Fingerprint {
  unigrams: Set<string>;
  bigrams: Set<string>;
}

function fingerprint(text: string): Fingerprint {
  const content = words(text).filter((w) => !STOPWORDS.has(w)).map(stem);
  const bigrams = new Set<string>();
  for (let i = 1; i < content.length; i++) bigrams.add(`${content[i - 1]} ${content[i]}`);
  return { unigrams: new Set(content), bigrams };
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function compare(a: Fingerprint, b: Fingerprint): number {
  if (a.unigrams.size === 0 || b.unigrams.size === 0) return 0;
  // One-word drafts have no pairs: judge them on their words alone.
  if (a.bigrams.size === 0 || b.bigrams.size === 0) return dice(a.unigrams, b.unigrams);
  return (dice(a.unigrams, b.unigrams) + dice(a.bigrams, b.bigrams)) / 2;
}

/** Similarity of two texts, 0 to 1. */
export function similarity(a: string, b: string): number {
  return compare(fingerprint(a), fingerprint(b));
}

/** Every pair of drafts at or above the threshold, most similar first. Empty drafts are ignored. */
export function findNearDuplicates(drafts: Draft[], threshold: number = DEFAULT_DUPLICATE_THRESHOLD): DuplicatePair[] {
  const prints = drafts.map((d) => ({ id: d.id, print: fingerprint(d.text) })).filter((d) => d.print.unigrams.size > 0);
  const pairs: DuplicatePair[] = [];
  for (let i = 0; i < prints.length; i++) {
    for (let j = i + 1; j < prints.length; j++) {
      const s = compare(prints[i]!.print, prints[j]!.print);
      if (s >= threshold) pairs.push({ a: prints[i]!.id, b: prints[j]!.id, similarity: s });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity);
}

/** The earlier draft (or earlier cycle's recommendation) this text most nearly repeats, or null. */
export function closestEarlier(
  text: string,
  earlier: Draft[],
  threshold: number = DEFAULT_DUPLICATE_THRESHOLD,
): { id: string; similarity: number } | null {
  const print = fingerprint(text);
  let best: { id: string; similarity: number } | null = null;
  for (const e of earlier) {
    const s = compare(print, fingerprint(e.text));
    if (s >= threshold && (!best || s > best.similarity)) best = { id: e.id, similarity: s };
  }
  return best;
}
