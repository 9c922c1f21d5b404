/**
 * Finds the action verb behind an inflected word or a noun made from it: "ratifying",
 * "ratified", "ratification" -> ratify. Recommendations come as imperatives ("Ratify"), as
 * reported speech ("Recommended the ratification of") and as passives ("be ratified").
 */
import { VERB_CATEGORY } from './action-verbs';

export type VerbForm = 'base' | 'third-person' | 'gerund' | 'participle' | 'noun';

export interface VerbMatch {
  lemma: string;
  form: VerbForm;
}

const IRREGULAR: Record<string, [string, VerbForm]> = {
  taken: ['take', 'participle'], took: ['take', 'participle'], made: ['make', 'participle'],
  given: ['give', 'participle'], brought: ['bring', 'participle'], sought: ['seek', 'participle'],
  undertaken: ['undertake', 'participle'], withdrawn: ['withdraw', 'participle'], held: ['hold', 'participle'],
  kept: ['keep', 'participle'], found: ['find', 'participle'], paid: ['pay', 'participle'],
  done: ['do', 'participle'], does: ['do', 'third-person'], drawn: ['draw', 'participle'],
  led: ['lead', 'participle'], met: ['meet', 'participle'], built: ['build', 'participle'],
  become: ['become', 'base'], tried: ['try', 'participle'], freed: ['free', 'participle'],
  // Nouns whose verb a suffix rule cannot recover.
  accession: ['accede', 'noun'], abolition: ['abolish', 'noun'], withdrawal: ['withdraw', 'noun'],
  submission: ['submit', 'noun'], ratification: ['ratify', 'noun'], ratifications: ['ratify', 'noun'],
  signature: ['sign', 'noun'], repeal: ['repeal', 'noun'], revision: ['revise', 'noun'],
  analysis: ['analyse', 'noun'], decriminalization: ['decriminalize', 'noun'],
  decriminalisation: ['decriminalise', 'noun'], criminalization: ['criminalize', 'noun'],
  criminalisation: ['criminalise', 'noun'], elimination: ['eliminate', 'noun'], prohibition: ['prohibit', 'noun'],
  investigation: ['investigate', 'noun'], investigations: ['investigate', 'noun'], continuation: ['continue', 'noun'],
  pursuit: ['pursue', 'noun'], consideration: ['consider', 'noun'], examination: ['examine', 'noun'],
  exploration: ['explore', 'noun'], reflection: ['reflect', 'noun'], evaluation: ['evaluate', 'noun'],
  assessment: ['assess', 'noun'], adoption: ['adopt', 'noun'], establishment: ['establish', 'noun'],
  creation: ['create', 'noun'], implementation: ['implement', 'noun'], enforcement: ['enforce', 'noun'],
  amendment: ['amend', 'noun'], amendments: ['amend', 'noun'], enactment: ['enact', 'noun'],
  introduction: ['introduce', 'noun'], development: ['develop', 'noun'], elaboration: ['elaborate', 'noun'],
  promotion: ['promote', 'noun'], intensification: ['intensify', 'noun'], cooperation: ['cooperate', 'noun'],
  improvement: ['improve', 'noun'], enhancement: ['enhance', 'noun'], protection: ['protect', 'noun'],
  increase: ['increase', 'noun'], removal: ['remove', 'noun'], release: ['release', 'noun'],
  issuance: ['issue', 'noun'], acceptance: ['accept', 'noun'], recognition: ['recognize', 'noun'],
  incorporation: ['incorporate', 'noun'], harmonization: ['harmonize', 'noun'], harmonisation: ['harmonise', 'noun'],
  designation: ['designate', 'noun'], appointment: ['appoint', 'noun'], publication: ['publish', 'noun'],
  prosecution: ['prosecute', 'noun'], punishment: ['punish', 'noun'], modification: ['modify', 'noun'],
  finalization: ['finalize', 'noun'], finalisation: ['finalise', 'noun'], completion: ['complete', 'noun'],
  conduct: ['conduct', 'base'], extension: ['extend', 'noun'], invitation: ['invite', 'noun'],
  legalization: ['legalize', 'noun'], revocation: ['revoke', 'noun'], adaptation: ['adapt', 'noun'],
  formulation: ['formulate', 'noun'], reform: ['reform', 'base'], reforms: ['reform', 'noun'],
  strengthening: ['strengthen', 'noun'], follow: ['follow', 'base'], commitment: ['commit', 'noun'],
  guarantee: ['guarantee', 'base'], guarantees: ['guarantee', 'third-person'], review: ['review', 'base'],
  study: ['study', 'base'], studies: ['study', 'third-person'], support: ['support', 'base'],
  sharing: ['share', 'gerund'], exchange: ['exchange', 'base'], request: ['request', 'base'],
  provision: ['provide', 'noun'], allocation: ['allocate', 'noun'], integration: ['integrate', 'noun'],
  inclusion: ['include', 'noun'], training: ['train', 'noun'], reduction: ['reduce', 'noun'],
  eradication: ['eradicate', 'noun'], prevention: ['prevent', 'noun'], mainstreaming: ['mainstream', 'noun'],
  dissemination: ['disseminate', 'noun'], translation: ['translate', 'noun'], abrogation: ['abrogate', 'noun'],
  enshrinement: ['enshrine', 'noun'], codification: ['codify', 'noun'], registration: ['register', 'noun'],
  extradition: ['extradite', 'noun'], demobilization: ['demobilize', 'noun'], dismantling: ['dismantle', 'noun'],
  compensation: ['compensate', 'noun'], acknowledgement: ['acknowledge', 'noun'], acknowledgment: ['acknowledge', 'noun'],
  transposition: ['transpose', 'noun'], cessation: ['cease', 'noun'], liberation: ['liberate', 'noun'], institutionalization: ['institutionalize', 'noun'],
};

/** Words that look like a verb form but, in recommendations, are almost always something else. */
const NOT_VERBS = new Set([
  'united', 'rights', 'states', 'nations', 'needs', 'means', 'works', 'calls', 'steps', 'measures',
  'forces', 'acts', 'issues', 'reports', 'efforts', 'services', 'persons', 'areas', 'sets', 'bodies',
  'bears', 'plans', 'laws', 'ends', 'leads', 'lives', 'uses', 'visits', 'terms', 'levels', 'cases',
  'regarding', 'according', 'including', 'concerning', 'following', 'existing', 'remaining', 'pending',
  'during', 'notwithstanding', 'building', 'training', 'funding', 'meeting', 'housing', 'holding',
  'undertaking', 'wellbeing', 'being', 'standing', 'setting', 'reporting', 'ending', 'things', 'everything',
  'nothing', 'something', 'anything', 'morning', 'evening', 'king', 'thing', 'sing', 'ring',
  'need', 'based', 'related', 'affected', 'concerned', 'committed', 'alleged', 'detained', 'disabled',
  'displaced', 'indeed', 'need', 'speed', 'seed', 'feed', 'bed', 'red', 'hundred', 'kindred', 'sacred',
  'wed', 'unprecedented', 'mentioned', 'aforementioned', 'advanced', 'armed', 'united',
]);

function known(lemma: string): boolean {
  return VERB_CATEGORY.has(lemma);
}

function firstKnown(candidates: string[]): string | undefined {
  return candidates.find(known);
}

/** Candidate stems when a suffix is removed: "ratifi-" -> "ratify", "adopt-" -> "adopt", "abolish-" -> "abolish". */
function stemCandidates(stem: string): string[] {
  const out = [stem, `${stem}e`];
  if (stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`);
  // Doubled final consonant: "submitt-" -> "submit".
  if (stem.length > 3 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1));
  return out;
}

/**
 * The verb of the lists behind an "-ing" word, even one that is usually a noun ("ending",
 * "training"): for a word known to be a verb by where it stands ("We recommend ending the …").
 */
export function gerundLemma(word: string): string | undefined {
  const w = word.toLowerCase();
  return w.endsWith('ing') && w.length > 5 ? firstKnown(stemCandidates(w.slice(0, -3))) : undefined;
}

/** The action verb behind one lower-case word, or undefined. */
export function matchVerb(word: string): VerbMatch | undefined {
  const w = word.toLowerCase();
  if (NOT_VERBS.has(w)) return undefined;
  const irregular = IRREGULAR[w];
  if (irregular) return { lemma: irregular[0], form: irregular[1] };
  if (known(w)) return { lemma: w, form: 'base' };
  if (w.length < 4) return undefined;
  if (w.endsWith('ing')) {
    const lemma = firstKnown(stemCandidates(w.slice(0, -3)));
    if (lemma) return { lemma, form: 'gerund' };
  }
  if (w.endsWith('ed')) {
    const lemma = firstKnown([...stemCandidates(w.slice(0, -2)), w.slice(0, -1)]);
    if (lemma) return { lemma, form: 'participle' };
  }
  if (w.endsWith('ies')) {
    const lemma = firstKnown([`${w.slice(0, -3)}y`]);
    if (lemma) return { lemma, form: 'third-person' };
  }
  if (w.endsWith('es') || w.endsWith('s')) {
    const lemma = firstKnown([w.slice(0, -1), w.endsWith('es') ? w.slice(0, -2) : '']);
    if (lemma) return { lemma, form: 'third-person' };
  }
  for (const [suffix, replacements] of NOUN_SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    const lemma = firstKnown(replacements.map((r) => stem + r));
    if (lemma) return { lemma, form: 'noun' };
  }
  return undefined;
}

const NOUN_SUFFIXES: [string, string[]][] = [
  ['ments', ['']],
  ['ment', ['']],
  ['izations', ['ize']],
  ['ization', ['ize']],
  ['isations', ['ise']],
  ['isation', ['ise']],
  ['ations', ['ate', 'e', '']],
  ['ation', ['ate', 'e', '']],
  ['ions', ['e', '']],
  ['ion', ['e', '']],
  ['als', ['']],
  ['al', ['']],
];
