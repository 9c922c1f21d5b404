/**
 * States as a sentence names them: "the Syrian Arab Republic", "the Netherlands", "Kenya" (the
 * `nameInSentence` of data/states.json), with "The" at a sentence's start, and a delegation the user
 * typed ("Netherlands", "UK", "Ireland") read as the State it names.
 */
import { stateLookup, type StateLookup } from '../import/state-names';
import type { KnowledgeBase } from './knowledge';

export interface StateNames {
  code: string;
  /** As lists show it: "Syrian Arab Republic", "Netherlands (Kingdom of the)". */
  name: string;
  /** As a sentence says it: "the Syrian Arab Republic", "the Netherlands". */
  inSentence: string;
}

export function stateNames(code: string, kb: KnowledgeBase): StateNames {
  const s = kb.states.find((x) => x.code === code);
  return s ? { code, name: s.name, inSentence: s.nameInSentence } : { code, name: code, inSentence: code };
}

/** "the Netherlands recommends" -> "The Netherlands recommends". */
export function atSentenceStart(text: string): string {
  return text.replace(/^\s*(\p{Ll})/u, (m) => m.toUpperCase());
}

const lookups = new WeakMap<KnowledgeBase, StateLookup>();

/**
 * The user's own delegation as a sentence names it: a State by any of its names ("Netherlands",
 * "UK", "the syrian arab republic") comes out as the UN short name with its article; anything else
 * ("the European Union", "Nordic countries") as typed. "" when not set.
 */
export function delegationInSentence(delegation: string, kb: KnowledgeBase): string {
  const typed = delegation.trim().replace(/\s+/g, ' ');
  if (!typed) return '';
  let lookup = lookups.get(kb);
  if (!lookup) lookups.set(kb, (lookup = stateLookup(kb.states)));
  const code = lookup(typed);
  return code ? stateNames(code, kb).inSentence : typed;
}
