/**
 * In-memory search over the imported library, built once after load (and after each import).
 *
 * Fuse.js over 40,000 recommendation texts takes a second or more per query (measured in
 * bench/library.ts), so Fuse ranks only a short list: a word index finds the rows holding every
 * query word (exactly, as a typo of it, or as the start of the word still being typed), the
 * filters narrow them with typed-array columns, a cheap idf score orders them, and Fuse re-ranks
 * the best RANKED of them by closeness to the query as typed (phrase order, near spellings).
 */
import Fuse from 'fuse.js';
import type { LibraryRow } from '../db/rows';
import { words } from '../text/normalize';
import { stem } from '../text/stem';
import { TypoVocabulary } from '../text/typo-vocabulary';

export interface LibraryFilters {
  /** State under Review as named in the export. */
  sur?: string;
  from?: string;
  sessionFrom?: number;
  sessionTo?: number;
  action?: number;
  response?: string;
  issue?: string;
  relevantOnly?: boolean;
}

export interface LibraryResult {
  rows: LibraryRow[];
  total: number;
}

export interface SessionBar {
  session: number;
  received: number;
  relevant: number;
  supported: number;
  /** supported / received, 0..1 */
  shareSupported: number;
}

/** How many of the best candidates Fuse re-ranks. */
const RANKED = 100;
const STOPWORDS = new Set(['the', 'of', 'and', 'to', 'in', 'on', 'for', 'a', 'an', 'its', 'with', 'by', 'as', 'at', 'all', 'be', 'or', 'that', 'this']);
/** A word matched through a typo or an unfinished word weighs less than the word itself. */
const TYPO_WEIGHT = 0.6;
const PREFIX_WEIGHT = 0.8;

const rowStems = (r: LibraryRow) => words(r.text).map(stem);

const byFrequency = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

export class LibraryIndex {
  /** Rows in default order: latest session first, then State under Review. */
  readonly rows: LibraryRow[];
  readonly surNames: string[];
  readonly fromNames: string[];
  /** Issue tags with their row counts, most frequent first. */
  readonly issues: Array<[string, number]>;
  readonly responses: string[];
  readonly sessions: number[];

  private readonly sur: Int32Array;
  private readonly from: Int32Array;
  private readonly session: Int16Array;
  private readonly action: Int8Array;
  private readonly response: Int8Array;
  private readonly relevant: Uint8Array;
  private readonly issuePostings = new Map<string, Int32Array>();
  private readonly postings = new Map<string, Int32Array>();
  private readonly vocabulary: TypoVocabulary;
  private readonly docCount: number;
  // Scratch arrays reused by every search.
  private readonly stamp: Int32Array;
  private readonly hits: Int32Array;
  private readonly score: Float32Array;

  /**
   * Built in slices, yielding between them, so a panel opening on 40,000 rows stays responsive
   * (word splitting is most of the cost).
   */
  static async build(input: readonly LibraryRow[], pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))): Promise<LibraryIndex> {
    const stems = new Map<LibraryRow, string[]>();
    const SLICE = 2000;
    for (let i = 0; i < input.length; i += SLICE) {
      for (const r of input.slice(i, i + SLICE)) stems.set(r, rowStems(r));
      await pause();
    }
    return new LibraryIndex(input, (r) => stems.get(r) ?? rowStems(r));
  }

  constructor(input: readonly LibraryRow[], stemsOf: (r: LibraryRow) => string[] = rowStems) {
    const rows = [...input].sort((a, b) => (b.session ?? 0) - (a.session ?? 0) || a.sur.localeCompare(b.sur) || a.from.localeCompare(b.from));
    this.rows = rows;
    const n = rows.length;
    this.docCount = n;
    const surIds = new Map<string, number>();
    const fromIds = new Map<string, number>();
    const responseIds = new Map<string, number>();
    const issueLists = new Map<string, number[]>();
    const tokenLists = new Map<string, number[]>();
    const sessions = new Set<number>();
    this.sur = new Int32Array(n);
    this.from = new Int32Array(n);
    this.session = new Int16Array(n);
    this.action = new Int8Array(n);
    this.response = new Int8Array(n);
    this.relevant = new Uint8Array(n);
    const id = (m: Map<string, number>, k: string) => {
      let v = m.get(k);
      if (v === undefined) m.set(k, (v = m.size));
      return v;
    };
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      this.sur[i] = id(surIds, r.sur);
      this.from[i] = id(fromIds, r.from);
      this.session[i] = r.session ?? 0;
      if (r.session) sessions.add(r.session);
      this.action[i] = r.action ?? 0;
      this.response[i] = id(responseIds, r.response);
      this.relevant[i] = r.relevant;
      for (const t of r.issues) {
        const l = issueLists.get(t);
        if (l) l.push(i);
        else issueLists.set(t, [i]);
      }
      for (const s of stemsOf(r)) {
        const l = tokenLists.get(s);
        // Rows are visited in order, so a repeated word shows as the same last entry.
        if (!l) tokenLists.set(s, [i]);
        else if (l[l.length - 1] !== i) l.push(i);
      }
    }
    for (const [k, l] of tokenLists) this.postings.set(k, Int32Array.from(l));
    for (const [k, l] of issueLists) this.issuePostings.set(k, Int32Array.from(l));
    this.vocabulary = new TypoVocabulary(tokenLists.keys());
    this.surNames = [...surIds.keys()].sort((a, b) => a.localeCompare(b));
    this.fromNames = [...fromIds.keys()].sort((a, b) => a.localeCompare(b));
    this.responses = [...responseIds.keys()].sort();
    this.issues = byFrequency(new Map([...issueLists].map(([k, l]) => [k, l.length])));
    this.sessions = [...sessions].sort((a, b) => a - b);
    this.surIds = surIds;
    this.fromIds = fromIds;
    this.responseIds = responseIds;
    this.stamp = new Int32Array(n).fill(-1);
    this.hits = new Int32Array(n);
    this.score = new Float32Array(n);
  }

  private readonly surIds: Map<string, number>;
  private readonly fromIds: Map<string, number>;
  private readonly responseIds: Map<string, number>;

  get size(): number {
    return this.docCount;
  }

  /** A predicate over row positions for the filters, or null when nothing can match. */
  private filterFn(f: LibraryFilters): ((i: number) => boolean) | null {
    const tests: Array<(i: number) => boolean> = [];
    if (f.sur) {
      const s = this.surIds.get(f.sur);
      if (s === undefined) return null;
      tests.push((i) => this.sur[i] === s);
    }
    if (f.from) {
      const s = this.fromIds.get(f.from);
      if (s === undefined) return null;
      tests.push((i) => this.from[i] === s);
    }
    if (f.response) {
      const s = this.responseIds.get(f.response);
      if (s === undefined) return null;
      tests.push((i) => this.response[i] === s);
    }
    if (f.sessionFrom) {
      const lo = f.sessionFrom;
      tests.push((i) => this.session[i]! >= lo);
    }
    if (f.sessionTo) {
      const hi = f.sessionTo;
      tests.push((i) => this.session[i]! > 0 && this.session[i]! <= hi);
    }
    if (f.action) {
      const a = f.action;
      tests.push((i) => this.action[i] === a);
    }
    if (f.relevantOnly) tests.push((i) => this.relevant[i] === 1);
    if (f.issue) {
      const p = this.issuePostings.get(f.issue);
      if (!p) return null;
      const set = new Uint8Array(this.docCount);
      for (const i of p) set[i] = 1;
      tests.push((i) => set[i] === 1);
    }
    if (!tests.length) return () => true;
    return (i) => {
      for (const t of tests) if (!t(i)) return false;
      return true;
    };
  }

  /** Index terms a typed word may stand for, best first, each with its weight. */
  private expand(word: string, typing: boolean): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    const seen = new Set<string>();
    const add = (t: string, w: number) => {
      if (!seen.has(t)) {
        seen.add(t);
        out.push([t, w]);
      }
    };
    if (this.postings.has(word)) add(word, 1);
    else for (const c of this.vocabulary.corrections(word)) add(c, TYPO_WEIGHT);
    if (typing && word.length >= 3) for (const c of this.vocabulary.completions(word, 60)) add(c, PREFIX_WEIGHT);
    return out;
  }

  search(query: string, filters: LibraryFilters = {}): LibraryResult {
    const keep = this.filterFn(filters);
    if (!keep) return { rows: [], total: 0 };
    const typed = words(query);
    const endsTyping = /[\p{L}\p{N}]$/u.test(query);
    let qwords = [...new Set(typed.map(stem))];
    const content = qwords.filter((w) => !STOPWORDS.has(w));
    if (content.length) qwords = content;
    if (!qwords.length) {
      const rows: LibraryRow[] = [];
      for (let i = 0; i < this.docCount; i++) if (keep(i)) rows.push(this.rows[i]!);
      return { rows, total: rows.length };
    }

    // Rows holding every query word: hits[i] counts the words found in row i, stamp[i] the
    // last word that counted it (so a word's several spellings count once).
    const { stamp, hits, score } = this;
    stamp.fill(-1);
    hits.fill(0);
    score.fill(0);
    const lastStem = stem(typed[typed.length - 1] ?? '');
    for (let w = 0; w < qwords.length; w++) {
      const word = qwords[w]!;
      for (const [term, weight] of this.expand(word, endsTyping && word === lastStem)) {
        const p = this.postings.get(term)!;
        const idf = Math.log(1 + this.docCount / p.length) * weight;
        for (let k = 0; k < p.length; k++) {
          const i = p[k]!;
          if (stamp[i] !== w) {
            stamp[i] = w;
            hits[i]!++;
            score[i]! += idf;
          }
        }
      }
    }
    const need = qwords.length;
    const found: number[] = [];
    for (let i = 0; i < this.docCount; i++) if (hits[i] === need && keep(i)) found.push(i);
    found.sort((a, b) => score[b]! - score[a]! || a - b);

    const head = found.slice(0, RANKED);
    const fuse = new Fuse(
      head.map((i) => this.rows[i]!),
      { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6, useExtendedSearch: false },
    );
    const ranked = fuse.search(query.trim());
    const order = new Map<number, number>();
    ranked.forEach((r, k) => order.set(head[r.refIndex]!, k));
    head.sort((a, b) => (order.get(a) ?? RANKED + 1) - (order.get(b) ?? RANKED + 1) || score[b]! - score[a]!);
    const rows = new Array<LibraryRow>(found.length);
    for (let k = 0; k < head.length; k++) rows[k] = this.rows[head[k]!]!;
    for (let k = head.length; k < found.length; k++) rows[k] = this.rows[found[k]!]!;
    return { rows, total: found.length };
  }

  /** Per session for one State under Review: received, atrocity-relevant, share supported. */
  sessionBars(sur: string): SessionBar[] {
    const s = this.surIds.get(sur);
    if (s === undefined) return [];
    const supported = this.responseIds.get('supported');
    const bars = new Map<number, SessionBar>();
    for (let i = 0; i < this.docCount; i++) {
      if (this.sur[i] !== s) continue;
      const session = this.session[i]!;
      let b = bars.get(session);
      if (!b) bars.set(session, (b = { session, received: 0, relevant: 0, supported: 0, shareSupported: 0 }));
      b.received++;
      b.relevant += this.relevant[i]!;
      if (this.response[i] === supported) b.supported++;
    }
    return [...bars.values()]
      .map((b) => ({ ...b, shareSupported: b.received ? b.supported / b.received : 0 }))
      .sort((a, b) => a.session - b.session);
  }
}
