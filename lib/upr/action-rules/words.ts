/**
 * The word lists behind the rules of UPR Info's method note: who is asked, help sought or given,
 * objects too general to make an action specific, the leads of a specific example. Data only.
 */

export const ADVERBS = new Set([
  'further', 'also', 'still', 'again', 'please', 'duly', 'soon', 'henceforth', 'thereby', 'hence', 'thus',
  'therefore', 'now', 'swiftly', 'quickly', 'rapidly', 'not', 'even', 'more', 'much', 'very', 'resolutely',
  'as', 'well', 'both', 'either', 'without', 'delay', 'priority', 'matter', 'a', 'of', 'possible', 'asap',
  'expeditiously', 'consistently', 'vigorously', 'steadily', 'inter', 'alia', 'where', 'appropriate',
  'necessary', 'relevant', 'applicable', 'feasible', 'then', 'subsequently', 'together', 'jointly',
]);

/** Openings that only report who recommended: "It is recommended that", "Recommended to the Government that". */
export const REPORTING = new Set([
  'recommended', 'recommends', 'recommend', 'recommendation', 'recommending', 'suggested', 'suggests', 'suggest',
  'urged', 'urges', 'urge', 'invited', 'encouraged', 'encourages', 'encourage', 'asked',
  'asks', 'requested', 'requests', 'called', 'calls', 'proposed', 'proposes', 'advised', 'wished', 'hoped',
  'expressed', 'appealed', 'exhorted', 'exhorts', 'insisted', 'stressed', 'emphasized',
]);

export const OTHER_STATES = [
  /\binternational community\b/, /\bdonors?\b/, /\bdonor (?:countries|community|states|agencies|organi[sz]ations)\b/,
  /\bdeveloped countries\b/, /\bother (?:states|countries|governments)\b/, /\ball (?:states|countries)\b/,
  /\bthe (?:united nations|un) system\b/, /\bdevelopment partners\b/, /\binternational partners\b/,
  /\bthe international organi[sz]ations\b/, /\bbilateral partners\b/,
];

/** Verbs that ask someone to act: what follows them is who is asked. */
export const ASKING = new Set(['call', 'encourage', 'urge', 'invite', 'request', 'appeal', 'ask', 'seek', 'exhort', 'advise']);

export const REQUESTING = new Set(['requested', 'requests', 'request', 'asked']);

export const HELP_GIVING = new Set(['provide', 'give', 'extend', 'offer', 'grant']);

/**
 * Working with others to get their help, or saying what help is needed: "Cooperate with OHCHR to
 * receive technical assistance", "Identify its needs for technical assistance", "Avail itself of
 * the advisory services offered". The method note's "calling upon the SuR to request technical
 * assistance" (category 1).
 */
export const HELP_SEEKING = new Set(['cooperate', 'collaborate', 'engage', 'work', 'identify', 'formulate', 'define', 'determine', 'accept', 'avail']);

export const HELP_WORDS = /\b(?:assistance|support|capacity[- ]building|advisory services|aid)\b/;

export const ASSISTANCE = /\b(?:technical|financial|international)?\s*(?:assistance|support|cooperation|help|expertise|capacity[- ]building)\b/;

/** Objects that say only that something is to be done: "measures", "steps", "efforts". */
export const GENERAL_OBJECTS = new Set([
  'measures', 'measure', 'steps', 'step', 'efforts', 'effort', 'action', 'actions', 'means', 'initiatives',
  'ways', 'endeavours', 'endeavors',
  // UPR Info's coders read a policy, an approach or a process as general however it is qualified
  // ("Adopt a comprehensive national policy on …": 49 of 68 such rows in sessions 1-9 are coded 4).
  'policy', 'policies', 'approach', 'approaches', 'process', 'processes',
]);

/** Objects that are open-ended only when nothing qualifies them: "policies" but not "education policies". */
export const BARE_GENERAL_OBJECTS = new Set([
  'activities', 'strategies', 'practices', 'reforms', 'work', 'role', 'strategy',
]);

/** Verbs that stay specific whatever their object: stopping something is checkable. */
export const STOPPING_VERBS = new Set(['stop', 'end', 'cease', 'halt', 'suspend', 'discontinue', 'dismantle', 'complete', 'finalize', 'finalise']);

/** "action plan", "measures committee": the general word only qualifies a concrete head. */
export const COMPOUND_HEADS = new Set(['plan', 'plans', 'programme', 'programmes', 'program', 'programs', 'strategy', 'strategies', 'framework', 'group', 'committee', 'council', 'team', 'agenda', 'unit']);

/** Verbs whose object is always a legal act or instrument: specific whatever follows. */
export const LEGAL_VERBS = new Set([
  'ratify', 'accede', 'sign', 'amend', 'repeal', 'abolish', 'decriminalize', 'decriminalise', 'criminalize',
  'criminalise', 'withdraw', 'lift', 'revoke', 'abrogate', 'rescind', 'prosecute', 'investigate',
  'submit', 'invite', 'release', 'legislate', 'penalize', 'penalise', 'outlaw', 'prohibit', 'ban', 'extradite',
]);

/** Objects that name a state of affairs to reach rather than a thing to create or change. */
export const ABSTRACT_OBJECTS = new Set([
  'environment', 'climate', 'conditions', 'equality', 'inequality', 'inequalities', 'restrictions', 'dialogue',
  'protection', 'work', 'capacity', 'capacities', 'independence', 'situation', 'tolerance', 'respect', 'cooperation',
  'discrimination', 'violence', 'stereotypes', 'impunity', 'culture',
]);

export const OBJECT_FILLERS = new Set([
  'all', 'the', 'any', 'a', 'an', 'its', 'their', 'every', 'possible', 'further', 'additional', 'more', 'new',
  'necessary', 'appropriate', 'adequate', 'effective', 'concrete', 'specific', 'relevant', 'urgent', 'immediate',
  'practical', 'legal', 'administrative', 'other', 'and', 'or', 'such', 'strong', 'firm',
  'decisive', 'serious', 'active', 'positive', 'proactive', 'comprehensive', 'targeted', 'required', 'needed',
  'suitable', 'efficient', 'real', 'genuine', 'sustained', 'significant', 'substantial', 'greater', 'vigorous',
  'stronger', 'special', 'particular', 'in', 'order', 'policy', 'political', 'national', 'public', 'measurable',
]);

export const SPECIFIC_EXAMPLE_LEAD = /\b(?:by|through|including|notably|particularly|especially|namely|inter alia|such as|e\.g\.|for example|for instance|in particular)\b/;

/** Skips "Recommended that", "It is recommended to the Government that", "[State] is encouraged to". */
export const ADDRESSEE_WORDS = new Set(['to', 'the', 'its', 'it', 'government', 'authorities', 'state', 'country', 'them', 'all', 'relevant', 'competent', 'concerned', 'also', 'further', 'strongly']);

export const PASSIVE_ASK = new Set(['encouraged', 'urged', 'invited', 'requested', 'asked', 'called', 'recommended']);

export const ACTIVE_ASK = new Set(['encourages', 'encourage', 'encouraged', 'urges', 'urge', 'urged', 'invites', 'invited', 'calls', 'requests', 'asks']);

export const INTRO_WORDS = new Set([
  'while', 'with', 'in', 'within', 'taking', 'bearing', 'noting', 'recognizing', 'recognising', 'acknowledging',
  'as', 'following', 'further', 'on', 'regarding', 'concerning', 'for', 'after', 'upon', 'mindful', 'given',
  'commending', 'welcoming', 'appreciating', 'having', 'considering', 'referring', 'according', 'under',
  'pursuant', 'since', 'if', 'when', 'where', 'notwithstanding', 'despite', 'through', 'at', 'to',
  'without', 'by', 'before', 'no', 'not', 'until', 'prior', 'ahead', 'once', 'during', 'from',
]);

export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'such', 'any', 'all', 'some', 'further', 'more', 'greater', 'full', 'continued', 'enhanced', 'increased', 'effective', 'immediate', 'urgent', 'prompt', 'early', 'timely', 'serious', 'due', 'special', 'particular', 'adequate', 'appropriate', 'necessary', 'new', 'an']);

/** Openings that are not an imperative verb, though capitalised at the start. */
export const NOT_IMPERATIVE = new Set(['the', 'a', 'an', 'that', 'all', 'there', 'it', 'this', 'these', 'its', 'his', 'her', 'their', 'any', 'each', 'every', 'no', 'state', 'government', 'authorities']);

export const SAME_PARTICIPLE = new Set(['set', 'put']);

export const BE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);

export const MODALS = new Set(['should', 'must', 'shall', 'will', 'would', 'could', 'can', 'may', 'might', 'ought']);

export const PREPOSITIONS = new Set(['to', 'that', 'which', 'who', 'and', 'or', 'of', 'for', 'in', 'on', 'with', 'by', 'from', 'at', 'into', 'against', 'about', 'among', 'between', 'under', 'over', 'without', 'within', 'towards', 'toward']);

export const NOUN_PHRASE_END = new Set(['to', 'of', 'for', 'in', 'on', 'that', 'which', 'with', 'by', 'against', 'aimed', 'so', 'as', 'towards', 'regarding', 'concerning']);

export const REPORT_OBJECTS = new Set(['report', 'reports', 'reporting', 'response', 'responses', 'reply', 'replies']);

/** "Provide human rights training to the police": training given is a step one can check. */
export const TRAINING_OBJECTS = new Set(['training', 'trainings', 'education']);

export const GIVING = new Set(['provide', 'give', 'offer', 'deliver']);

/** "Undertake a study on …": a study or review is a way of considering a change (category 3). */
export const STUDY_OBJECTS = new Set(['study', 'studies', 'review', 'assessment', 'assessments', 'evaluation', 'analysis', 'survey', 'research']);

export const DOING = new Set(['undertake', 'conduct', 'carry']);

export const SETTING_A_LEVEL = new Set(['increase', 'raise', 'lower', 'reduce']);

export const QUANTITIES = new Set(['age', 'number', 'budget', 'budgets', 'allocation', 'allocations', 'percentage', 'proportion', 'share', 'rate', 'quota', 'quotas', 'length', 'scope']);

export const INTO_LAW_VERBS = new Set(['include', 'integrate']);

export const LAW_WORDS = new Set(['legislation', 'law', 'laws', 'code', 'codes', 'constitution', 'bill', 'act', 'acts', 'statute', 'statutes', 'curriculum', 'curricula']);

export const MEANS_LEAD = new Set(['by', 'through']);
