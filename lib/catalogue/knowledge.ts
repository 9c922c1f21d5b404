/**
 * The bundled knowledge base, parsed once with its Zod schemas. Importing this module is the
 * only way code reaches `data/`, so a malformed entry fails the build's tests, not a user.
 */
import reportsJson from '../../data/reports.json';
import riskFactorsJson from '../../data/risk-factors.json';
import conceptsJson from '../../data/concepts.json';
import instrumentsJson from '../../data/instruments.json';
import statesJson from '../../data/states.json';
import atrocityRelevanceJson from '../../data/atrocity-relevance.json';
import recs2013 from '../../data/recommendations/2013.json';
import recs2014 from '../../data/recommendations/2014.json';
import recs2015 from '../../data/recommendations/2015.json';
import recs2017 from '../../data/recommendations/2017.json';
import {
  AtrocityRelevanceSchema,
  ConceptFileSchema,
  InstrumentFileSchema,
  RecommendationFileSchema,
  ReportFileSchema,
  RiskFactorFileSchema,
  StateFileSchema,
  type AtrocityRelevance,
  type Concept,
  type Instrument,
  type Recommendation,
  type Report,
  type UnState,
} from './schema';
import type { z } from 'zod';

export interface KnowledgeBase {
  reports: Report[];
  recommendations: Recommendation[];
  riskFactors: z.infer<typeof RiskFactorFileSchema>;
  concepts: Concept[];
  instruments: Instrument[];
  states: UnState[];
  atrocityRelevance: AtrocityRelevance;
}

/** Raw JSON per file, named as on disk, so a parse error can say which file is wrong. */
export const RAW_FILES = {
  'reports.json': reportsJson,
  'risk-factors.json': riskFactorsJson,
  'concepts.json': conceptsJson,
  'instruments.json': instrumentsJson,
  'states.json': statesJson,
  'atrocity-relevance.json': atrocityRelevanceJson,
  'recommendations/2013.json': recs2013,
  'recommendations/2014.json': recs2014,
  'recommendations/2015.json': recs2015,
  'recommendations/2017.json': recs2017,
} as const;

export function parseKnowledgeBase(raw: typeof RAW_FILES = RAW_FILES): KnowledgeBase {
  return {
    reports: ReportFileSchema.parse(raw['reports.json']),
    recommendations: [
      ...RecommendationFileSchema.parse(raw['recommendations/2013.json']),
      ...RecommendationFileSchema.parse(raw['recommendations/2014.json']),
      ...RecommendationFileSchema.parse(raw['recommendations/2015.json']),
      ...RecommendationFileSchema.parse(raw['recommendations/2017.json']),
    ],
    riskFactors: RiskFactorFileSchema.parse(raw['risk-factors.json']),
    concepts: ConceptFileSchema.parse(raw['concepts.json']),
    instruments: InstrumentFileSchema.parse(raw['instruments.json']),
    states: StateFileSchema.parse(raw['states.json']),
    atrocityRelevance: AtrocityRelevanceSchema.parse(raw['atrocity-relevance.json']),
  };
}

let cached: KnowledgeBase | undefined;
export function knowledgeBase(): KnowledgeBase {
  cached ??= parseKnowledgeBase();
  return cached;
}
