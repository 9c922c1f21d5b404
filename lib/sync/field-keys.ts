/**
 * Which shared field an autosaved field of the Reviews tab edits, read from its save key (the
 * keys components/reviews already give their fields). Only texts are bound live to the shared
 * document; the other fields save to the rows as usual and reach the document by the merge.
 */
import { entityKey, STATEMENT_KEY } from './fields';

export interface SharedTextRef {
  key: string;
  field: string;
}

export function sharedTextOf(saveKey: string): SharedTextRef | undefined {
  const p = saveKey.split(':');
  if (p[0] === 'draft' && p.length === 2) return { key: entityKey('drafts', p[1]!), field: 'text' };
  if (p[0] === 'assessment' && p.length === 4 && p[3] === 'note') return { key: entityKey('assessments', p[2]!), field: 'note' };
  if (p[0] === 'statement' && p.length === 3 && (p[2] === 'opening' || p[2] === 'closing')) return { key: STATEMENT_KEY, field: p[2] };
  if (p[0] === 'followUp' && p.length === 3 && p[2] === 'what') return { key: entityKey('followUps', p[1]!), field: 'what' };
  return undefined;
}
