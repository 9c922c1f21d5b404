/** Step 4: the catalogue's entries on international assistance. */
import type { KnowledgeBase } from '../catalogue/knowledge';
import type { Recommendation } from '../catalogue/schema';

export function assistanceEntries(kb: KnowledgeBase): Recommendation[] {
  return kb.recommendations.filter((r) => r.themes.includes('international-assistance') || r.uprSteps.includes(4));
}
