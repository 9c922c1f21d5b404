/**
 * Trains the 4-vs-5 model (lib/upr/action-model.ts) from coded rows: a binary logistic regression,
 * L2-penalised, over modelFeatures, fitted by L-BFGS; then pruned to the features with the largest
 * weights, fitted again on those alone, and its weights rounded to hundredths. Deterministic: the
 * same rows give the same model. Used by scripts/train-action-model.ts and the bench, never by the
 * extension.
 */
import { classifyByRules } from './action-rules';
import { modelFeatures } from './action-model-features';
import type { ActionModel } from './action-model-schema';
import type { CodedRecommendation } from './eval-corpus';

export interface TrainOptions {
  /** Inverse penalty: larger fits the rows more closely. */
  c: number;
  /** Features kept after the first fit. */
  keep: number;
  /** Features seen in fewer rows are left out. */
  minCount: number;
}

/** Chosen by cross-validation across sessions 1-3, 4-6 and 7-9 (scripts/train-action-model.ts --cv). */
export const TRAIN_OPTIONS: TrainOptions = { c: 0.1, keep: 1500, minCount: 2 };

/** One row for the fit: its features' indices, 0 or 1, and (for experiments) a weight and feature values. */
export interface Example {
  features: number[];
  y: number;
  /** How much the row counts (1 when absent). */
  weight?: number;
  /** Each feature's value, in the order of `features` (1 when absent). */
  values?: number[];
}

/** The rows the model learns from: those the rules read as 4 or 5 and the coders coded 4 or 5. */
function labelledRows(rows: CodedRecommendation[]): { y: number; f: string[] }[] {
  return rows
    .filter((r) => r.category === 4 || r.category === 5)
    .map((r) => ({ r, rules: classifyByRules(r.text) }))
    .filter(({ rules }) => rules.category === 4 || rules.category === 5)
    .map(({ r, rules }) => ({ y: r.category === 5 ? 1 : 0, f: modelFeatures(r.text, rules) }));
}

/** Names the features seen in at least `minCount` rows (or only those of `only`) and indexes each row's. */
export function indexFeatures(rows: { y: number; f: string[]; weight?: number }[], minCount: number, only?: Set<string>) {
  const counts = new Map<string, number>();
  for (const r of rows) for (const f of r.f) if (!only || only.has(f)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts].filter(([, n]) => n >= minCount).map(([f]) => f).sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const examples: Example[] = rows.map((r) => ({ y: r.y, weight: r.weight, features: r.f.map((f) => index.get(f)).filter((i): i is number => i !== undefined) }));
  return { names, examples };
}

/** Loss and gradient; the last weight is the bias, not penalised. */
function lossAndGradient(w: Float64Array, examples: Example[], c: number, grad: Float64Array): number {
  const d = w.length - 1;
  grad.fill(0);
  let loss = 0;
  for (const e of examples) {
    const { features, values } = e;
    const weight = e.weight ?? 1;
    let z = w[d]!;
    for (let k = 0; k < features.length; k++) z += values ? w[features[k]!]! * values[k]! : w[features[k]!]!;
    // log(1 + e^z) - y z, written to stay finite for large |z|.
    loss += weight * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - e.y * z);
    const g = weight * (1 / (1 + Math.exp(-z)) - e.y);
    for (let k = 0; k < features.length; k++) grad[features[k]!]! += values ? g * values[k]! : g;
    grad[d]! += g;
  }
  for (let j = 0; j < d; j++) {
    loss += (0.5 / c) * w[j]! * w[j]!;
    grad[j]! += w[j]! / c;
  }
  return loss;
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/**
 * L2-penalised logistic regression fitted by L-BFGS with a backtracking line search: enough for a
 * smooth, convex loss of a few thousand weights. Returns the weights, the bias last.
 */
export function fit(examples: Example[], dims: number, c: number, iterations = 300): Float64Array {
  const n = dims + 1;
  let w = new Float64Array(n);
  let g = new Float64Array(n);
  let f = lossAndGradient(w, examples, c, g);
  const history: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: the direction from the last few steps' curvature.
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let k = history.length - 1; k >= 0; k--) {
      const h = history[k]!;
      const a = h.rho * dot(h.s, q);
      alphas[k] = a;
      for (let j = 0; j < n; j++) q[j]! -= a * h.y[j]!;
    }
    const last = history[history.length - 1];
    const scale = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let j = 0; j < n; j++) q[j]! *= scale;
    for (let k = 0; k < history.length; k++) {
      const h = history[k]!;
      const b = h.rho * dot(h.y, q);
      for (let j = 0; j < n; j++) q[j]! += h.s[j]! * (alphas[k]! - b);
    }
    const slope = -dot(g, q);
    if (slope >= 0) break;
    let step = 1;
    const next = new Float64Array(n);
    const nextG = new Float64Array(n);
    let nextF = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < n; j++) next[j] = w[j]! - step * q[j]!;
      nextF = lossAndGradient(next, examples, c, nextG);
      if (nextF <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextF < f)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) { s[j] = next[j]! - w[j]!; y[j] = nextG[j]! - g[j]!; }
    const sy = dot(s, y);
    if (sy > 1e-10) history.push({ s, y, rho: 1 / sy });
    if (history.length > 10) history.shift();
    const converged = f - nextF < 1e-7 * Math.max(1, Math.abs(f));
    w = next; g = nextG; f = nextF;
    if (converged) break;
  }
  return w;
}

/**
 * Fits on every feature seen `minCount` times, keeps the `keep` heaviest and fits again on those:
 * the weights in hundredths, the bias apart. Rows may carry a weight (experiments weigh by session).
 */
export function fitPruned(labelled: { y: number; f: string[]; weight?: number }[], options: TrainOptions): { bias: number; features: string[]; weights: number[] } {
  const first = indexFeatures(labelled, options.minCount);
  const w = fit(first.examples, first.names.length, options.c);
  const kept = new Set(
    first.names.map((name, i) => ({ name, weight: Math.abs(w[i]!) }))
      .sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1))
      .slice(0, options.keep)
      .map((x) => x.name),
  );
  const pruned = indexFeatures(labelled, 1, kept);
  const w2 = fit(pruned.examples, pruned.names.length, options.c);
  const hundredths = (x: number) => Math.round(x * 100);
  return { bias: hundredths(w2[pruned.names.length]!), features: pruned.names, weights: pruned.names.map((_, i) => hundredths(w2[i]!)) };
}

/** The model trained on `rows` (the training part of a split), ready to be written to data/. */
export function trainActionModel(rows: CodedRecommendation[], trainedOn: string, options: TrainOptions = TRAIN_OPTIONS): ActionModel {
  const labelled = labelledRows(rows);
  return { version: 1, trainedOn, rows: labelled.length, options, ...fitPruned(labelled, options) };
}
