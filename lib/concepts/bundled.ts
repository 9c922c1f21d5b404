/**
 * The matcher bound to the bundled lexicon (data/concepts.json), for extension pages and tests.
 * Kept apart from match.ts so code that ships a precompiled table (the content script) does not
 * pull the whole knowledge base in through an import.
 */
import { knowledgeBase } from '../catalogue/knowledge';
import { compileLexicon, type CompiledLexicon } from './compile';
import { matchConcepts, type ConceptMatch } from './match';

let compiled: CompiledLexicon | undefined;

/** Compiled on first use, then reused: compiling is the expensive part, matching is per page. */
export function bundledLexicon(): CompiledLexicon {
  return (compiled ??= compileLexicon(knowledgeBase().concepts));
}

export function matchBundledConcepts(text: string): ConceptMatch[] {
  return matchConcepts(text, bundledLexicon());
}
