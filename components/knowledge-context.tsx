import { createContext, useContext } from 'react';
import { knowledgeBase, type KnowledgeBase } from '@/lib/catalogue/knowledge';

const KnowledgeContext = createContext<KnowledgeBase | null>(null);
export const KnowledgeProvider = KnowledgeContext.Provider;

/** The bundled knowledge base; tests may provide a smaller one. */
export function useKnowledge(): KnowledgeBase {
  return useContext(KnowledgeContext) ?? knowledgeBase();
}
