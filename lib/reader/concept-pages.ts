/**
 * "On this document": which concepts each page holds, counted from the pages' extracted text
 * (so pages not drawn yet count too), for the reader's side list with jump-to-page.
 */
import type { Match } from '../highlight/orchestrator';

export interface ConceptPages {
  conceptId: string;
  total: number;
  /** Pages holding it, ascending, 1-based. */
  pages: number[];
}

export class ConceptIndex {
  private readonly byConcept = new Map<string, { total: number; pages: number[] }>();
  private readonly seen = new Set<number>();

  constructor(private readonly match: (text: string) => Match[]) {}

  /** Adds one page's text (once per page). */
  addPage(page: number, text: string): void {
    if (this.seen.has(page)) return;
    this.seen.add(page);
    const counts = new Map<string, number>();
    for (const m of this.match(text)) counts.set(m.conceptId, (counts.get(m.conceptId) ?? 0) + 1);
    for (const [id, n] of counts) {
      const entry = this.byConcept.get(id) ?? { total: 0, pages: [] };
      entry.total += n;
      // Pages arrive in any order (visible pages first): keep the list sorted.
      const at = entry.pages.findIndex((p) => p > page);
      if (at === -1) entry.pages.push(page);
      else entry.pages.splice(at, 0, page);
      this.byConcept.set(id, entry);
    }
  }

  /** Most frequent first, then by id for a stable order. */
  list(): ConceptPages[] {
    return [...this.byConcept]
      .map(([conceptId, e]) => ({ conceptId, total: e.total, pages: [...e.pages] }))
      .sort((a, b) => b.total - a.total || a.conceptId.localeCompare(b.conceptId));
  }
}

/** The page to go to for a concept: the first holding it after the current page, wrapping round. */
export function nextPageWith(pages: readonly number[], currentPage: number): number | undefined {
  if (!pages.length) return undefined;
  return pages.find((p) => p > currentPage) ?? pages[0];
}
