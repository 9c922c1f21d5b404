/**
 * The rows a page shows, read from IndexedDB by position (the index holds no row: see
 * lib/library/search-index.ts). A row's block is found from the index's block table; the last
 * blocks read are kept, so scrolling back, or a search that finds the same rows, reads nothing.
 */
import type { R2PDatabase } from '../db/database';
import type { LibraryRow } from '../db/rows';
import type { IndexSnapshot } from './index-snapshot';

/** Blocks kept in memory: a screen of results seldom needs more than a dozen. */
const KEEP_BLOCKS = 24;

export class RowSource {
  private readonly cache = new Map<number, LibraryRow[]>();
  private readonly loading = new Map<number, Promise<void>>();

  constructor(
    private readonly db: R2PDatabase,
    private readonly index: Pick<IndexSnapshot, 'blockIds' | 'blockFirst'>,
  ) {}

  /** Which block holds a position, and where in it. */
  private locate(pos: number): { block: number; slot: number } {
    const first = this.index.blockFirst;
    let lo = 0;
    let hi = first.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (first[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { block: lo, slot: pos - first[lo]! };
  }

  /** The row at a position if its block is in memory. */
  cached(pos: number): LibraryRow | undefined {
    const { block, slot } = this.locate(pos);
    const rows = this.cache.get(block);
    if (!rows) return undefined;
    // Most recently used last.
    this.cache.delete(block);
    this.cache.set(block, rows);
    return rows[slot];
  }

  /** Reads the blocks holding these positions (one request for all that are missing). */
  async load(positions: Iterable<number>): Promise<void> {
    const wanted = new Set<number>();
    const waits: Promise<void>[] = [];
    for (const p of positions) {
      const { block } = this.locate(p);
      if (this.cache.has(block)) continue;
      const pending = this.loading.get(block);
      if (pending) waits.push(pending);
      else wanted.add(block);
    }
    if (wanted.size) {
      const list = [...wanted];
      const read = this.db.libraryBlocks.bulkGet(list.map((b) => this.index.blockIds[b]!)).then((blocks) => {
        blocks.forEach((b, k) => {
          this.loading.delete(list[k]!);
          if (b) this.cache.set(list[k]!, b.rows);
        });
        while (this.cache.size > KEEP_BLOCKS) this.cache.delete(this.cache.keys().next().value!);
      });
      for (const b of list) this.loading.set(b, read);
      waits.push(read);
    }
    await Promise.all(waits);
  }

  /** The rows at these positions, in the order given. */
  async rows(positions: readonly number[]): Promise<LibraryRow[]> {
    await this.load(positions);
    return positions.map((p) => this.cached(p)!).filter(Boolean);
  }

  /**
   * Every row at these positions, in the order given, read block by block in storage order (an
   * export of the whole list reads each block once, whatever the order).
   */
  async each(positions: ArrayLike<number>, visit: (row: LibraryRow, rank: number) => void, perRead = 8): Promise<void> {
    const byBlock = new Map<number, Array<[number, number]>>();
    for (let k = 0; k < positions.length; k++) {
      const { block, slot } = this.locate(positions[k]!);
      let l = byBlock.get(block);
      if (!l) byBlock.set(block, (l = []));
      l.push([slot, k]);
    }
    const blocks = [...byBlock.keys()].sort((a, b) => a - b);
    for (let i = 0; i < blocks.length; i += perRead) {
      const part = blocks.slice(i, i + perRead);
      const read = await this.db.libraryBlocks.bulkGet(part.map((b) => this.index.blockIds[b]!));
      read.forEach((b, j) => {
        if (!b) return;
        for (const [slot, rank] of byBlock.get(part[j]!)!) visit(b.rows[slot]!, rank);
      });
    }
  }
}
