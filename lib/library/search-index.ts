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
import { knowledgeBase } from '../catalogue/knowledge';
import { parseLibraryQuery, stateNames, type LibraryQuery, type QueryClause, type QueryTerm, type StateNames } from './query';

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
  rows: LibraryRow[];
  total: number;
  /** How the query was read, clause by clause (the line under the search box). */
  reading: ReadClause[];
}

type Resolved =
  | { kind: 'state'; test: (i: number) => boolean }
  | { kind: 'word'; alternatives: Array<[string, number]> }
  /** A phrase: for each of its words in order, the index terms it may stand for. */
  | { kind: 'phrase'; alternatives: Array<Array<[string, number]>> };

let bundledNames: StateNames | undefined;
/** State names of the bundled data/states.json, for queries passed as text. */
export function bundledStateNames(): StateNames {
  return (bundledNames ??= stateNames(knowledgeBase().states));
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
/** A word matched through a typo or an unfinished word weighs less than the word itself. */
const TYPO_WEIGHT = 0.6;
const PREFIX_WEIGHT = 0.8;

const rowStems = (r: LibraryRow) => words(r.text).map(stem);

const byFrequency = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

/** Everything the index holds, made by `indexParts` a slice at a time. */
interface IndexParts {
  rows: LibraryRow[];
  surNames: string[];
  fromNames: string[];
  issues: Array<[string, number]>;
  responses: string[];
  sessions: number[];
  sur: Int32Array;
  from: Int32Array;
  session: Int16Array;
  action: Int8Array;
  response: Int8Array;
  relevant: Uint8Array;
  issuePostings: Map<string, Int32Array>;
  postings: Map<string, Int32Array>;
  vocabulary: TypoVocabulary;
  surIds: Map<string, number>;
  fromIds: Map<string, number>;
  responseIds: Map<string, number>;
}

/** Positions reordered by a small non-negative integer key, keeping the order of equal keys. */
function countingSort(order: Int32Array, key: (i: number) => number, range: number): Int32Array {
  const start = new Int32Array(range + 1);
  for (const i of order) start[key(i) + 1]!++;
  for (let k = 1; k <= range; k++) start[k]! += start[k - 1]!;
  const out = new Int32Array(order.length);
  for (const i of order) out[start[key(i)]!++] = i;
  return out;
}

/** Rows per step of the build; a step of word splitting and posting takes well under a millisecond per 100 rows. */
const STEP = 250;

/**
 * The build as steps: each `yield` is a point where the caller may give the thread back (the
 * side panel opening on 40,000 rows must not freeze; word splitting and postings are most of
 * the cost). Run to the end without pausing, it is the plain synchronous build.
 */
function* indexParts(input: readonly LibraryRow[], stemsOf: (r: LibraryRow) => string[]): Generator<void, IndexParts, void> {
  const n = input.length;
  const id = (m: Map<string, number>, k: string) => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = m.size));
    return v;
  };
  // Default order: latest session first, then State under Review, then recommending State. The
  // names are ranked once with a collator; counting sorts on the small integer keys (least
  // significant first, each stable) then order 40,000 rows in a few milliseconds.
  const collator = new Intl.Collator(undefined);
  const rank = (names: Iterable<string>) => new Map([...new Set(names)].sort(collator.compare).map((name, i) => [name, i]));
  const surRank = rank(input.map((r) => r.sur));
  const fromRank = rank(input.map((r) => r.from));
  yield;
  let maxSession = 0;
  for (const r of input) maxSession = Math.max(maxSession, r.session ?? 0);
  let order: Int32Array = new Int32Array(n).map((_, i) => i);
  order = countingSort(order, (i) => fromRank.get(input[i]!.from)!, fromRank.size);
  yield;
  order = countingSort(order, (i) => surRank.get(input[i]!.sur)!, surRank.size);
  order = countingSort(order, (i) => maxSession - (input[i]!.session ?? 0), maxSession + 1);
  const rows = Array.from(order, (i) => input[i]!);
  yield;

  const surIds = new Map<string, number>();
  const fromIds = new Map<string, number>();
  const responseIds = new Map<string, number>();
  const issueLists = new Map<string, number[]>();
  const tokenLists = new Map<string, number[]>();
  const sessions = new Set<number>();
  const sur = new Int32Array(n);
  const from = new Int32Array(n);
  const session = new Int16Array(n);
  const action = new Int8Array(n);
  const response = new Int8Array(n);
  const relevant = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (i % STEP === STEP - 1) yield;
    const r = rows[i]!;
    sur[i] = id(surIds, r.sur);
    from[i] = id(fromIds, r.from);
    session[i] = r.session ?? 0;
    if (r.session) sessions.add(r.session);
    action[i] = r.action ?? 0;
    response[i] = id(responseIds, r.response);
    relevant[i] = r.relevant;
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
  yield;
  const postings = new Map<string, Int32Array>();
  let k = 0;
  for (const [t, l] of tokenLists) {
    if (++k % 1000 === 0) yield;
    postings.set(t, Int32Array.from(l));
  }
  const issuePostings = new Map<string, Int32Array>();
  for (const [t, l] of issueLists) issuePostings.set(t, Int32Array.from(l));
  yield;
  return {
    rows,
    surNames: [...surIds.keys()].sort(collator.compare),
    fromNames: [...fromIds.keys()].sort(collator.compare),
    responses: [...responseIds.keys()].sort(),
    issues: byFrequency(new Map([...issueLists].map(([t, l]) => [t, l.length]))),
    sessions: [...sessions].sort((a, b) => a - b),
    sur,
    from,
    session,
    action,
    response,
    relevant,
    issuePostings,
    postings,
    vocabulary: new TypoVocabulary(tokenLists.keys()),
    surIds,
    fromIds,
    responseIds,
  };
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));
/** Longest stretch the async build runs before giving the thread back (a "long task" is 50 ms). */
const SLICE_MS = 12;

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
  private readonly issuePostings: Map<string, Int32Array>;
  private readonly postings: Map<string, Int32Array>;
  private readonly vocabulary: TypoVocabulary;
  private readonly surIds: Map<string, number>;
  private readonly fromIds: Map<string, number>;
  private readonly responseIds: Map<string, number>;
  private readonly docCount: number;
  // Scratch arrays reused by every search.
  private readonly stamp: Int32Array;
  private readonly hits: Int32Array;
  private readonly score: Float32Array;

  /**
   * Built in slices of at most ~SLICE_MS, giving the thread back between them, so a panel
   * opening on 40,000 rows stays responsive.
   */
  static async build(input: readonly LibraryRow[], pause: () => Promise<void> = nextTask, now: () => number = () => performance.now()): Promise<LibraryIndex> {
    const steps = indexParts(input, rowStems);
    let since = now();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return new LibraryIndex(step.value);
      if (now() - since >= SLICE_MS) {
        await pause();
        since = now();
      }
    }
  }

  constructor(input: readonly LibraryRow[] | IndexParts, stemsOf: (r: LibraryRow) => string[] = rowStems) {
    let parts: IndexParts;
    if (Array.isArray(input)) {
      const steps = indexParts(input as readonly LibraryRow[], stemsOf);
      let step = steps.next();
      while (!step.done) step = steps.next();
      parts = step.value;
    } else parts = input as IndexParts;
    this.rows = parts.rows;
    this.surNames = parts.surNames;
    this.fromNames = parts.fromNames;
    this.issues = parts.issues;
    this.responses = parts.responses;
    this.sessions = parts.sessions;
    this.sur = parts.sur;
    this.from = parts.from;
    this.session = parts.session;
    this.action = parts.action;
    this.response = parts.response;
    this.relevant = parts.relevant;
    this.issuePostings = parts.issuePostings;
    this.postings = parts.postings;
    this.vocabulary = parts.vocabulary;
    this.surIds = parts.surIds;
    this.fromIds = parts.fromIds;
    this.responseIds = parts.responseIds;
    const n = parts.rows.length;
    this.docCount = n;
    this.stamp = new Int32Array(n).fill(-1);
    this.hits = new Int32Array(n);
    this.score = new Float32Array(n);
  }

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

  /** For each State code, which State-under-Review and recommending-State names carry it (built on first use). */
  private codeNames?: Map<string, { sur: Set<number>; from: Set<number> }>;

  private namesOf(code: string): { sur: Set<number>; from: Set<number> } {
    if (!this.codeNames) {
      this.codeNames = new Map();
      const at = (c: string) => {
        let e = this.codeNames!.get(c);
        if (!e) this.codeNames!.set(c, (e = { sur: new Set(), from: new Set() }));
        return e;
      };
      for (let i = 0; i < this.docCount; i++) {
        const r = this.rows[i]!;
        if (r.surCode) at(r.surCode).sur.add(this.sur[i]!);
        if (r.fromCode) at(r.fromCode).from.add(this.from[i]!);
      }
    }
    return this.codeNames.get(code) ?? { sur: new Set(), from: new Set() };
  }

  /** What a query term stands for in this library: rows to test, index terms to look up. */
  private resolve(term: QueryTerm, exact: boolean): Resolved {
    if (term.kind === 'state') {
      const names = this.namesOf(term.state.code);
      return { kind: 'state', test: (i) => names.sur.has(this.sur[i]!) || names.from.has(this.from[i]!) };
    }
    if (term.kind === 'word') {
      const alternatives = exact ? (this.postings.has(term.term) ? ([[term.term, 1]] as Array<[string, number]>) : []) : this.expand(term.term, term.typing);
      return { kind: 'word', alternatives };
    }
    const last = term.terms.length - 1;
    return {
      kind: 'phrase',
      alternatives: term.terms.map((t, k) => (k === last && term.typing && !exact ? this.expand(t, true) : this.postings.has(t) ? [[t, 1] as [string, number]] : [])),
    };
  }

  /** Calls `visit` for each row a resolved term may match (a phrase: rows holding all its words), with the term's weight there. */
  private eachRow(r: Resolved, visit: (i: number, weight: number) => void): void {
    if (r.kind === 'state') {
      for (let i = 0; i < this.docCount; i++) if (r.test(i)) visit(i, 0);
      return;
    }
    const idf = (p: Int32Array, w: number) => Math.log(1 + this.docCount / p.length) * w;
    if (r.kind === 'word') {
      for (const [term, weight] of r.alternatives) {
        const p = this.postings.get(term)!;
        const s = idf(p, weight);
        for (let k = 0; k < p.length; k++) visit(p[k]!, s);
      }
      return;
    }
    // A phrase: rows holding every one of its words (their order is checked in `holds`).
    const seen = new Uint8Array(this.docCount);
    let weight = 0;
    r.alternatives.forEach((alts, j) => {
      for (const [term, w] of alts) {
        const p = this.postings.get(term)!;
        weight += idf(p, w) / alts.length;
        for (let k = 0; k < p.length; k++) if (seen[p[k]!] === j) seen[p[k]!] = j + 1;
      }
    });
    const all = r.alternatives.length;
    if (r.alternatives.some((a) => !a.length)) return;
    for (let i = 0; i < this.docCount; i++) if (seen[i] === all) visit(i, weight);
  }

  /** Whether row `i` holds the term exactly: a phrase's words in order, a word or one of its readings. */
  private holds(r: Resolved, i: number, tokens: () => string[]): boolean {
    if (r.kind === 'state') return r.test(i);
    const toks = tokens();
    if (r.kind === 'word') return r.alternatives.some(([t]) => toks.includes(t));
    const sets = r.alternatives.map((alts) => new Set(alts.map(([t]) => t)));
    for (let s = 0; s + sets.length <= toks.length; s++) if (sets.every((set, k) => set.has(toks[s + k]!))) return true;
    return false;
  }

  /** Row positions matching every clause (and no negated one) and the filters, unordered; `score` holds their weights. */
  private matchRows(clauses: readonly QueryClause[], keep: (i: number) => boolean): number[] {
    const { stamp, hits, score } = this;
    stamp.fill(-1);
    hits.fill(0);
    score.fill(0);
    const positive = clauses.filter((c) => !c.negated);
    // NOT takes words exactly: "-death" leaves out "death", not what a typo of it might be.
    const resolved = new Map<QueryClause, Resolved[]>(clauses.map((c) => [c, c.terms.map((t) => this.resolve(t, c.negated))]));
    positive.forEach((c, ci) => {
      // Rows are counted once per clause, whichever of its terms or readings matched first.
      const mark = (i: number, s: number) => {
        if (stamp[i] !== ci) {
          stamp[i] = ci;
          hits[i]!++;
          score[i]! += s;
        }
      };
      for (const r of resolved.get(c)!) {
        if (r.kind !== 'word') {
          this.eachRow(r, mark);
          continue;
        }
        // Words are most of the work (a common word lists most rows): marked inline, no call per row.
        for (const [term, weight] of r.alternatives) {
          const p = this.postings.get(term)!;
          const idf = Math.log(1 + this.docCount / p.length) * weight;
          for (let k = 0; k < p.length; k++) {
            const i = p[k]!;
            if (stamp[i] !== ci) {
              stamp[i] = ci;
              hits[i]!++;
              score[i]! += idf;
            }
          }
        }
      }
    });
    const toCheck: Array<{ clause: QueryClause; terms: Resolved[] }> = [];
    for (const c of clauses) {
      const terms = resolved.get(c)!;
      if (terms.some((r) => r.kind === 'phrase')) toCheck.push({ clause: c, terms });
      else if (c.negated) for (const r of terms) this.eachRow(r, (i) => void (hits[i] = -1));
    }
    const need = positive.length;
    const found: number[] = [];
    for (let i = 0; i < this.docCount; i++) {
      if (hits[i] !== need || !keep(i)) continue;
      if (toCheck.length) {
        let toks: string[] | undefined;
        const tokens = () => (toks ??= rowStems(this.rows[i]!));
        if (!toCheck.every(({ clause, terms }) => terms.some((r) => this.holds(r, i, tokens)) !== clause.negated)) continue;
      }
      found.push(i);
    }
    return found;
  }

  /**
   * A word of one or two letters still being typed ("Norway t"), which no row holds as it is:
   * it waits for its next letters rather than empty the list at each keystroke.
   */
  private waiting(t: QueryTerm): boolean {
    return t.kind === 'word' && t.typing && t.term.length < 3 && !this.postings.has(t.term);
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
        if (this.postings.has(t.term) || (t.typing && this.vocabulary.completions(t.term, 1).length)) return { kind: 'text', label: t.typed, typed: t.typed };
        // A misspelt word reads as the known word that most rows hold.
        const best = this.vocabulary.corrections(t.term).sort((a, b) => this.postings.get(b)!.length - this.postings.get(a)!.length)[0];
        return best ? { kind: 'text', label: best, typed: t.typed, corrected: true } : { kind: 'text', label: t.typed, typed: t.typed, unknown: true };
      }),
    }));
  }

  search(query: string | LibraryQuery, filters: LibraryFilters = {}): LibraryResult {
    const q = typeof query === 'string' ? parseLibraryQuery(query, bundledStateNames()) : query;
    const reading = this.read(q);
    const keep = this.filterFn(filters);
    if (!keep) return { rows: [], total: 0, reading };
    const pending = (c: QueryClause) => c.terms.length === 1 && this.waiting(c.terms[0]!);
    const clauses = q.clauses.filter((c) => !pending(c));
    const found = this.matchRows(clauses, keep);
    if (!found.length && clauses.length) {
      // Say which term found nothing, and what dropping each term would find (one term alone
      // found nothing; without it, every row the filters keep).
      q.clauses.forEach((c, k) => {
        if (pending(c)) return;
        const rest = clauses.filter((other) => other !== c);
        let kept = 0;
        if (!rest.length) for (let i = 0; i < this.docCount; i++) kept += keep(i) ? 1 : 0;
        reading[k]!.without = rest.length ? this.matchRows(rest, keep).length : kept;
        if (!c.negated) reading[k]!.alone = rest.length ? this.matchRows([c], keep).length : 0;
      });
      return { rows: [], total: 0, reading };
    }
    const { score } = this;
    found.sort((a, b) => score[b]! - score[a]! || a - b);

    // Fuse re-ranks the best of them by closeness to the words as typed (not the States).
    const typed = clauses.filter((c) => !c.negated).flatMap((c) => c.terms.filter((t) => t.kind !== 'state').map((t) => t.typed));
    const head = typed.length ? found.slice(0, RANKED) : [];
    if (head.length) {
      const fuse = new Fuse(
        head.map((i) => this.rows[i]!),
        { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6, useExtendedSearch: false },
      );
      const order = new Map<number, number>();
      fuse.search(typed.join(' ')).forEach((r, k) => order.set(head[r.refIndex]!, k));
      head.sort((a, b) => (order.get(a) ?? RANKED + 1) - (order.get(b) ?? RANKED + 1) || score[b]! - score[a]!);
    }
    const rows = new Array<LibraryRow>(found.length);
    for (let k = 0; k < head.length; k++) rows[k] = this.rows[head[k]!]!;
    for (let k = head.length; k < found.length; k++) rows[k] = this.rows[found[k]!]!;
    return { rows, total: found.length, reading };
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
