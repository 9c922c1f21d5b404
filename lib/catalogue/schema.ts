/**
 * Zod schemas for the bundled knowledge in `data/`. They are the single source of its types:
 * every type below is inferred, never written by hand.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'lower-case kebab-case id');
const text = z.string().trim().min(1);

export const REPORT_IDS = ['sg-2013', 'sg-2014', 'sg-2015', 'sg-2017'] as const;
export const ReportId = z.enum(REPORT_IDS);

export const ReportSchema = z.object({
  id: ReportId,
  number: z.number().int().positive(),
  year: z.number().int().min(2009).max(2030),
  secretaryGeneral: text,
  title: text,
  symbol: text,
  /** Seed summaries in ../shared/seeds this report's entries were written from. */
  sources: z.array(text),
});

export const ACTORS = [
  'member-states',
  'security-council',
  'general-assembly',
  'human-rights-council',
  'peacebuilding-commission',
  'secretary-general',
  'un-system',
  'ohchr',
  'special-advisers',
  'regional-organisations',
  'civil-society',
  'parliaments',
  'nhris',
  'media',
  'international-community',
] as const;
export const Actor = z.enum(ACTORS);

export const THEMES = [
  'prevention',
  'early-warning',
  'accountability',
  'human-rights',
  'rule-of-law',
  'security-sector',
  'governance-elections',
  'hate-speech',
  'education-memory',
  'civil-society-media',
  'armed-groups',
  'arms-control',
  'displacement',
  'women-peace-security',
  'international-assistance',
  'peace-operations',
  'coercive-measures',
  'regional-cooperation',
  'focal-points',
  'technology',
  'reconciliation',
  'legal-instruments',
  'resources',
] as const;
export const Theme = z.enum(THEMES);

export const RECOMMENDATION_KINDS = [
  'policy-option',
  'step',
  'priority',
  'prerequisite',
  'pledge',
  'call',
  'measure',
  'challenge',
  'initiative',
  'principle',
] as const;

export const Pillar = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const UprStep = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** ISO 3166-1 alpha-3, as used in `states.json`. */
const stateCode = z.string().regex(/^[A-Z]{3}$/);

export const StatePracticeSchema = z.object({
  state: stateCode,
  what: text,
});

/**
 * Whose conduct a UPR sentence concerns. A UPR recommendation is addressed to the State under
 * Review about its own human rights record; some of the reports' steps concern instead how a
 * State acts in UN and regional bodies (its votes, positions, contributions) or what it does for
 * other States, and a delegate should know that before using them.
 */
export const UPR_SCOPES = ['own-record', 'un-bodies', 'abroad'] as const;

export const UprSentenceSchema = z.object({
  /** One action, opening with its verb, addressed to the State under Review. */
  text,
  /** A time element the source allows ("before the next review"), offered after the action. */
  timeframe: text.optional(),
  scope: z.enum(UPR_SCOPES).default('own-record'),
  /** Why the sentence keeps two actions together, when it does on purpose (see lib/upr/one-action.ts). */
  multipleActionsReason: text.optional(),
});

export const RecommendationSchema = z.object({
  /** Stable: never renamed once published, drafts and exports point at it. */
  id: z.string().regex(/^(2013|2014|2015|2017)-[a-z0-9]+(?:-[a-z0-9]+)*$/),
  report: ReportId,
  /** The report's section as the seed names it, e.g. "IV.B Promoting and protecting human rights". */
  section: text,
  kind: z.enum(RECOMMENDATION_KINDS),
  /** Position inside a numbered list the report gives (way forward step 3 ...), when there is one. */
  order: z.number().int().positive().optional(),
  title: text.max(90),
  /** What the source says, in our own words: nothing more. */
  summary: text,
  /** What we add to help the reader (a link to another report, an example), shown as ours. */
  context: text.optional(),
  actors: z.array(Actor).min(1),
  pillars: z.array(Pillar).min(1),
  riskFactors: z.array(slug),
  instruments: z.array(slug),
  statePractice: z.array(StatePracticeSchema),
  uprSteps: z.array(UprStep),
  themes: z.array(Theme).min(1),
  /** Ready-to-adapt UPR recommendations, one action each, addressed to the State under Review. */
  upr: z.array(UprSentenceSchema).min(1),
});

export const RecommendationFileSchema = z.array(RecommendationSchema);

export const FrameworkSchema = z.object({
  id: z.enum(['sg-2013', 'foa-2014']),
  title: text,
  publisher: text,
  year: z.number().int(),
  symbol: text.optional(),
});

export const IndicatorSchema = z.object({
  /** "foa-1.1": framework prefix plus the official number. */
  id: z.string().regex(/^foa-\d{1,2}\.\d{1,2}$/),
  number: z.string().regex(/^\d{1,2}\.\d{1,2}$/),
  text,
  /** False where the paraphrase could not be checked against the official wording. */
  verified: z.boolean(),
  /**
   * How sure the number is, since delegates cite indicators by number: "checked" against a
   * reproduction of the official list, "probable" (the count and order we know, not checked
   * against the text), "uncertain" (may not be the official number).
   */
  numbering: z.enum(['checked', 'probable', 'uncertain']),
});

export const CRIME_SCOPES = ['common', 'genocide', 'crimes-against-humanity', 'war-crimes'] as const;

export const RiskFactorSchema = z.object({
  id: slug,
  framework: z.enum(['sg-2013', 'foa-2014']),
  kind: z.enum(['risk-factor', 'trigger']),
  number: z.number().int().positive().optional(),
  title: text,
  summary: text,
  scope: z.enum(CRIME_SCOPES).optional(),
  section: text,
  verified: z.boolean(),
  indicators: z.array(IndicatorSchema),
  /** How far the indicators' numbering and completeness could be checked, in plain words. */
  numberingNote: text.optional(),
});

export const RiskFactorFileSchema = z.object({
  frameworks: z.array(FrameworkSchema),
  factors: z.array(RiskFactorSchema),
});

export const CONCEPT_CATEGORIES = [
  'crime',
  'principle',
  'risk',
  'instrument',
  'mechanism',
  'institution',
  'policy-tool',
  /** The UPR's own process words and the UN bodies named everywhere on UN pages: not marked unless asked. */
  'upr-process',
] as const;
export const ConceptCategory = z.enum(CONCEPT_CATEGORIES);

export const ConceptSchema = z.object({
  id: slug,
  label: text,
  /** Matched case-insensitively: spellings, plurals, hyphen/space forms. */
  variants: z.array(text),
  /** Matched case-sensitively: "ICC" but not "icc". */
  acronyms: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9&./-]*$/)),
  category: ConceptCategory,
  definition: text,
  recommendations: z.array(z.string()),
  riskFactors: z.array(z.string()),
  instrument: slug.optional(),
});

export const ConceptFileSchema = z.array(ConceptSchema);

export const InstrumentSchema = z.object({
  id: slug,
  name: text,
  shortName: text,
  acronyms: z.array(text),
  year: z.number().int().min(1899).max(2030),
  kind: z.enum(['treaty', 'protocol', 'declaration', 'statute']),
  summary: text,
});

export const InstrumentFileSchema = z.array(InstrumentSchema);

export const REGIONAL_GROUPS = [
  'African',
  'Asia-Pacific',
  'Eastern European',
  'Latin American and Caribbean',
  'Western European and others',
] as const;

/**
 * The name a sentence uses: the short name, with "the" where English needs it ("the Syrian Arab
 * Republic", "the Philippines"), and a parenthetical name turned round ("Netherlands (Kingdom of
 * the)" -> "the Netherlands", "Bolivia (Plurinational State of)" -> "the Plurinational State of Bolivia").
 */
function sentenceNameFits(s: { name: string; nameInSentence: string }): boolean {
  const base = s.name.replace(/\s*\(.*\)$/, '');
  if (base !== s.name) return /^the /.test(s.nameInSentence) && s.nameInSentence.endsWith(base) && !s.nameInSentence.includes('(');
  return s.nameInSentence === s.name || s.nameInSentence === `the ${s.name}`;
}

export const StateSchema = z.object({
  code: stateCode,
  alpha2: z.string().regex(/^[A-Z]{2}$/),
  /** The UN short name, as lists sort it: "Syrian Arab Republic", "Netherlands (Kingdom of the)". */
  name: text,
  /** The short name as it stands in a sentence: "the Syrian Arab Republic", "the Netherlands", "Kenya". */
  nameInSentence: text,
  status: z.enum(['member', 'observer']),
  /** Null where the State sits in no group (observers; the United States attends WEOG as an observer). */
  regionalGroup: z.enum(REGIONAL_GROUPS).nullable(),
}).refine(sentenceNameFits, { message: 'nameInSentence must be the name, "the " and the name, or for a name with a parenthesis "the …" ending with its first part', path: ['nameInSentence'] });

export const StateFileSchema = z.array(StateSchema);

export const ReportFileSchema = z.array(ReportSchema);

export type Report = z.infer<typeof ReportSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type UprSentence = z.infer<typeof UprSentenceSchema>;
export type UprScope = (typeof UPR_SCOPES)[number];
export type RiskFactor = z.infer<typeof RiskFactorSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;
export type Concept = z.infer<typeof ConceptSchema>;
export type Instrument = z.infer<typeof InstrumentSchema>;
export type UnState = z.infer<typeof StateSchema>;
export type ActorId = z.infer<typeof Actor>;
export type ThemeId = z.infer<typeof Theme>;
export type ConceptCategoryId = z.infer<typeof ConceptCategory>;
