/**
 * In-memory search over the imported library, made from its stored index (lib/library/index-snapshot.ts).
 *
 * Memory (issue 15): the index holds no row and no text. UHRI's 267,000 records carry about
 * 160 MB of text, more than the side panel's whole budget; the panel keeps typed-array columns
 * and compressed posting lists (about 25 MB at that size), and reads from IndexedDB only the rows
 * it shows (lib/library/row-source.ts). A search answers with row positions in order.
 *
 * A query: the word index finds the rows holding every query word (exactly, as a typo of it, or as
 * the start of the word still being typed), the filters narrow them with the columns, and an idf
 * score with a short-text bonus orders them: rows sort into score buckets in one pass over the
 * default order (latest first), so equal scores keep that order, and the best RANKED are then
 * ordered exactly. No sort over all matches: at 267,000 rows that alone took longer than a keystroke.
 */
import { words } from '../text/normalize';
import { stem } from '../text/stem';
import { TypoVocabulary } from '../text/typo-vocabulary';
import { IndexBuilder, KINDS, MECHANISMS, type IndexSnapshot } from './index-snapshot';
import { eachPosition, findKey, type PostingsTable } from './postings';
import type { LibraryRow, Mechanism } from '../db/rows';

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
  /** `upr`, `treaty-body`, `special-procedure`, `other`. */
  mechanism?: string;
  /** One body: "CRC", "SR on torture". */
  body?: string;
  /** `recommendation` or `concern`. */
  kind?: string;
}

export interface LibraryResult {
  /** Row positions, best first (read the rows with lib/library/row-source.ts). */
  positions: Int32Array;
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

export interface BodyCount {
  name: string;
  mechanism: Mechanism;
  count: number;
}

/** How many of the best matches are ordered exactly by score. */
const RANKED = 200;
const BUCKETS = 64;
const STOPWORDS = new Set(['the', 'of', 'and', 'to', 'in', 'on', 'for', 'a', 'an', 'its', 'with', 'by', 'as', 'at', 'all', 'be', 'or', 'that', 'this']);
/** A word matched through a typo or an unfinished word weighs less than the word itself. */
const TYPO_WEIGHT = 0.6;
const PREFIX_WEIGHT = 0.8;

const byFrequency = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

/** Positions reordered by a small non-negative integer key, keeping the order of equal keys. */
function countingSort(order: Int32Array, key: (i: number) => number, range: number): Int32Array {
  const start = new Int32Array(range + 1);
  for (const i of order) start[key(i) + 1]!++;
  for (let k = 1; k <= range; k++) start[k]! += start[k - 1]!;
  const out = new Int32Array(order.length);
  for (const i of order) out[start[key(i)]!++] = i;
  return out;
}

/**
 * Searches run once when the index is made, each in its own task: the engine compiles the
 * search's loops on their first runs, and the user's first keystrokes would otherwise pay for it.
 */
const WARM_UP = ['right', 'the state', 'tor', 'convension'];

const hasFilters = (f: LibraryFilters) => Object.values(f).some((v) => v !== undefined && v !== '' && v !== false);

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));
/** Longest stretch the async build runs before giving the thread back (a "long task" is 50 ms). */
const SLICE_MS = 12;

export class LibraryIndex {
  readonly size: number;
  /** Positions in default order: latest first (document date, or session), then State under Review, then recommending State. */
  readonly order: Int32Array;
  readonly surNames: string[];
  /** Recommending States of UPR rows (bodies are in `bodies`). */
  readonly fromNames: string[];
  /** Issue tags with their row counts, most frequent first. */
  readonly issues: Array<[string, number]>;
  readonly responses: string[];
  readonly sessions: number[];
  readonly bodies: BodyCount[];
  /** Rows per kind: recommendation, concern. */
  readonly kinds: Array<[string, number]>;
  readonly snapshot: IndexSnapshot;

  private readonly vocabulary: TypoVocabulary;
  private readonly avgLength: number;
  private readonly masks = new Map<string, Uint8Array | null>();
  // Scratch arrays reused by every search.
  private readonly stamp: Int32Array;
  private readonly hits: Uint8Array;
  private readonly score: Float32Array;
  private readonly found: Int32Array;
  private readonly bucket: Uint8Array;

  /** Built in slices of at most ~SLICE_MS, giving the thread back between them, so a panel opening on 267,000 rows stays responsive. */
  static async build(s: IndexSnapshot, pause: () => Promise<void> = nextTask, now: () => number = () => performance.now()): Promise<LibraryIndex> {
    let since = now();
    const steps = prepare(s);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        const t = now();
        const index = new LibraryIndex(s, step.value);
        performance.measure?.('r2p:library:columns', { start: t, end: now() });
        // One warm-up search per task: each runs cold, compiling as it goes.
        for (const q of WARM_UP) {
          await pause();
          const w = now();
          index.search(q);
          performance.measure?.('r2p:library:warm-up', { start: w, end: now() });
        }
        return index;
      }
      if (now() - since >= SLICE_MS) {
        performance.measure?.('r2p:library:prepare', { start: since, end: now() });
        await pause();
        since = now();
      }
    }
  }

  /** An index of rows held in memory (tests, the bench): `rowAt` reads them back. */
  static fromRows(rows: readonly LibraryRow[]): LibraryIndex & { rowAt(pos: number): LibraryRow } {
    const b = new IndexBuilder();
    b.addBlock(0, 0);
    for (const r of rows) b.add(r);
    const s = b.finish();
    const steps = prepare(s);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return Object.assign(new LibraryIndex(s, step.value), { rowAt: (pos: number) => rows[pos]! });
  }

  private constructor(s: IndexSnapshot, p: Prepared) {
    this.snapshot = s;
    this.size = s.rows;
    this.order = p.order;
    this.vocabulary = p.vocabulary;
    const c = s.columns;
    const n = s.rows;
    const count = (col: Int32Array | Int8Array, size: number) => {
      const out = new Int32Array(size);
      for (let i = 0; i < n; i++) out[col[i]!]!++;
      return out;
    };
    const collator = new Intl.Collator(undefined);
    this.surNames = [...s.names.sur].sort(collator.compare);
    const uprFrom = new Set<number>();
    const upr = MECHANISMS.indexOf('upr');
    for (let i = 0; i < n; i++) if (c.mechanism[i] === upr) uprFrom.add(c.from[i]!);
    this.fromNames = [...new Set([...[...uprFrom].map((i) => s.names.from[i]!), ...s.fromAlso.keys])].sort(collator.compare);
    const responseCounts = count(c.response, s.names.response.length);
    this.responses = s.names.response.filter((r, i) => r && responseCounts[i]! > 0).sort();
    this.issues = byFrequency(new Map(s.issues.keys.map((k, i) => [k, s.issues.count[i]!])));
    const sessions = new Set<number>();
    for (let i = 0; i < n; i++) if (c.session[i]) sessions.add(c.session[i]!);
    this.sessions = [...sessions].sort((a, b) => a - b);
    const bodyCounts = count(c.body, s.names.body.length);
    const bodyMechanism = new Uint8Array(s.names.body.length);
    for (let i = 0; i < n; i++) bodyMechanism[c.body[i]!] = c.mechanism[i]!;
    this.bodies = s.names.body
      .map((name, i) => ({ name, mechanism: MECHANISMS[bodyMechanism[i]!]!, count: bodyCounts[i]! }))
      .filter((b) => b.count > 0)
      .sort((a, b) => collator.compare(a.name, b.name));
    const kinds = new Int32Array(KINDS.length);
    for (let i = 0; i < n; i++) kinds[c.kind[i]!]!++;
    this.kinds = KINDS.map((k, i) => [k, kinds[i]!] as [string, number]).filter(([, v]) => v > 0);
    let words = 0;
    for (let i = 0; i < n; i++) words += c.length[i]!;
    this.avgLength = n ? words / n : 1;
    this.stamp = new Int32Array(n).fill(-1);
    this.hits = new Uint8Array(n);
    this.score = new Float32Array(n);
    this.found = new Int32Array(n);
    this.bucket = new Uint8Array(n);
  }



  /** The rows holding a key of a posting table, as a mask (cached: filters stay while the user types). */
  private mask(kind: string, table: PostingsTable, key: string, also?: (m: Uint8Array) => void): Uint8Array | null {
    const cacheKey = `${kind}\u0000${key}`;
    if (this.masks.has(cacheKey)) return this.masks.get(cacheKey)!;
    const k = findKey(table, key);
    let m: Uint8Array | null = null;
    if (k >= 0 || also) {
      m = new Uint8Array(this.size);
      if (k >= 0) eachPosition(table, k, (p) => (m![p] = 1));
      also?.(m);
    }
    if (this.masks.size > 16) this.masks.clear();
    this.masks.set(cacheKey, m);
    return m;
  }

  /** A predicate over row positions for the filters, or null when nothing can match. */
  private filterFn(f: LibraryFilters): ((i: number) => boolean) | null {
    const s = this.snapshot;
    const c = s.columns;
    const tests: Array<(i: number) => boolean> = [];
    const nameId = (list: string[], name: string) => list.indexOf(name);
    if (f.sur) {
      const id = nameId(s.names.sur, f.sur);
      if (id < 0) return null;
      tests.push((i) => c.sur[i] === id);
    }
    if (f.from) {
      const id = nameId(s.names.from, f.from);
      const m = this.mask('from', s.fromAlso, f.from, (m) => {
        if (id >= 0) for (let i = 0; i < this.size; i++) if (c.from[i] === id) m[i] = 1;
      });
      if (!m) return null;
      tests.push((i) => m[i] === 1);
    }
    if (f.response) {
      const id = nameId(s.names.response, f.response);
      if (id < 0) return null;
      tests.push((i) => c.response[i] === id);
    }
    if (f.sessionFrom) {
      const lo = f.sessionFrom;
      tests.push((i) => c.session[i]! >= lo);
    }
    if (f.sessionTo) {
      const hi = f.sessionTo;
      tests.push((i) => c.session[i]! > 0 && c.session[i]! <= hi);
    }
    if (f.action) {
      const a = f.action;
      tests.push((i) => c.action[i] === a);
    }
    if (f.relevantOnly) tests.push((i) => c.relevant[i] === 1);
    if (f.mechanism) {
      const m = MECHANISMS.indexOf(f.mechanism as Mechanism);
      if (m < 0) return null;
      tests.push((i) => c.mechanism[i] === m);
    }
    if (f.body) {
      const id = nameId(s.names.body, f.body);
      if (id < 0) return null;
      tests.push((i) => c.body[i] === id);
    }
    if (f.kind) {
      const k = KINDS.indexOf(f.kind as (typeof KINDS)[number]);
      if (k < 0) return null;
      tests.push((i) => c.kind[i] === k);
    }
    if (f.issue) {
      const m = this.mask('issue', s.issues, f.issue);
      if (!m) return null;
      tests.push((i) => m[i] === 1);
    }
    if (!tests.length) return () => true;
    if (tests.length === 1) return tests[0]!;
    return (i) => {
      for (const t of tests) if (!t(i)) return false;
      return true;
    };
  }

  /** Index terms a typed word may stand for, best first, each with its weight. */
  private expand(word: string, typing: boolean): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const seen = new Set<number>();
    const add = (t: string, w: number) => {
      const k = findKey(this.snapshot.terms, t);
      if (k >= 0 && !seen.has(k)) {
        seen.add(k);
        out.push([k, w]);
      }
    };
    if (findKey(this.snapshot.terms, word) >= 0) add(word, 1);
    else for (const c of this.vocabulary.corrections(word)) add(c, TYPO_WEIGHT);
    if (typing && word.length >= 3) for (const c of this.vocabulary.completions(word, 60)) add(c, PREFIX_WEIGHT);
    return out;
  }

  search(query: string, filters: LibraryFilters = {}): LibraryResult {
    const keep = this.filterFn(filters);
    if (!keep) return { positions: new Int32Array(0), total: 0 };
    const typed = words(query);
    const endsTyping = /[\p{L}\p{N}]$/u.test(query);
    let qwords = [...new Set(typed.map(stem))];
    const content = qwords.filter((w) => !STOPWORDS.has(w));
    if (content.length) qwords = content;
    const order = this.order;
    if (!qwords.length) {
      if (!hasFilters(filters)) return { positions: order, total: order.length };
      const out = this.found;
      let k = 0;
      for (let j = 0; j < order.length; j++) if (keep(order[j]!)) out[k++] = order[j]!;
      return { positions: out.slice(0, k), total: k };
    }

    // Rows holding every query word: hits[i] counts the words found in row i, stamp[i] the
    // last word that counted it (so a word's several spellings count once).
    const { stamp, hits, score } = this;
    stamp.fill(-1);
    hits.fill(0);
    score.fill(0);
    const terms = this.snapshot.terms;
    const lastStem = stem(typed[typed.length - 1] ?? '');
    for (let w = 0; w < qwords.length; w++) {
      const word = qwords[w]!;
      for (const [k, weight] of this.expand(word, endsTyping && word === lastStem)) {
        const idf = Math.log(1 + this.size / terms.count[k]!) * weight;
        eachPosition(terms, k, (i) => {
          if (stamp[i] !== w) {
            stamp[i] = w;
            hits[i]!++;
            score[i]! += idf;
          }
        });
      }
    }
    const need = qwords.length;
    const length = this.snapshot.columns.length;
    const avg = this.avgLength;
    // Matches in default order, with their scores (a short text holding every word ranks higher).
    const found = this.found;
    let nFound = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < order.length; j++) {
      const i = order[j]!;
      if (hits[i] !== need || !keep(i)) continue;
      // Rounded as the Float32Array stores it, so the bounds below hold for what is read back.
      const s = Math.fround(score[i]! / (0.75 + (0.25 * length[i]!) / avg));
      score[i] = s;
      if (s < lo) lo = s;
      if (s > hi) hi = s;
      found[nFound++] = i;
    }
    // Score buckets, best first, each in default order; then the head exactly by score.
    const span = hi - lo || 1;
    const bucket = this.bucket;
    const starts = new Int32Array(BUCKETS + 1);
    for (let j = 0; j < nFound; j++) {
      const i = found[j]!;
      const b = Math.max(0, Math.min(BUCKETS - 1, Math.floor(((hi - score[i]!) / span) * BUCKETS)));
      bucket[i] = b;
      starts[b + 1]!++;
    }
    for (let b = 1; b <= BUCKETS; b++) starts[b]! += starts[b - 1]!;
    const out = new Int32Array(nFound);
    for (let j = 0; j < nFound; j++) {
      const i = found[j]!;
      out[starts[bucket[i]!]!++] = i;
    }
    const head = Array.from(out.subarray(0, Math.min(RANKED, nFound)));
    const rankOf = new Map(head.map((p, k) => [p, k]));
    head.sort((a, b) => score[b]! - score[a]! || rankOf.get(a)! - rankOf.get(b)!);
    out.set(head);
    return { positions: out, total: nFound };
  }

  /** Per session for one State under Review (UPR rows): received, atrocity-relevant, share supported. */
  sessionBars(sur: string): SessionBar[] {
    const s = this.snapshot;
    const c = s.columns;
    const id = s.names.sur.indexOf(sur);
    if (id < 0) return [];
    const supported = s.names.response.indexOf('supported');
    const bars = new Map<number, SessionBar>();
    for (let i = 0; i < this.size; i++) {
      if (c.sur[i] !== id || !c.session[i]) continue;
      const session = c.session[i]!;
      let b = bars.get(session);
      if (!b) bars.set(session, (b = { session, received: 0, relevant: 0, supported: 0, shareSupported: 0 }));
      b.received++;
      b.relevant += c.relevant[i]!;
      if (c.response[i] === supported) b.supported++;
    }
    return [...bars.values()].map((b) => ({ ...b, shareSupported: b.received ? b.supported / b.received : 0 })).sort((a, b) => a.session - b.session);
  }
}

interface Prepared {
  order: Int32Array;
  vocabulary: TypoVocabulary;
}

/** The default order and the typo vocabulary, as steps (each `yield` is a point where the caller may give the thread back). */
function* prepare(s: IndexSnapshot): Generator<void, Prepared, void> {
  const c = s.columns;
  const n = s.rows;
  const collator = new Intl.Collator(undefined);
  const rankNames = (names: string[]) => {
    const sorted = names.map((_, i) => i).sort((a, b) => collator.compare(names[a]!, names[b]!));
    const rank = new Int32Array(names.length);
    sorted.forEach((id, k) => (rank[id] = k));
    return rank;
  };
  const surRank = rankNames(s.names.sur);
  const fromRank = rankNames(s.names.from);
  // Recency values ranked newest first: a few thousand distinct dates at most.
  const dates = [...new Set(c.recency)].sort((a, b) => b - a);
  const dateRank = new Map(dates.map((d, k) => [d, k]));
  yield;
  let order: Int32Array = new Int32Array(n).map((_, i) => i);
  order = countingSort(order, (i) => fromRank[c.from[i]!]!, fromRank.length);
  yield;
  order = countingSort(order, (i) => surRank[c.sur[i]!]!, surRank.length);
  yield;
  const recency = new Int32Array(n);
  for (let i = 0; i < n; i++) recency[i] = dateRank.get(c.recency[i]!)!;
  order = countingSort(order, (i) => recency[i]!, dates.length);
  yield;
  const vocabulary = new TypoVocabulary(s.terms.keys);
  yield;
  return { order, vocabulary };
}
