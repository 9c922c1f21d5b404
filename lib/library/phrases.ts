/**
 * Quoted phrases in a library search ("enforced disappearance", or a hyphenated word): which rows
 * hold their words in that order. The word index says only which rows hold the words, and the
 * index keeps no text (lib/library/search-index.ts), so each row's verdict is found by reading its
 * text once (the search's `settle`, through the row source) and kept here per phrase: LACKS (a word
 * is missing), WORDS (every word, order not read yet), HOLDS, or APART (every word, not in order).
 */
import { foldQuick } from '../text/normalize';
import { inflections } from '../text/stem';
import { eachPosition, type PostingsTable } from './postings';

export const LACKS = 0;
export const WORDS = 1;
export const HOLDS = 2;
export const APART = 3;

export interface Phrase {
  pattern: RegExp;
  /** Per row position: LACKS, WORDS, HOLDS or APART. */
  state: Uint8Array;
  /** The phrase's idf weight in a row's score. */
  weight: number;
}

/** Each position of a phrase: the index terms (numbers in `terms`) it may stand for, with their weights. */
export type PhrasePositions = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

const LETTER = '[\\p{L}\\p{N}]';
/**
 * The text pattern of a phrase: at each position one of the index terms it may stand for, in any
 * of the forms they are made from (lib/text/stem.ts), whole words, apart by anything but letters.
 */
export function textPattern(positions: ReadonlyArray<readonly string[]>): RegExp {
  const at = positions.map((terms) => `(?:${terms.flatMap(inflections).join('|')})`);
  return new RegExp(`(?<!${LETTER})${at.join('[^\\p{L}\\p{N}]+')}(?!${LETTER})`, 'u');
}

export const phraseKey = (terms: PostingsTable, positions: PhrasePositions) => positions.map((alts) => alts.map(([k]) => terms.keys[k]!).join('|')).join(' ');

/** A phrase over `rows` rows: WORDS where every position's terms meet, LACKS elsewhere. */
export function makePhrase(terms: PostingsTable, positions: PhrasePositions, rows: number): Phrase {
  const state = new Uint8Array(rows);
  let weight = 0;
  // state[i] counts the positions found in row i, in turn (at most 255 words).
  const all = Math.min(positions.length, 255);
  if (positions.every((alts) => alts.length)) {
    for (let j = 0; j < all; j++) {
      const alts = positions[j]!;
      for (const [k, w] of alts) {
        weight += (Math.log(1 + rows / terms.count[k]!) * w) / alts.length;
        eachPosition(terms, k, (p) => {
          if (state[p] === j) state[p] = j + 1;
        });
      }
    }
    for (let i = 0; i < rows; i++) state[i] = state[i] === all ? WORDS : LACKS;
  }
  return { pattern: textPattern(positions.map((alts) => alts.map(([k]) => terms.keys[k]!))), state, weight };
}

/** Reads row `i`'s text for every phrase still unsure of it. */
export function judge(phrases: readonly Phrase[], i: number, text: string): void {
  let t: string | undefined;
  for (const p of phrases) if (p.state[i] === WORDS) p.state[i] = p.pattern.test((t ??= foldQuick(text))) ? HOLDS : APART;
}
