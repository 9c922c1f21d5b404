/**
 * In-memory search over the imported library, made from its stored index (lib/library/index-snapshot.ts).
 *
 * Memory (issue 15): the index holds no row and no text. UHRI's 267,000 records carry about
 * 160 MB of text, more than the side panel's whole budget; the panel keeps typed-array columns
 * and compressed posting lists (about 25 MB at that size), and reads from IndexedDB only the rows
 * it shows (lib/library/row-source.ts). A search answers with row positions in order.
 *
 * A query is read as a delegate types it (lib/library/query.ts): a State's name matches the State
 * under Review or a recommending State (the name columns), other words the text through the word
 * index (exactly, as a typo of it, or as the start of the word still being typed), OR and NOT
 * combine them, the filters narrow them with the columns, and an idf score with a short-text bonus
 * orders them: rows sort into score buckets in one pass over the default order (latest first), so
 * equal scores keep that order, and the best RANKED are then ordered exactly. No sort over all
 * matches: at 267,000 rows that alone took longer than a keystroke.
 *
 * A quoted phrase ("enforced disappearance", or a hyphenated word) needs its words in that order,
 * which the word index cannot tell: `search` takes every row holding its words, and `settle` reads
 * those rows' text (through the row source, a few blocks at a time, only the rows the answer
 * depends on) and keeps each row's verdict per phrase, so the next keystroke reads nothing again.
 */
import { knowledgeBase } from '../catalogue/knowledge';
import { stateLookup, type StateLookup } from '../import/state-names';
import { TypoVocabulary } from '../text/typo-vocabulary';
import { IndexBuilder, KINDS, MECHANISMS, type IndexSnapshot } from './index-snapshot';
import { APART, HOLDS, judge, makePhrase, phraseKey, WORDS, type Phrase } from './phrases';
import { eachPosition, emptyTable, findKey, type PostingsTable } from './postings';
import { parseLibraryQuery, stateNames, type LibraryQuery, type QueryClause, type QueryTerm, type StateNames } from './query';
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

/** One term of the query as the search read it. */
export interface ReadTerm {
  kind: 'state' | 'text';
  /** What it was read as: a State's UN name, a word (corrected where misspelt), a quoted phrase. */
  label: string;
  typed: string;
  /** A misspelt word read as `label`. */
  corrected?: boolean;
  /** A word no recommendation holds, nor anything near it. */
  unknown?: boolean;
}

export interface ReadClause {
  negated: boolean;
  /** Any one of them (OR). */
  terms: ReadTerm[];
  /** When nothing matched: rows this clause finds alone (with the filters; not for NOT clauses) … */
  alone?: number;
  /** … and rows the query finds without it. */
  without?: number;
}

export interface LibraryResult {
  /** Row positions, best first (read the rows with lib/library/row-source.ts). */
  positions: Int32Array;
  total: number;
  /** How the query was read, clause by clause (the line under the search box). */
  reading: ReadClause[];
  /**
   * Rows holding a phrase's words whose order is not checked yet: counted as holding it (or, under
   * NOT, as not holding it) until `settle` has read them. Empty when the answer is exact.
   */
  unchecked: Int32Array;
}

/** What `settle` reads rows through: lib/library/row-source.ts, or rows in memory. */
export interface RowReader {
  each(positions: ArrayLike<number>, visit: (row: LibraryRow, rank: number) => void, perRead?: number, signal?: AbortSignal): Promise<void>;
}

type Resolved =
  | { kind: 'state'; mask: Uint8Array }
  /** Index term numbers a word may stand for, with their weights. */
  | { kind: 'word'; alternatives: Array<[number, number]> }
  | { kind: 'phrase'; phrase: Phrase };

let bundledNames: StateNames | undefined;
/** State names of the bundled data/states.json, for queries passed as text. */
export function bundledStateNames(): StateNames {
  return (bundledNames ??= stateNames(knowledgeBase().states));
}
let bundledLookup: StateLookup | undefined;
/** The State code of a name as an export spells it (the import's own lookup). */
const codeOfName = (name: string) => (bundledLookup ??= stateLookup(knowledgeBase().states))(name);

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
/** Phrases whose rows' verdicts are kept (a few hundred kB each at 267,000 rows). */
const KEEP_PHRASES = 8;
/** Rows at the top of the list that `settle` reads first. */
const FIRST_SCREEN = 30;
/** Rounds of `settle` at most: each reads the rows the last answer depended on. */
const SETTLE_ROUNDS = 4;
const NO_ROWS = new Int32Array(0);
const NO_KEYS = emptyTable();
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
  /** Phrases of recent queries, with each row's verdict (a Map keeps them oldest first). */
  private readonly phrases = new Map<string, Phrase>();
  /** Rows the last search counted on a phrase's words alone. */
  private readonly unknown = new Set<number>();

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

  /** An index of rows held in memory (tests, the bench): `rowAt` reads them back, `rows` for `settle`. */
  static fromRows(rows: readonly LibraryRow[]): LibraryIndex & { rowAt(pos: number): LibraryRow; rows: RowReader } {
    const b = new IndexBuilder();
    b.addBlock(0, 0);
    for (const r of rows) b.add(r);
    const s = b.finish();
    const steps = prepare(s);
    let step = steps.next();
    while (!step.done) step = steps.next();
    const reader: RowReader = {
      each: async (positions, visit) => {
        for (let k = 0; k < positions.length; k++) visit(rows[positions[k]!]!, k);
      },
    };
    return Object.assign(new LibraryIndex(s, step.value), { rowAt: (pos: number) => rows[pos]!, rows: reader });
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
    if (this.holdsTerm(word)) add(word, 1);
    else for (const c of this.vocabulary.corrections(word)) add(c, TYPO_WEIGHT);
    if (typing && word.length >= 3) for (const c of this.vocabulary.completions(word, 60)) add(c, PREFIX_WEIGHT);
    return out;
  }

  private holdsTerm(term: string): boolean {
    return findKey(this.snapshot.terms, term) >= 0;
  }

  private rowsWith(term: string): number {
    const k = findKey(this.snapshot.terms, term);
    return k >= 0 ? this.snapshot.terms.count[k]! : 0;
  }

  /** State codes of the names the columns hold (looked up on first use, as the import looked them up). */
  private codes?: { sur: Array<string | undefined>; from: Array<string | undefined>; also: Array<string | undefined> };

  /** The rows where a State is under review or recommends (also with others), as a mask. */
  private stateMask(code: string): Uint8Array {
    const s = this.snapshot;
    const codes = (this.codes ??= { sur: s.names.sur.map(codeOfName), from: s.names.from.map(codeOfName), also: s.fromAlso.keys.map(codeOfName) });
    return this.mask('state', NO_KEYS, code, (m) => {
      const sur = Uint8Array.from(codes.sur, (c) => (c === code ? 1 : 0));
      const from = Uint8Array.from(codes.from, (c) => (c === code ? 1 : 0));
      const c = s.columns;
      for (let i = 0; i < this.size; i++) if (sur[c.sur[i]!] || from[c.from[i]!]) m[i] = 1;
      codes.also.forEach((c, k) => c === code && eachPosition(s.fromAlso, k, (p) => (m[p] = 1)));
    })!;
  }

  /** A phrase's rows, kept for the next keystrokes (with what `settle` has read of them). */
  private phrase(positions: Array<Array<[number, number]>>): Phrase {
    const terms = this.snapshot.terms;
    const key = phraseKey(terms, positions);
    const kept = this.phrases.get(key);
    if (kept) return kept;
    const p = makePhrase(terms, positions, this.size);
    if (this.phrases.size >= KEEP_PHRASES) this.phrases.delete(this.phrases.keys().next().value!);
    this.phrases.set(key, p);
    return p;
  }

  /** What a query term stands for in this library. NOT takes words exactly: "-death" leaves out "death", not what a typo of it might be. */
  private resolve(term: QueryTerm, exact: boolean): Resolved {
    if (term.kind === 'state') return { kind: 'state', mask: this.stateMask(term.state.code) };
    const exactly = (t: string): Array<[number, number]> => {
      const k = findKey(this.snapshot.terms, t);
      return k >= 0 ? [[k, 1]] : [];
    };
    if (term.kind === 'word') return { kind: 'word', alternatives: exact ? exactly(term.term) : this.expand(term.term, term.typing) };
    const last = term.terms.length - 1;
    return { kind: 'phrase', phrase: this.phrase(term.terms.map((t, k) => (k === last && term.typing && !exact ? this.expand(t, true) : exactly(t)))) };
  }

  /**
   * Counts the rows matching every clause (and no negated one) and the filters; with `collect`,
   * lists them in default order in `found`, each with its score in `score`. Rows counted on a
   * phrase whose order is unread go to `unknown`.
   */
  private matchRows(clauses: readonly QueryClause[], keep: (i: number) => boolean, collect: boolean): { count: number; lo: number; hi: number } {
    const { stamp, hits, score } = this;
    const n = this.size;
    const terms = this.snapshot.terms;
    stamp.fill(-1);
    hits.fill(0);
    if (collect) score.fill(0);
    const positive = clauses.filter((c) => !c.negated);
    const resolved = clauses.map((c) => ({ clause: c, terms: c.terms.map((t) => this.resolve(t, c.negated)) }));
    // A clause joining a phrase and other terms by OR: rows its other terms match need no phrase (a bit per clause).
    const mixed = resolved.some((r) => !r.clause.negated && r.terms.some((t) => t.kind === 'phrase') && r.terms.some((t) => t.kind !== 'phrase'));
    const sure = mixed ? new Int32Array(n) : undefined;
    let ci = -1;
    for (const { clause, terms: rs } of resolved) {
      if (clause.negated) continue;
      ci++;
      const bit = sure && rs.some((t) => t.kind === 'phrase') ? 1 << (ci & 31) : 0;
      // Rows are counted once per clause, whichever of its terms or readings matched first.
      const mark = (i: number, s: number) => {
        if (stamp[i] !== ci) {
          stamp[i] = ci;
          hits[i]!++;
          score[i]! += s;
        }
      };
      for (const r of rs) {
        if (r.kind === 'word') {
          for (const [k, weight] of r.alternatives) {
            const idf = Math.log(1 + n / terms.count[k]!) * weight;
            eachPosition(terms, k, (i) => {
              if (stamp[i] !== ci) {
                stamp[i] = ci;
                hits[i]!++;
                score[i]! += idf;
              }
              if (bit) sure![i]! |= bit;
            });
          }
        } else if (r.kind === 'state') {
          const m = r.mask;
          for (let i = 0; i < n; i++) {
            if (!m[i]) continue;
            mark(i, 0);
            if (bit) sure![i]! |= bit;
          }
        } else {
          const { state, weight } = r.phrase;
          for (let i = 0; i < n; i++) if (state[i] === WORDS || state[i] === HOLDS) mark(i, weight);
        }
      }
    }
    // NOT: rows its words or States match are out; its phrases are read per row below.
    const checks: Array<{ negated: boolean; bit: number; phrases: Phrase[] }> = [];
    ci = -1;
    for (const { clause, terms: rs } of resolved) {
      if (!clause.negated) ci++;
      const phrases = rs.flatMap((r) => (r.kind === 'phrase' ? [r.phrase] : []));
      if (phrases.length) checks.push({ negated: clause.negated, bit: !clause.negated && sure ? 1 << (ci & 31) : 0, phrases });
      if (!clause.negated) continue;
      for (const r of rs) {
        if (r.kind === 'word') for (const [k] of r.alternatives) eachPosition(terms, k, (i) => (hits[i] = 255));
        else if (r.kind === 'state') for (let i = 0; i < n; i++) if (r.mask[i]) hits[i] = 255;
      }
    }
    const need = positive.length;
    const { order, found } = this;
    const length = this.snapshot.columns.length;
    const avg = this.avgLength;
    let count = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < order.length; j++) {
      const i = order[j]!;
      if (hits[i] !== need || !keep(i)) continue;
      if (checks.length && !this.passes(i, checks, sure)) continue;
      if (collect) {
        // Rounded as the Float32Array stores it, so the bounds below hold for what is read back.
        const s = Math.fround(score[i]! / (0.75 + (0.25 * length[i]!) / avg));
        score[i] = s;
        if (s < lo) lo = s;
        if (s > hi) hi = s;
        found[count] = i;
      }
      count++;
    }
    return { count, lo, hi };
  }

  /** Whether row `i` passes the clauses holding phrases; a phrase not read yet counts as the clause would have it, and the row is noted. */
  private passes(i: number, checks: ReadonlyArray<{ negated: boolean; bit: number; phrases: Phrase[] }>, sure: Int32Array | undefined): boolean {
    for (const { negated, bit, phrases } of checks) {
      if (bit && sure![i]! & bit) continue;
      let holds = false;
      let unread = false;
      for (const p of phrases) {
        const v = p.state[i];
        if (v === HOLDS) holds = true;
        else if (v === WORDS) unread = true;
      }
      if (unread && !holds) this.unknown.add(i);
      if (negated ? holds : !holds && !unread) return false;
    }
    return true;
  }

  /**
   * A word of one or two letters still being typed ("Norway t"), which no row holds as it is:
   * it waits for its next letters rather than empty the list at each keystroke.
   */
  private waiting(t: QueryTerm): boolean {
    return t.kind === 'word' && t.typing && t.term.length < 3 && !this.holdsTerm(t.term);
  }

  /** How each clause was read: States by their UN name, words as the index reads them. */
  private read(query: LibraryQuery): ReadClause[] {
    return query.clauses.map((c) => ({
      negated: c.negated,
      terms: c.terms.map((t): ReadTerm => {
        if (t.kind === 'state') return { kind: 'state', label: t.state.name, typed: t.typed };
        if (t.kind === 'phrase') return { kind: 'text', label: `“${t.typed}”`, typed: t.typed };
        // Still being typed, too short to guess at: searched once it has a third letter.
        if (this.waiting(t)) return { kind: 'text', label: `${t.typed}…`, typed: t.typed };
        if (this.holdsTerm(t.term) || (t.typing && this.vocabulary.completions(t.term, 1).length)) return { kind: 'text', label: t.typed, typed: t.typed };
        // A misspelt word reads as the known word that most rows hold.
        const best = [...this.vocabulary.corrections(t.term)].sort((a, b) => this.rowsWith(b) - this.rowsWith(a))[0];
        return best ? { kind: 'text', label: best, typed: t.typed, corrected: true } : { kind: 'text', label: t.typed, typed: t.typed, unknown: true };
      }),
    }));
  }

  /**
   * The rows matching a query (text as typed, or read by lib/library/query.ts) and the filters,
   * best first. Phrases count on their words until `settle` has read their order.
   */
  search(query: string | LibraryQuery, filters: LibraryFilters = {}): LibraryResult {
    const q = typeof query === 'string' ? parseLibraryQuery(query, bundledStateNames()) : query;
    const reading = this.read(q);
    this.unknown.clear();
    const keep = this.filterFn(filters);
    if (!keep) return { positions: NO_ROWS, total: 0, reading, unchecked: NO_ROWS };
    const pending = (c: QueryClause) => c.terms.length === 1 && this.waiting(c.terms[0]!);
    const clauses = q.clauses.filter((c) => !pending(c));
    const order = this.order;
    if (!clauses.length) {
      if (!hasFilters(filters)) return { positions: order, total: order.length, reading, unchecked: NO_ROWS };
      const out = this.found;
      let k = 0;
      for (let j = 0; j < order.length; j++) if (keep(order[j]!)) out[k++] = order[j]!;
      return { positions: out.slice(0, k), total: k, reading, unchecked: NO_ROWS };
    }
    const { count: nFound, lo, hi } = this.matchRows(clauses, keep, true);
    if (!nFound) {
      // Say which term found nothing, and what dropping each term would find (one term alone
      // found nothing; without it, every row the filters keep). Each set of clauses is counted
      // once: with two terms, one's "alone" is the other's "without".
      const counted = new Map<string, number>();
      const count = (set: QueryClause[]) => {
        const key = set.map((c) => clauses.indexOf(c)).join(',');
        let v = counted.get(key);
        if (v === undefined) counted.set(key, (v = this.matchRows(set, keep, false).count));
        return v;
      };
      q.clauses.forEach((c, k) => {
        if (pending(c)) return;
        const rest = clauses.filter((other) => other !== c);
        let kept = 0;
        if (!rest.length) for (let i = 0; i < this.size; i++) kept += keep(i) ? 1 : 0;
        reading[k]!.without = rest.length ? count(rest) : kept;
        if (!c.negated) reading[k]!.alone = rest.length ? count([c]) : 0;
      });
      return { positions: NO_ROWS, total: 0, reading, unchecked: this.takeUnknown() };
    }

    // Score buckets, best first, each in default order; then the head exactly by score.
    const { found, score } = this;
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
    return { positions: out, total: nFound, reading, unchecked: this.takeUnknown() };
  }

  private takeUnknown(): Int32Array {
    if (!this.unknown.size) return NO_ROWS;
    const out = Int32Array.from(this.unknown).sort();
    this.unknown.clear();
    return out;
  }

  /**
   * `search`, exact: the rows it counted on a phrase's words are read through `rows` (a few
   * blocks at a time, storage order) and judged on the phrase itself, until nothing it depends on
   * is unread. The rows at the top of the list are read first and `shown` gets that answer (a
   * phrase spread over the whole library reads most of it: about 1.5 s at 267,000 rows). Rejects
   * with the signal's reason when aborted (the next keystroke).
   */
  async settle(query: string | LibraryQuery, filters: LibraryFilters, rows: RowReader, signal?: AbortSignal, shown?: (r: LibraryResult) => void): Promise<LibraryResult> {
    const read = async (unread: Int32Array) => {
      const phrases = [...this.phrases.values()];
      const t = performance.now();
      await rows.each(unread, (row, k) => judge(phrases, unread[k]!, row.text), 8, signal);
      performance.measure?.('r2p:library:phrases', { start: t, end: performance.now() });
      signal?.throwIfAborted();
      // A row that could not be read (its block gone) does not hold the phrase.
      for (const p of phrases) for (const i of unread) if (p.state[i] === WORDS) p.state[i] = APART;
      return this.search(query, filters);
    };
    let result = this.search(query, filters);
    if (shown && result.unchecked.length > FIRST_SCREEN) {
      for (let round = 0; round < SETTLE_ROUNDS; round++) {
        const unread = new Set(result.unchecked);
        const top = Int32Array.from(result.positions.subarray(0, FIRST_SCREEN).filter((p) => unread.has(p)));
        if (!top.length) break;
        result = await read(top);
      }
      if (result.unchecked.length) shown(result);
    }
    for (let round = 0; round < SETTLE_ROUNDS && result.unchecked.length; round++) result = await read(result.unchecked);
    return result;
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
