/**
 * Posting lists (which rows hold a word, an issue, a recommending State) in the compact form the
 * library index is stored and searched in: each key's row positions, ascending, as gaps written
 * in variable-length bytes (one byte for a gap under 128). At 267,000 rows that is about 1.2
 * bytes a posting against 4 for an Int32Array, and it is stored and loaded as it is.
 */

export interface PostingsTable {
  /** Keys in code-unit order (binary search, completions). */
  keys: string[];
  /** Where each key's bytes start in `data`, and how many rows it lists. */
  start: Uint32Array;
  count: Uint32Array;
  /** Each key's last position, so a later import appends gaps without decoding. */
  last: Int32Array;
  /** Byte length of each key's run in `data`. */
  bytes: Uint32Array;
  data: Uint8Array;
}

export const emptyTable = (): PostingsTable => ({ keys: [], start: new Uint32Array(0), count: new Uint32Array(0), last: new Int32Array(0), bytes: new Uint32Array(0), data: new Uint8Array(0) });

/** Index of `key` in the table, or -1. */
export function findKey(t: PostingsTable, key: string): number {
  let lo = 0;
  let hi = t.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = t.keys[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Calls `visit` with each position of key number `k`, ascending. */
export function eachPosition(t: PostingsTable, k: number, visit: (pos: number) => void): void {
  const data = t.data;
  let at = t.start[k]!;
  let pos = -1;
  for (let n = t.count[k]!; n > 0; n--) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = data[at++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    pos += gap;
    visit(pos);
  }
}

/** The positions of key number `k` as an array. */
export function positionsOf(t: PostingsTable, k: number): Int32Array {
  const out = new Int32Array(t.count[k]!);
  let i = 0;
  eachPosition(t, k, (p) => (out[i++] = p));
  return out;
}

/** Builds a table from an earlier one and new (key, position) pairs given in ascending position order. */
export class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private bufs: Uint8Array[] = [];
  private lens: number[] = [];
  private lasts: number[] = [];
  private counts: number[] = [];

  constructor(from?: PostingsTable) {
    if (!from) return;
    for (let k = 0; k < from.keys.length; k++) {
      const s = from.start[k]!;
      const len = from.bytes[k]!;
      const buf = new Uint8Array(Math.max(8, len + (len >> 2)));
      buf.set(from.data.subarray(s, s + len));
      this.ids.set(from.keys[k]!, k);
      this.keys.push(from.keys[k]!);
      this.bufs.push(buf);
      this.lens.push(len);
      this.lasts.push(from.last[k]!);
      this.counts.push(from.count[k]!);
    }
  }

  /** Records that row `pos` holds `key`; a second call for the same row and key is ignored. */
  add(key: string, pos: number): void {
    this.addId(this.keyId(key), pos);
  }

  /** The builder's number for a key (made on first sight). */
  keyId(key: string): number {
    let k = this.ids.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.ids.set(key, k);
      this.keys.push(key);
      this.bufs.push(new Uint8Array(8));
      this.lens.push(0);
      this.lasts.push(-1);
      this.counts.push(0);
    }
    return k;
  }

  /** `add` by the key's number. */
  addId(k: number, pos: number): void {
    const last = this.lasts[k]!;
    if (pos <= last) return;
    let gap = pos - last;
    let buf = this.bufs[k]!;
    let len = this.lens[k]!;
    if (len + 5 > buf.length) {
      const bigger = new Uint8Array(buf.length * 2 + 8);
      bigger.set(buf.subarray(0, len));
      this.bufs[k] = buf = bigger;
    }
    while (gap >= 0x80) {
      buf[len++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    buf[len++] = gap;
    this.lens[k] = len;
    this.lasts[k] = pos;
    this.counts[k]!++;
  }

  get size(): number {
    return this.keys.length;
  }

  finish(): PostingsTable {
    const order = this.keys.map((_, i) => i).sort((a, b) => (this.keys[a]! < this.keys[b]! ? -1 : this.keys[a]! > this.keys[b]! ? 1 : 0));
    const n = order.length;
    const total = this.lens.reduce((s, l) => s + l, 0);
    const t: PostingsTable = { keys: new Array<string>(n), start: new Uint32Array(n), count: new Uint32Array(n), last: new Int32Array(n), bytes: new Uint32Array(n), data: new Uint8Array(total) };
    let at = 0;
    order.forEach((k, i) => {
      t.keys[i] = this.keys[k]!;
      t.start[i] = at;
      t.count[i] = this.counts[k]!;
      t.last[i] = this.lasts[k]!;
      t.bytes[i] = this.lens[k]!;
      t.data.set(this.bufs[k]!.subarray(0, this.lens[k]!), at);
      at += this.lens[k]!;
    });
    // The builder's buffers are garbage from here on.
    this.bufs = [];
    return t;
  }
}
