/**
 * The library's search index as it is stored (Dexie table `libraryIndex`, version 4) and loaded:
 * a column per field (typed arrays), posting lists (lib/library/postings.ts), and where each
 * row's block is. It holds no text: the side panel searches 267,000 records with this alone and
 * reads from IndexedDB only the rows it shows (lib/library/row-source.ts).
 *
 * The import builds it in its worker, inside the import's transaction, as rows are written
 * (`IndexBuilder`): the panel that opens afterwards, or reopens a day later, loads one record
 * instead of reading every row back and splitting its words again. Pure: no database here.
 */
import type { LibraryRow } from '../db/rows';
import { eachIndexTerm } from './index-terms';
import { emptyTable, PostingsBuilder, type PostingsTable } from './postings';

/** Bumped when what is indexed, or how (words, stemming), changes: an index of another format is rebuilt from the rows. */
export const INDEX_FORMAT = 1;

export const MECHANISMS = ['upr', 'treaty-body', 'special-procedure', 'other'] as const;
export const KINDS = ['recommendation', 'concern'] as const;

export interface IndexColumns {
  sur: Int32Array;
  from: Int32Array;
  body: Int32Array;
  session: Int16Array;
  action: Int8Array;
  response: Int8Array;
  relevant: Uint8Array;
  mechanism: Uint8Array;
  kind: Uint8Array;
  /** yyyymmdd of the document, or of the session for UPR rows without a date: the default order is latest first. */
  recency: Int32Array;
  /** Words in the text, for ranking (short texts that hold every word come first). */
  length: Uint16Array;
}

export interface IndexSnapshot {
  id: 'search';
  format: number;
  rows: number;
  /** Block `b` (IndexedDB key `blockIds[b]`) holds positions `blockFirst[b]` up to the next block's first. */
  blockIds: Float64Array;
  blockFirst: Int32Array;
  names: { sur: string[]; from: string[]; body: string[]; response: string[] };
  columns: IndexColumns;
  terms: PostingsTable;
  issues: PostingsTable;
  /** Further recommending States of rows several States made together, by name. */
  fromAlso: PostingsTable;
}

/** Row ids and content keys, for an import's duplicate check (table `libraryIndex`, id `keys`). */
export interface KeysSnapshot {
  id: 'keys';
  ids: string[];
  contents: string[];
  /** 1 where the row has a UHRI annotation id. */
  annotated: Uint8Array;
}

const SESSION_MONTHS = [4, 8, 12];
/** A UPR session's rough date: three a year from April 2008. */
const sessionDate = (s: number) => (2008 + Math.floor((s - 1) / 3)) * 10000 + SESSION_MONTHS[(s - 1) % 3]! * 100 + 1;

export function recencyOf(r: Pick<LibraryRow, 'date' | 'session'>): number {
  if (r.date) return Number(r.date.replace(/-/g, ''));
  return r.session ? sessionDate(r.session) : 0;
}

class Column<T extends Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array> {
  private data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T, from?: T) {
    this.data = from ? from : make(1024);
    this.length = from ? from.length : 0;
    if (from) this.grow(from.length + 1024);
  }
  private grow(n: number) {
    const next = this.make(n);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }
  push(v: number) {
    if (this.length === this.data.length) this.grow(this.data.length * 2);
    this.data[this.length++] = v;
  }
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const idOf = (ids: Map<string, number>, names: string[], name: string) => {
  let v = ids.get(name);
  if (v === undefined) {
    ids.set(name, (v = names.length));
    names.push(name);
  }
  return v;
};

/** Builds the next index from the current one (or none) and the rows an import adds, in the order written. */
export class IndexBuilder {
  private n: number;
  private readonly names: IndexSnapshot['names'];
  private readonly nameIds: { [K in keyof IndexSnapshot['names']]: Map<string, number> };
  private readonly cols: { [K in keyof IndexColumns]: Column<IndexColumns[K]> };
  private readonly terms: PostingsBuilder;
  private readonly issues: PostingsBuilder;
  private readonly fromAlso: PostingsBuilder;
  private readonly blockIds: number[];
  private readonly blockFirst: number[];

  constructor(from?: IndexSnapshot) {
    this.n = from?.rows ?? 0;
    const names = from?.names ?? { sur: [], from: [], body: [], response: [] };
    this.names = { sur: [...names.sur], from: [...names.from], body: [...names.body], response: [...names.response] };
    const ids = (list: string[]) => new Map(list.map((s, i) => [s, i]));
    this.nameIds = { sur: ids(this.names.sur), from: ids(this.names.from), body: ids(this.names.body), response: ids(this.names.response) };
    const c = from?.columns;
    this.cols = {
      sur: new Column((n) => new Int32Array(n), c?.sur),
      from: new Column((n) => new Int32Array(n), c?.from),
      body: new Column((n) => new Int32Array(n), c?.body),
      session: new Column((n) => new Int16Array(n), c?.session),
      action: new Column((n) => new Int8Array(n), c?.action),
      response: new Column((n) => new Int8Array(n), c?.response),
      relevant: new Column((n) => new Uint8Array(n), c?.relevant),
      mechanism: new Column((n) => new Uint8Array(n), c?.mechanism),
      kind: new Column((n) => new Uint8Array(n), c?.kind),
      recency: new Column((n) => new Int32Array(n), c?.recency),
      length: new Column((n) => new Uint16Array(n), c?.length),
    };
    this.terms = new PostingsBuilder(from?.terms);
    this.issues = new PostingsBuilder(from?.issues);
    this.fromAlso = new PostingsBuilder(from?.fromAlso);
    this.blockIds = from ? [...from.blockIds] : [];
    this.blockFirst = from ? [...from.blockFirst] : [];
  }

  /** Rows in the index so far: the next row's position. */
  get size(): number {
    return this.n;
  }

  /** The next `count` positions are stored in the block with this key (called in position order). */
  addBlock(blockId: number, first: number): void {
    this.blockIds.push(blockId);
    this.blockFirst.push(first);
  }

  /** Adds a row at the next position, and returns that position. */
  add(r: LibraryRow): number {
    let words = 0;
    const pos = this.addColumns(r);
    eachIndexTerm(r.text, (t) => {
      words++;
      this.terms.add(t, pos);
    });
    this.cols.length.push(Math.min(words, 0xffff));
    return pos;
  }

  /** This builder's numbers for a tagged batch's words (lib/import/tag-batch.ts), for `addSplit`. */
  termKeys(terms: readonly string[]): Int32Array {
    return Int32Array.from(terms, (t) => this.terms.keyId(t));
  }

  /** Adds a row whose words were split already: row `r` of a tagged batch, its words numbered by `termKeys`. */
  addSplit(row: LibraryRow, batch: { termIds: Uint32Array; offsets: Uint32Array; lengths: Uint16Array }, r: number, keys: Int32Array): number {
    const pos = this.addColumns(row);
    for (let j = batch.offsets[r]!; j < batch.offsets[r + 1]!; j++) this.terms.addId(keys[batch.termIds[j]!]!, pos);
    this.cols.length.push(batch.lengths[r]!);
    return pos;
  }

  private addColumns(r: LibraryRow): number {
    const pos = this.n++;
    const c = this.cols;
    c.sur.push(idOf(this.nameIds.sur, this.names.sur, r.sur));
    c.from.push(idOf(this.nameIds.from, this.names.from, r.from));
    c.body.push(idOf(this.nameIds.body, this.names.body, r.body ?? 'UPR'));
    c.session.push(r.session ?? 0);
    c.action.push(r.action ?? 0);
    c.response.push(idOf(this.nameIds.response, this.names.response, r.response));
    c.relevant.push(r.relevant);
    c.mechanism.push(MECHANISMS.indexOf(r.mechanism ?? 'upr'));
    c.kind.push(KINDS.indexOf(r.kind ?? 'recommendation'));
    c.recency.push(recencyOf(r));
    for (const t of r.issues) this.issues.add(t, pos);
    for (const f of r.fromAlso ?? []) this.fromAlso.add(f, pos);
    return pos;
  }

  finish(): IndexSnapshot {
    const c = this.cols;
    return {
      id: 'search',
      format: INDEX_FORMAT,
      rows: this.n,
      blockIds: Float64Array.from(this.blockIds),
      blockFirst: Int32Array.from(this.blockFirst),
      names: this.names,
      columns: {
        sur: c.sur.finish(),
        from: c.from.finish(),
        body: c.body.finish(),
        session: c.session.finish(),
        action: c.action.finish(),
        response: c.response.finish(),
        relevant: c.relevant.finish(),
        mechanism: c.mechanism.finish(),
        kind: c.kind.finish(),
        recency: c.recency.finish(),
        length: c.length.finish(),
      },
      terms: this.terms.finish(),
      issues: this.issues.finish(),
      fromAlso: this.fromAlso.finish(),
    };
  }
}

export const emptySnapshot = (): IndexSnapshot => new IndexBuilder().finish();
export { emptyTable };
