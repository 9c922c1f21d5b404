/**
 * Editorial rules of the knowledge base, beyond what the schemas can say: what a UN reader relies
 * on. Pure, so the data tests and scripts/validate-data.ts share it. Each message names the entry
 * and what to do.
 */
import { actionsIn } from '../upr/one-action';
import type { KnowledgeBase } from './knowledge';

/** Verbs that open a sentence about a State's conduct in UN bodies, not its own record. */
const UN_CONDUCT_OPENERS = ['support', 'contribute', 'vote'];
/** "Accept" is the UPR's old word for a State's response: it now "supports" or "notes". */
const OLD_RESPONSE_WORD = /\baccept(?:s|ed|ing|ance)?\b[^.]*\brecommendations?\b|\brecommendations?\b[^.]*\baccept(?:s|ed|ing|ance)?\b/i;

export function checkEditorialRules(kb: KnowledgeBase): string[] {
  const problems: string[] = [];

  for (const f of kb.riskFactors.factors) {
    if (f.framework !== 'foa-2014') continue;
    const where = `risk factor ${f.id}`;
    if (f.indicators.length === 0) problems.push(`${where}: has no indicators; every Framework risk factor lists its own (mark unchecked ones "verified": false)`);
    if (!f.numberingNote) problems.push(`${where}: say in "numberingNote" how far its numbering could be checked`);
    f.indicators.forEach((ind, i) => {
      const expected = `${f.number}.${i + 1}`;
      if (ind.number !== expected || ind.id !== `foa-${expected}`) {
        problems.push(`${where}: indicator ${ind.id} is number ${ind.number} in position ${i + 1}; expected ${expected} (delegates cite by number)`);
      }
    });
  }

  for (const rec of kb.recommendations) {
    rec.upr.forEach((s, i) => {
      const where = `recommendation ${rec.id}, UPR sentence ${i + 1}`;
      const actions = actionsIn(s.text);
      if (actions.length > 1 && !s.multipleActionsReason) {
        problems.push(`${where}: asks for ${actions.length} actions (${actions.map((a) => a.verb).join(', ')}); split it, one action per sentence, or say why in "multipleActionsReason"`);
      }
      if (actions.length === 0) problems.push(`${where}: opens with no action verb`);
      const opener = s.text.trim().split(/[\s,]/)[0]!.toLowerCase();
      if (UN_CONDUCT_OPENERS.includes(opener) && s.scope === 'own-record') {
        problems.push(`${where}: opens with "${opener}", about the State's conduct in UN bodies or abroad; give it "scope": "un-bodies" or "abroad"`);
      }
      if (OLD_RESPONSE_WORD.test(s.text)) problems.push(`${where}: UPR responses are "supported" or "noted", not "accepted"`);
      if (/\.\s*$/.test(s.text)) problems.push(`${where}: leave off the final full stop (the time element follows the action)`);
    });
  }
  return problems;
}
