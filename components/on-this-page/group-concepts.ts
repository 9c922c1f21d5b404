/** The "On this page" list: the concepts a page holds, grouped by category in a fixed order, most frequent first. */
import { CONCEPT_CATEGORIES, type Concept, type ConceptCategoryId } from '@/lib/catalogue/schema';
import { CATEGORY_LABELS } from '@/lib/catalogue/labels';

export interface PageConcept {
  id: string;
  label: string;
  count: number;
}

export interface PageGroup {
  category: ConceptCategoryId;
  label: string;
  concepts: PageConcept[];
  total: number;
}

export function groupPageConcepts(counts: Record<string, number>, concepts: readonly Concept[]): PageGroup[] {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const groups = new Map<ConceptCategoryId, PageConcept[]>();
  for (const [id, count] of Object.entries(counts)) {
    const c = byId.get(id);
    if (!c || count <= 0) continue; // a concept this version does not know
    const list = groups.get(c.category) ?? [];
    list.push({ id, label: c.label, count });
    groups.set(c.category, list);
  }
  return CONCEPT_CATEGORIES.flatMap((category) => {
    const list = groups.get(category);
    if (!list) return [];
    list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return [{ category, label: CATEGORY_LABELS[category], concepts: list, total: list.reduce((n, c) => n + c.count, 0) }];
  });
}
