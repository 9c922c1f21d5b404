// Checks every data file against its schema, every cross-link and the editorial rules
// (lib/catalogue/check-rules.ts: Framework indicators, one action per UPR sentence, its scope); prints what is wrong.
// Usage: npx tsx scripts/validate-data.ts
import { readFileSync, existsSync } from 'node:fs';
import { ZodError } from 'zod';
import {
  ConceptFileSchema, InstrumentFileSchema, RecommendationFileSchema, ReportFileSchema,
  RiskFactorFileSchema, StateFileSchema,
} from '../lib/catalogue/schema';
import { checkKnowledgeBase } from '../lib/catalogue/check-links';
import { ActionModelSchema } from '../lib/upr/action-model-schema';
import { checkEditorialRules } from '../lib/catalogue/check-rules';

const load = (f: string, fallback: unknown) =>
  existsSync(`data/${f}`) ? JSON.parse(readFileSync(`data/${f}`, 'utf8')) : (console.log(`(missing data/${f})`), fallback);
let failed = false;
const parse = <T>(f: string, schema: { parse(x: unknown): T }, fallback: unknown): T => {
  try {
    return schema.parse(load(f, fallback));
  } catch (e) {
    failed = true;
    console.log(`data/${f}:`, e instanceof ZodError ? JSON.stringify(e.issues.slice(0, 15), null, 1) : e);
    return schema.parse(fallback);
  }
};
const kb = {
  reports: parse('reports.json', ReportFileSchema, []),
  recommendations: ['2013', '2014', '2015', '2017'].flatMap((y) =>
    parse(`recommendations/${y}.json`, RecommendationFileSchema, [])),
  riskFactors: parse('risk-factors.json', RiskFactorFileSchema, { frameworks: [], factors: [] }),
  concepts: parse('concepts.json', ConceptFileSchema, []),
  instruments: parse('instruments.json', InstrumentFileSchema, []),
  states: parse('states.json', StateFileSchema, []),
};
const model = parse('action-model.json', ActionModelSchema, { version: 1, trainedOn: 'none', rows: 1, options: { c: 1, keep: 1, minCount: 1 }, bias: 0, features: [], weights: [] });
const problems = [...checkKnowledgeBase(kb), ...checkEditorialRules(kb)];
for (const p of problems) console.log(p);
console.log(`recommendations: ${kb.recommendations.length}, concepts: ${kb.concepts.length}, factors: ${kb.riskFactors.factors.length}, states: ${kb.states.length}, instruments: ${kb.instruments.length}, action model: ${model.features.length} features (${model.trainedOn})`);
console.log(problems.length || failed ? 'PROBLEMS FOUND' : 'OK');
