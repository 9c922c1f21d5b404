import { describe, expect, it } from 'vitest';
import { editDistance } from '@/lib/text/edit-distance';
import { TypoVocabulary } from '@/lib/text/typo-vocabulary';
import { buildConceptLexicon, findQueryConcepts } from '@/lib/catalogue/query-concepts';
import { knowledgeBase } from '@/lib/catalogue/knowledge';

describe('editDistance', () => {
  it('counts insertions, substitutions and swapped letters, and stops past the bound', () => {
    expect(editDistance('statue', 'statute', 2)).toBe(1);
    expect(editDistance('convension', 'convention', 2)).toBe(1);
    expect(editDistance('genocdie', 'genocide', 2)).toBe(1);
    expect(editDistance('statue', 'statelessness', 2)).toBe(3);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });
});

describe('TypoVocabulary', () => {
  const vocab = new TypoVocabulary(['statute', 'state', 'statelessness', 'convention', 'veto', 'vote', 'procedure']);
  it('reads a misspelt word as the known words one typo away, never a far one', () => {
    expect(vocab.corrections('statue').sort()).toEqual(['state', 'statute']);
    expect(vocab.corrections('convension')).toEqual(['convention']);
  });
  it('does not guess for short words, where one letter changes the meaning', () => {
    expect(vocab.corrections('vteo')).toEqual([]);
  });
  it('completes the word being typed', () => {
    expect(vocab.completions('stat').sort()).toEqual(['state', 'statelessness', 'statute']);
    expect(vocab.completions('zz')).toEqual([]);
  });
});

describe('findQueryConcepts', () => {
  const lex = buildConceptLexicon(knowledgeBase().concepts);
  it('recognises acronyms typed in any case, and respells misspelt phrases', () => {
    expect(findQueryConcepts('icc', lex).ids).toEqual(['international-criminal-court']);
    expect(findQueryConcepts('rome statue', lex)).toEqual({ ids: ['rome-statute'], corrected: 'Rome Statute', typos: [{ typed: 'statue', read: 'statute' }] });
    // Typos off (the words as typed): "statue" is not "statute".
    expect(findQueryConcepts('rome statue', lex, { typos: false }).ids).toEqual([]);
    expect(findQueryConcepts('genocide convension', lex).ids).toEqual(['genocide-convention']);
  });
  it('prefers the longest phrase and keeps the words it does not know', () => {
    const r = findQueryConcepts('crimes against humanity in Syria', lex);
    expect(r.ids).toEqual(['crimes-against-humanity']);
    expect(r.corrected).toMatch(/^Crimes against humanity in syria$/i);
  });
  it('accepts the unfinished last word of a phrase', () => {
    expect(findQueryConcepts('responsibility to prot', lex).ids).toEqual(['responsibility-to-protect']);
  });
});
