/**
 * Trains the 4-vs-5 model the side panel ships (data/action-model.json) from UPR Info's coded
 * exports kept beside the project (../shared/data, or R2P_SHARED_DATA), on the training part of
 * the split it is judged on: sessions 1-9 (sessions 10-13 stay unseen; bench/action-category.ts
 * judges it there). Deterministic: the same exports give the same file.
 *
 *   npx tsx scripts/train-action-model.ts          writes data/action-model.json
 *   npx tsx scripts/train-action-model.ts --cv     compares penalties and sizes by cross-validation
 *                                                  across sessions 1-3, 4-6 and 7-9 (nothing written)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyByRules } from '../lib/upr/action-rules';
import { compileModel, modelCall } from '../lib/upr/action-model';
import { ActionModelSchema } from '../lib/upr/action-model-schema';
import { trainActionModel, TRAIN_OPTIONS, type TrainOptions } from '../lib/upr/action-model-train';
import { SHIPPED_SPLIT, SPLITS, type CodedRecommendation } from '../lib/upr/eval-corpus';
import { missingExports, readCodedExports } from '../bench/upr-info-exports';

const missing = missingExports();
if (missing.length) {
  console.error(`The coded UPR Info exports are not there: ${missing.join(', ')}. Set R2P_SHARED_DATA to their folder.`);
  process.exit(1);
}
const rows = readCodedExports();
const { tuning } = SPLITS[SHIPPED_SPLIT].split(rows);

/** Agreement of rules + model on `test`, the model trained on `train`. */
function agreement(train: CodedRecommendation[], test: CodedRecommendation[], options: TrainOptions): { rules: number; model: number } {
  const model = compileModel(trainActionModel(train, 'cv', options));
  let rules = 0;
  let ours = 0;
  for (const r of test) {
    const read = classifyByRules(r.text);
    const call = modelCall(r.text, read, model);
    if (read.category === r.category) rules++;
    if ((call?.category ?? read.category) === r.category) ours++;
  }
  return { rules: rules / test.length, model: ours / test.length };
}

if (process.argv.includes('--cv')) {
  const folds: [number, number][] = [[1, 3], [4, 6], [7, 9]];
  for (const c of [0.03, 0.1, 0.3]) {
    for (const keep of [500, 1500, 4000]) {
      let gain = 0;
      for (const [lo, hi] of folds) {
        const inFold = (r: CodedRecommendation) => r.session >= lo && r.session <= hi;
        const test = tuning.filter(inFold);
        const a = agreement(tuning.filter((r) => !inFold(r)), test, { ...TRAIN_OPTIONS, c, keep });
        gain += (a.model - a.rules) * test.length;
      }
      console.log(`c ${c}, ${keep} features: ${((100 * gain) / tuning.length).toFixed(2)} points over the rules, cross-validated across sessions 1-3, 4-6, 7-9`);
    }
  }
} else {
  const model = ActionModelSchema.parse(trainActionModel(tuning, SPLITS[SHIPPED_SPLIT].trainedOn));
  const out = resolve(import.meta.dirname, '../data/action-model.json');
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${out}: ${model.features.length} features from ${model.rows} rows (${model.trainedOn})`);
}
