/**
 * UPR Info's coders tell general (4) from specific (5) action by how concrete the object is; the
 * rules read that from word lists, and this small model, learned from coded rows
 * (data/action-model.json, scripts/train-action-model.ts), makes the call where the rules say 4 or
 * 5. It says which words moved it, so the user still sees why. Loaded by the side panel (through
 * lib/upr/action-category.ts), never by the content script.
 */
import modelJson from '../../data/action-model.json';
import type { ActionCategoryResult } from './action-rules';
import { featureWords, modelFeatures, words as modelWords } from './action-model-features';
import { ActionModelSchema, type ActionModel } from './action-model-schema';

export interface ModelCall {
  category: 4 | 5;
  /** The score: above 0 reads as specific. */
  score: number;
  /** The recommendation's own words that pushed hardest towards the category chosen, strongest first. */
  words: string[];
}

export interface CompiledModel {
  bias: number;
  weights: Map<string, number>;
}

export function compileModel(model: ActionModel): CompiledModel {
  return { bias: model.bias / 100, weights: new Map(model.features.map((f, i) => [f, model.weights[i]! / 100])) };
}

let bundled: CompiledModel | undefined;
/** The bundled model, checked once against its schema on first use. */
export function bundledModel(): CompiledModel {
  bundled ??= compileModel(ActionModelSchema.parse(modelJson));
  return bundled;
}

/** How many of the deciding words the user is shown. */
const SHOWN = 3;

/** The model's call on one recommendation the rules read as 4 or 5 (undefined for other categories). */
export function modelCall(text: string, rules: ActionCategoryResult, model: CompiledModel = bundledModel()): ModelCall | undefined {
  if (rules.category !== 4 && rules.category !== 5) return undefined;
  let score = model.bias;
  const pushes: { words: string; weight: number }[] = [];
  for (const f of modelFeatures(text, rules)) {
    const w = model.weights.get(f);
    if (w === undefined) continue;
    score += w;
    const shown = featureWords(f);
    if (shown) pushes.push({ words: shown, weight: w });
  }
  const category = score > 0 ? 5 : 4;
  const towards = pushes
    .filter((p) => (category === 5 ? p.weight > 0 : p.weight < 0))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.words < b.words ? -1 : 1));
  // "national action" already says "national", and the deciding verb is shown already: each word once.
  const words: string[] = [];
  const said = new Set(modelWords(rules.verb));
  for (const p of towards) {
    if (words.length === SHOWN) break;
    const own = p.words.split(' ');
    if (own.every((x) => said.has(x))) continue;
    if (words.some((w) => w.split(' ').some((x) => own.includes(x)))) continue;
    words.push(p.words);
  }
  return { category, score, words };
}
