/**
 * The verbs behind UPR Info's action categories: the examples of its method note (October 2014)
 * plus the verbs its coders treat the same way. Lemmas only; inflected forms and nouns such as
 * "ratification" are recognised by lib/upr/verb-forms.ts. Each verb sits in exactly one list.
 */
export type ActionCategory = 1 | 2 | 3 | 4 | 5;

export const CATEGORY_NAMES: Record<ActionCategory, string> = {
  1: 'minimal action',
  2: 'continuing action',
  3: 'considering action',
  4: 'general action',
  5: 'specific action',
};

/** Asking for help, sharing, or speaking to someone other than the State under Review. */
export const MINIMAL_VERBS = ['call', 'seek', 'share', 'request', 'exchange', 'emulate', 'solicit'] as const;

/** Keep doing what is already done. */
export const CONTINUING_VERBS = ['continue', 'maintain', 'persevere', 'persist', 'pursue', 'keep', 'sustain', 'remain', 'stay', 'preserve'] as const;

/** Think about a change, without committing to it. */
export const CONSIDERING_VERBS = [
  'analyse', 'analyze', 'consider', 'envisage', 'envision', 'examine', 'explore', 'reflect', 'revise', 'review',
  'study', 'reconsider', 'contemplate', 'assess', 'evaluate', 'weigh', 'debate', 'discuss', 'reassess', 'reexamine',
] as const;

/** An action whose content is left open: what exactly is done, and when it is done, cannot be checked. */
export const GENERAL_VERBS = [
  'accelerate', 'address', 'encourage', 'engage', 'ensure', 'guarantee', 'intensify', 'promote', 'speed',
  'strengthen', 'increase', 'respect', 'follow', 'step', 'improve', 'enhance', 'work', 'protect', 'reinforce',
  'expand', 'redouble', 'consolidate', 'combat', 'fight', 'cooperate', 'integrate', 'comply', 'refrain',
  'fulfil', 'fulfill', 'meet', 'support', 'facilitate', 'allocate', 'find', 'prioritize', 'prioritise', 'focus',
  'pay', 'adjust', 'expedite', 'reach', 'do', 'make', 'provide', 'give', 'broaden', 'deepen', 'advance',
  'tackle', 'prevent', 'foster', 'raise', 'reduce', 'upgrade', 'achieve', 'attain', 'eradicate', 'counter',
  'curb', 'endeavour', 'endeavor', 'strive', 'progress', 'move', 'involve', 'include', 'mainstream', 'empower',
  'assist', 'help', 'bolster', 'boost', 'heighten', 'invest', 'devote', 'dedicate', 'attach', 'place', 'put',
  'play', 'build', 'safeguard', 'secure', 'overcome', 'collaborate', 'coordinate', 'take', 'use',
  'educate', 'sensitize', 'sensitise', 'fund', 'finance', 'treat', 'handle', 'deal', 'observe', 'honour',
  'honor', 'abide', 'align', 'modernize', 'modernise', 'restore', 'monitor', 'mobilize', 'mobilise', 'redress',
  'minimize', 'minimise', 'alleviate', 'mitigate', 'fortify', 'ease', 'limit', 'contribute', 'cultivate',
  'nurture', 'instil', 'inculcate', 'publicize', 'publicise', 'lessen', 'diminish', 'avoid', 'refuse', 'condemn',
  'discourage', 'better', 'tolerate', 'widen', 'spread',
   'welcome', 'value',  'attend', 'tighten',  'realize', 'realise', 'offer',
  'guide', 'orient', 'direct', 'channel', 'target', 'redirect', 'emphasize', 'emphasise', 'stress', 'underline',
  'uphold', 'resolve', 'maximize', 'maximise', 'demonstrate', 'serve', 'succeed', 'accomplish', 'display', 'begin',
  'interpret', 'liberalize', 'liberalise', 'spare', 'consult', 'bear', 'heed', 'listen', 'learn', 'benefit', 'proceed', 'go', 'lead', 'spearhead', 'champion', 'reinvigorate',
  'avail', 'devise', 'regulate', 'update', 'streamline', 'simplify', 'exert', 'bridge', 'multiply', 'toughen', 'push', 'conform', 'embark', 'show',
] as const;

/** A concrete step one can check: a treaty ratified, a law adopted, an institution set up. */
export const SPECIFIC_VERBS = [
  'conduct', 'develop', 'eliminate', 'establish', 'investigate', 'undertake', 'abolish', 'accede', 'adopt',
  'amend', 'implement', 'ratify', 'sign', 'extend', 'end', 'complete', 'decriminalize', 'decriminalise',
  'criminalize', 'criminalise', 'enact', 'submit', 'report', 'set', 'issue', 'accept', 'enable', 'withdraw',
  'lift', 'incorporate', 'create', 'agree', 'prohibit', 'invite', 'release', 'stop', 'repeal', 'pass',
  'elaborate', 'modify', 'finalize', 'finalise', 'revoke', 'adapt', 'harmonize', 'harmonise', 'transform',
  'designate', 'demobilize', 'demobilise', 'dismantle', 'prosecute', 'punish', 'publish', 'cease', 'close',
  'sanction', 'penalize', 'penalise', 'prepare', 'participate', 'communicate', 'suppress', 'change', 'liberate',
  'discontinue', 'disseminate', 'open', 'carry', 'transmit', 'track', 'denounce',
  'appoint', 'legislate', 'outlaw', 'ban', 'forbid', 'register', 'define', 'draft', 'formulate', 'design',
  'launch', 'introduce', 'enshrine', 'codify', 'domesticate', 'transpose', 'legalize', 'legalise',
  'regularize', 'regularise', 'institute', 'institutionalize', 'institutionalise', 'reinstate', 'reinstitute',
  'compensate', 'respond', 'remove', 'inform', 'commute', 'declare', 'extradite', 'surrender', 'arrest', 'try', 'deposit', 'recognize',
  'recognise', 'acknowledge', 'bring', 'apply', 'allow', 'commit', 'grant', 'reform', 'allot', 'earmark',
  'collect', 'compile', 'disaggregate', 'construct', 'accredit', 'insert', 'cancel', 'annul', 'overturn',
  'identify', 'disclose', 'transfer', 'dissolve', 'disband', 'disarm', 'reintegrate', 'rehabilitate',
  'resettle', 'repatriate', 'receive', 'admit', 'authorize', 'authorise', 'approve', 'endorse', 'join',
  'become', 'replace', 'train', 'translate', 'organize', 'organise', 'hold', 'convene', 'fix', 'clarify',
  'permit', 'free', 'halt', 'suspend', 'reopen', 'abrogate', 'rescind', 'nullify', 'invalidate', 'separate',
  'desist', 'abstain', 'renounce', 'reintroduce', 'restructure', 'reorganize', 'reorganise', 'draw', 'reconstitute',
  'adhere', 'elevate', 'enforce', 'conclude', 'enter', 'accord', 'add', 'obtain', 'execute', 'reactivate', 'operationalize', 'operationalise', 'recruit', 'equip', 'staff',
  'initiate', 'impose', 'start', 'resume', 'promulgate', 'restrict', 'drop', 'delete', 'prescribe',
] as const;

function buildIndex(): ReadonlyMap<string, ActionCategory> {
  const map = new Map<string, ActionCategory>();
  const lists: [readonly string[], ActionCategory][] = [
    [MINIMAL_VERBS, 1], [CONTINUING_VERBS, 2], [CONSIDERING_VERBS, 3], [GENERAL_VERBS, 4], [SPECIFIC_VERBS, 5],
  ];
  // Lower lists win for a verb listed twice by mistake, so a duplicate can only make a verb less demanding.
  for (const [list, category] of lists) for (const verb of list) if (!map.has(verb)) map.set(verb, category);
  return map;
}

/** Lemma -> category. */
export const VERB_CATEGORY: ReadonlyMap<string, ActionCategory> = buildIndex();
