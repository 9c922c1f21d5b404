/**
 * The hits painted on a page, findable by text node (for incremental updates and hover) and
 * counted by concept (for the badge and the side panel).
 */
export interface Hit {
  conceptId: string;
  category: string;
  range: Range;
  /** Every text node the range touches. */
  nodes: Text[];
}

export class HitStore {
  private readonly byNode = new Map<Text, Hit[]>();
  private readonly all = new Set<Hit>();
  private readonly perConcept = new Map<string, number>();
  /** Bumped on every change, so readers can cache derived lists. */
  version = 0;

  get size(): number {
    return this.all.size;
  }

  add(hit: Hit): void {
    this.all.add(hit);
    for (const n of hit.nodes) {
      const list = this.byNode.get(n);
      if (list) list.push(hit);
      else this.byNode.set(n, [hit]);
    }
    this.perConcept.set(hit.conceptId, (this.perConcept.get(hit.conceptId) ?? 0) + 1);
    this.version++;
  }

  remove(hit: Hit): boolean {
    if (!this.all.delete(hit)) return false;
    for (const n of hit.nodes) {
      const list = this.byNode.get(n);
      if (!list) continue;
      const rest = list.filter((h) => h !== hit);
      if (rest.length) this.byNode.set(n, rest);
      else this.byNode.delete(n);
    }
    const left = (this.perConcept.get(hit.conceptId) ?? 1) - 1;
    if (left) this.perConcept.set(hit.conceptId, left);
    else this.perConcept.delete(hit.conceptId);
    this.version++;
    return true;
  }

  at(node: Text): readonly Hit[] {
    return this.byNode.get(node) ?? [];
  }

  /** Removes and returns the hits touching any text node under `root` (or `root` itself). */
  takeUnder(root: Node): Hit[] {
    const taken: Hit[] = [];
    const take = (n: Text) => {
      for (const h of this.at(n)) if (this.remove(h)) taken.push(h);
    };
    if (root.nodeType === 3) take(root as Text);
    else {
      const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) take(n as Text);
    }
    return taken;
  }

  /** Removes and returns hits whose text left the page. */
  takeDisconnected(): Hit[] {
    const taken: Hit[] = [];
    for (const [node, list] of [...this.byNode]) {
      if (node.isConnected) continue;
      for (const h of list) if (this.remove(h)) taken.push(h);
    }
    return taken;
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.perConcept);
  }

  hits(): IterableIterator<Hit> {
    return this.all.values();
  }

  clear(): Hit[] {
    const taken = [...this.all];
    this.all.clear();
    this.byNode.clear();
    this.perConcept.clear();
    this.version++;
    return taken;
  }
}
