/**
 * Experiment (not shipped): does another representation or learner for the 4-vs-5 call, or a
 * second stage for the rules' other errors, agree more with UPR Info's coders on later sessions?
 * Judged within sessions 1-9 only (docs: team-docs/CLF-PROTOCOL.md): only the exports of sessions
 * 1-5 and 6-9 are read; sessions 10-13 are never opened.
 *
 *   (a) forward chaining: train 1-6 -> judge 7, 1-7 -> 8, 1-8 -> 9;
 *   (b) 3-fold across sessions 1-3, 4-6, 7-9.
 * Every variant is compared with the current recipe (rules + lib's model, trained the same way).
 *
 *   npx tsx scripts/experiments/action-representations.ts [variant ...]
 * Variants: base-check, nbsvm, head, chars, chars2, head+chars, nbsvm+head, recency, combo, stage2
 * (peek prints the object heads of a few rows of sessions 1-9). Findings of 2025-12 round: none
 * reaches +0.3 points on (a); see the report in the commit message.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyByRules, type ActionCategoryResult } from '../../lib/upr/action-rules';
import { compileModel, modelCall } from '../../lib/upr/action-model';
import { modelFeatures, ruleKind, MAX_TOKENS } from '../../lib/upr/action-model-features';
import { fit, trainActionModel, TRAIN_OPTIONS, type Example } from '../../lib/upr/action-model-train';
import { decodeMacRoman, parseCodedRecommendations, type CodedRecommendation } from '../../lib/upr/eval-corpus';
import { fnv1a } from '../../lib/text/hash';
import { SHARED_DATA } from '../../bench/upr-info-exports';

// Sessions 1-9 only: the file of sessions 10-13 is never read.
const rows: CodedRecommendation[] = ['upr-info-sessions-1-5.csv', 'upr-info-sessions-6-9.csv']
  .flatMap((f) => parseCodedRecommendations(decodeMacRoman(readFileSync(resolve(SHARED_DATA, f)))))
  .filter((r) => r.session >= 1 && r.session <= 9);

interface Row {
  r: CodedRecommendation;
  rules: ActionCategoryResult;
  base: string[];
  /** The current recipe's call, filled per split. */
}
const data: Row[] = rows.map((r) => {
  const rules = classifyByRules(r.text);
  return { r, rules, base: modelFeatures(r.text, rules) };
});

// ---------------------------------------------------------------- learner: the shipped trainer's fit
// (lib/upr/action-model-train.ts: L2 logistic regression by L-BFGS), with feature values and row weights.
interface Linear { bias: number; weights: Map<string, number> }
interface TrainOpts { c: number; keep: number; minCount: number; nb?: number; round?: number; /** value of hashed character features (1 = binary) */ hv?: number }

/**
 * Trains like lib (fit, keep the heaviest, refit, round), on binary features; with `nb` set, each
 * feature is scaled by its naive-Bayes log-count ratio (smoothing `nb`), Wang & Manning 2012; the
 * scale folds into the weight, so the shipped format (one weight per feature) is unchanged.
 */
function trainLinear(items: { f: string[]; y: number; wt?: number }[], o: TrainOpts): Linear {
  const counts = new Map<string, number>();
  for (const it of items) for (const f of it.f) counts.set(f, (counts.get(f) ?? 0) + 1);
  let names = [...counts].filter(([, n]) => n >= o.minCount).map(([f]) => f).sort();
  const ratio = new Map<string, number>();
  if (o.nb !== undefined) {
    const pos = new Map<string, number>(); const neg = new Map<string, number>();
    for (const it of items) for (const f of it.f) (it.y ? pos : neg).set(f, ((it.y ? pos : neg).get(f) ?? 0) + 1);
    let sp = 0; let sn = 0;
    for (const f of names) { sp += (pos.get(f) ?? 0) + o.nb; sn += (neg.get(f) ?? 0) + o.nb; }
    for (const f of names) ratio.set(f, Math.log(((pos.get(f) ?? 0) + o.nb) / sp) - Math.log(((neg.get(f) ?? 0) + o.nb) / sn));
  }
  const scale = (f: string) => (o.nb !== undefined ? ratio.get(f)! : o.hv !== undefined && f.startsWith('h=') ? o.hv : 1);
  const run = (keepNames: string[]) => {
    const index = new Map(keepNames.map((f, i) => [f, i]));
    const ex: Example[] = items.map((it) => {
      const idx: number[] = []; const val: number[] = [];
      for (const f of it.f) { const i = index.get(f); if (i !== undefined && scale(f) !== 0) { idx.push(i); val.push(scale(f)); } }
      return { features: idx, values: val, y: it.y, weight: it.wt };
    });
    const w = fit(ex, keepNames.length, o.c);
    return { bias: w[keepNames.length]!, eff: keepNames.map((f, i) => w[i]! * scale(f)) };
  };
  const first = run(names);
  names = names.map((name, i) => ({ name, weight: Math.abs(first.eff[i]!) }))
    .sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1)).slice(0, o.keep).map((x) => x.name).sort();
  const second = run(names);
  const rd = (x: number) => (o.round ? Math.round(x * o.round) / o.round : x);
  const weights = new Map<string, number>();
  names.forEach((f, i) => { const w = rd(second.eff[i]!); if (w !== 0) weights.set(f, w); });
  return { bias: rd(second.bias), weights };
}
const scoreOf = (m: Linear, f: string[]) => f.reduce((s, x) => s + (m.weights.get(x) ?? 0), m.bias);

/** JSON size of a model in lib's format (features + integer weights in hundredths). */
function jsonSize(m: Linear): number {
  const names = [...m.weights.keys()];
  return JSON.stringify({ version: 1, trainedOn: 'sessions 1-9', rows: 10345, options: TRAIN_OPTIONS, bias: Math.round(m.bias * 100), features: names, weights: names.map((f) => Math.round(m.weights.get(f)! * 100)) }).length;
}

// ---------------------------------------------------------------- features
const TOK = /[a-z0-9]+(?:'[a-z]+)?|[,;.:()]/g;
const DET = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'all', 'any', 'such', 'each', 'every', 'some']);
const STOP = new Set(['of', 'to', 'in', 'on', 'for', 'with', 'by', 'and', 'or', 'that', 'which', 'as', 'at', 'from', 'into', 'including', 'so', 'who', 'whose',
  'through', 'towards', 'toward', 'against', 'within', 'between', 'under', 'without', 'be', 'is', 'are', 'aimed', 'aiming', 'in', 'where', 'while', 'also', 'inter',
  'both', 'particularly', 'notably', 'especially', 'namely', 'e', 'g', 'i', 'ie', 'eg', 'order', 'if', 'when', 'after', 'before', 'upon', 'ensuring', 'relating', 'related', 'regarding', 'concerning']);
const PARTICLES = new Set(['up', 'out', 'forward', 'place', 'down', 'further', 'effectively', 'fully', 'urgently', 'also', 'again', 'all', 'necessary', 'appropriate', 'measures']);

/** The first noun phrase after the deciding verb: its head (last word before a preposition) and modifiers; and the head of an "of" phrase after it. */
function objectOf(text: string, rules: ActionCategoryResult): { head?: string; mods: string[]; ofHead?: string } {
  const toks: string[] = text.toLowerCase().match(TOK) ?? [];
  const vw: string[] = rules.verb.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
  if (!vw.length) return { mods: [] };
  const last = vw[vw.length - 1]!;
  const firstAt = toks.indexOf(vw[0]!);
  let at = -1;
  for (let i = Math.max(0, firstAt); i < toks.length; i++) if (toks[i] === last) { at = i; break; }
  if (at < 0) return { mods: [] };
  const chunk = (from: number) => {
    let j = from;
    if (toks[j] === 'of') j++;
    while (j < toks.length && (DET.has(toks[j]!) || (PARTICLES.has(toks[j]!) && j === from))) j++;
    const out: string[] = [];
    while (j < toks.length && out.length < 6 && !STOP.has(toks[j]!) && !/^[,;.:()]$/.test(toks[j]!)) out.push(toks[j++]!);
    return { words: out, next: j };
  };
  let c1 = chunk(at + 1);
  // "Allow for the full independence", "Subscribe to the principle": one preposition is skipped.
  if (!c1.words.length && vw.length === 1 && ['to', 'for', 'with', 'on', 'in'].includes(toks[at + 1] ?? '')) c1 = chunk(at + 2);
  // "Take all necessary measures to …", "implement measures": the deciding words hold the object already.
  if (!c1.words.length && vw.length > 1) return { head: last, mods: vw.slice(1, -1).filter((w) => !DET.has(w)) };
  if (!c1.words.length) return { mods: [] };
  const head = c1.words[c1.words.length - 1]!;
  const mods = c1.words.slice(0, -1).filter((w) => !/^\d+$/.test(w));
  let ofHead: string | undefined;
  if (toks[c1.next] === 'of') { const c2 = chunk(c1.next + 1); ofHead = c2.words[c2.words.length - 1]; }
  return { head, mods, ofHead };
}

function headFeatures(row: Row): string[] {
  const o = objectOf(row.r.text, row.rules);
  const kind = ruleKind(row.rules.reason);
  const f: string[] = [];
  if (o.head) f.push(`oh=${o.head}`, `kh=${kind}|${o.head}`);
  for (const m of o.mods) f.push(`om=${m}`, `km=${kind}|${m}`);
  if (o.ofHead) f.push(`of=${o.ofHead}`, `hof=${o.head}|${o.ofHead}`);
  if (!o.head) f.push('oh=none');
  return f;
}

function charFeatures(text: string, buckets: number): string[] {
  const w = (text.toLowerCase().match(/[a-z]+/g) ?? []).slice(0, MAX_TOKENS);
  const out = new Set<string>();
  for (const word of w) {
    if (word.length < 3) continue;
    const s = `^${word}$`;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= s.length; i++) out.add(`h=${fnv1a(s.slice(i, i + n), 11) % buckets}`);
  }
  return [...out];
}

// ---------------------------------------------------------------- evaluation
const isFourFive = (c: number) => c === 4 || c === 5;
type Split = { name: string; train: (s: number) => boolean; test: (s: number) => boolean };
const FC: Split[] = [7, 8, 9].map((t) => ({ name: `1-${t - 1}->${t}`, train: (s) => s < t, test: (s) => s === t }));
const CV: Split[] = [[1, 3], [4, 6], [7, 9]].map(([lo, hi]) => ({ name: `cv${lo}-${hi}`, train: (s) => s < lo! || s > hi!, test: (s) => s >= lo! && s <= hi! }));

/** The current recipe's call on each test row, per split (cached). */
const baseCache = new Map<string, Map<Row, number>>();
function baseline(sp: Split): Map<Row, number> {
  const hit = baseCache.get(sp.name);
  if (hit) return hit;
  const model = compileModel(trainActionModel(data.filter((d) => sp.train(d.r.session)).map((d) => d.r), 'cv'));
  const out = new Map<Row, number>();
  for (const d of data.filter((x) => sp.test(x.r.session))) out.set(d, modelCall(d.r.text, d.rules, model)?.category ?? d.rules.category);
  baseCache.set(sp.name, out);
  return out;
}

type Predictor = (train: Row[]) => (d: Row, base: number) => number;

function evaluate(name: string, make: Predictor) {
  const t0 = Date.now();
  const line: string[] = [];
  for (const [label, splits] of [['(a) fc', FC], ['(b) cv', CV]] as const) {
    let gain = 0; let total = 0; let touched = 0; const per: string[] = [];
    for (const sp of splits) {
      const base = baseline(sp);
      const predict = make(data.filter((d) => sp.train(d.r.session)));
      let g = 0;
      for (const [d, b] of base) {
        const p = predict(d, b);
        if (p !== b) touched++;
        g += (p === d.r.category ? 1 : 0) - (b === d.r.category ? 1 : 0);
      }
      gain += g; total += base.size; per.push(`${g >= 0 ? '+' : ''}${g}`);
    }
    line.push(`${label} ${gain >= 0 ? '+' : ''}${gain} rows ${((100 * gain) / total).toFixed(2)} pts [${per.join(' ')}] touched ${touched}`);
  }
  console.log(`${name.padEnd(34)} ${line.join(' | ')}  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

/** A 4-vs-5 model over `feats`, trained on the train rows the rules read 4/5 and coded 4/5. */
function fourFive(feats: (d: Row) => string[], o: TrainOpts, report?: (m: Linear) => void, decay = 1): Predictor {
  return (train) => {
    const newest = Math.max(...train.map((d) => d.r.session));
    const items = train.filter((d) => isFourFive(d.r.category) && isFourFive(d.rules.category))
      .map((d) => ({ f: feats(d), y: d.r.category === 5 ? 1 : 0, wt: decay ** (newest - d.r.session) }));
    const m = trainLinear(items, o);
    report?.(m);
    return (d, b) => (isFourFive(d.rules.category) ? (scoreOf(m, feats(d)) > 0 ? 5 : 4) : b);
  };
}

const base = (d: Row) => d.base;
const charCache = new Map<string, string[]>();
const chars = (buckets: number) => (d: Row) => { const key = `${buckets}:${d.r.text}`; let c = charCache.get(key); if (!c) { c = charFeatures(d.r.text, buckets); charCache.set(key, c); } return c; };
const headCache = new Map<Row, string[]>();
const head = (d: Row) => { let h = headCache.get(d); if (!h) { h = headFeatures(d); headCache.set(d, h); } return h; };
const L = { ...TRAIN_OPTIONS, round: 100 };
let lastSize = 0;
const size = (m: Linear) => { lastSize = jsonSize(m); };
const withSize = (name: string, p: Predictor) => { evaluate(name, p); console.log(`${''.padEnd(34)} size of the last model: ${(lastSize / 1024).toFixed(1)} KB`); };

let THETA = 0.5;
/** As stage2, the threshold read from THETA at each call (so one training serves every threshold). */
function stage2Probs(keep: number, c: number, feats: (d: Row) => string[]): Predictor {
  return (train) => {
    const models = [1, 2, 3, 4, 5].map((k) => trainLinear(train.map((d) => ({ f: feats(d), y: d.r.category === k ? 1 : 0 })), { c, keep, minCount: 2, round: 100 }));
    const size = models.reduce((s, m) => s + jsonSize(m), 0);
    const probs = new Map<Row, number[]>();
    return (d, b) => {
      lastSize = size;
      let p = probs.get(d);
      if (!p) { const f = feats(d); p = models.map((m) => 1 / (1 + Math.exp(-scoreOf(m, f)))); probs.set(d, p); }
      // The most likely category other than the current call (and not a 4<->5 move).
      let best = 0;
      for (let k = 1; k <= 5; k++) if (k !== b && !(isFourFive(k) && isFourFive(b)) && (!best || p[k - 1]! > p[best - 1]!)) best = k;
      if (DEBUG && p[best - 1]! > 0.3) DEBUG.push(`${b}->${best} ${p[best - 1]!.toFixed(2)} coded ${d.r.category}`);
      return p[best - 1]! > THETA ? best : b;
    };
  };
}
let DEBUG: string[] | undefined = process.env.DEBUG2 ? [] : undefined;
process.on('exit', () => { if (DEBUG) { const c = new Map<string, number>(); for (const x of DEBUG) { const k = x.replace(/ \d\.\d+/, ''); c.set(k, (c.get(k) ?? 0) + 1); } console.log([...c].sort((a, b) => b[1] - a[1]).slice(0, 30)); } });
/** Second stage: one-vs-rest over the five categories, may overturn the current call (outside 4<->5) only above `theta`. */
function stage2(theta: number, keep: number, c: number, feats: (d: Row) => string[]): Predictor {
  return (train) => {
    const models = [1, 2, 3, 4, 5].map((k) => trainLinear(train.map((d) => ({ f: feats(d), y: d.r.category === k ? 1 : 0 })), { c, keep, minCount: 2, round: 100 }));
    lastSize = models.reduce((s, m) => s + jsonSize(m), 0);
    return (d, b) => {
      const f = feats(d);
      const p = models.map((m) => 1 / (1 + Math.exp(-scoreOf(m, f))));
      const best = p.indexOf(Math.max(...p)) + 1;
      if (best === b || (isFourFive(best) && isFourFive(b))) return b;
      return p[best - 1]! > theta ? best : b;
    };
  };
}

const wanted = process.argv.slice(2);
const want = (v: string) => !wanted.length || wanted.includes(v);
console.log(`sessions 1-9: ${data.length} rows; (a) judges ${data.filter((d) => d.r.session >= 7).length} rows, (b) ${data.length}`);

if (wanted.includes('peek')) for (const d of data.filter((x) => isFourFive(x.rules.category) && x.r.session <= 9).filter((_, i) => i % 700 === 0)) console.log(d.r.text.slice(0, 110), '|', d.rules.verb, '|', head(d).filter((f) => !f.includes('|')).join(' '));
if (want('base-check')) evaluate('rules alone (reference)', () => (d) => d.rules.category);
if (want('base-check')) withSize('lib recipe re-fitted here (must be 0)', fourFive(base, L, size));
if (want('nbsvm')) {
  for (const nb of [1, 0.5]) for (const c of [0.03, 0.1, 0.3]) for (const keep of [1500, 4000])
    withSize(`nbsvm a=${nb} c=${c} keep=${keep}`, fourFive(base, { ...L, c, keep, nb }, size));
}
if (want('head')) {
  for (const c of [0.1, 0.2]) for (const keep of [1500, 2500])
    withSize(`head c=${c} keep=${keep}`, fourFive((d) => [...d.base, ...head(d)], { ...L, c, keep }, size));
}
if (want('chars')) {
  for (const buckets of [4096, 16384]) for (const c of [0.03, 0.1]) for (const keep of [1500, 2500])
    withSize(`chars ${buckets} c=${c} keep=${keep}`, fourFive((d) => [...d.base, ...chars(buckets)(d)], { ...L, c, keep }, size));
}
if (want('chars2')) {
  for (const hv of [0.1, 0.2, 0.35]) for (const c of [0.1]) for (const keep of [2500])
    withSize(`chars 4096 value=${hv} c=${c} keep=${keep}`, fourFive((d) => [...d.base, ...chars(4096)(d)], { ...L, c, keep, hv }, size));
  withSize('chars instead of words 4096 c=0.03 keep=2500', fourFive((d) => [...d.base.filter((f) => !f.startsWith('u=')), ...chars(4096)(d)], { ...L, c: 0.03, keep: 2500 }, size));
}
if (want('head+chars')) {
  withSize('head+chars 4096 c=0.1 keep=2000', fourFive((d) => [...d.base, ...head(d), ...chars(4096)(d)], { ...L, c: 0.1, keep: 2000 }, size));
}
if (want('nbsvm+head')) {
  for (const c of [0.1, 0.3]) withSize(`nbsvm+head a=1 c=${c} keep=2000`, fourFive((d) => [...d.base, ...head(d)], { ...L, c, keep: 2000, nb: 1 }, size));
}
if (want('recency')) {
  for (const decay of [0.9, 0.8, 0.7]) for (const c of [0.1, 0.2])
    withSize(`recency decay=${decay} c=${c} keep=1500`, fourFive(base, { ...L, c }, size, decay));
}
if (want('combo')) {
  for (const [c, decay, hv] of [[0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0.2, 1, 0.1]] as const)
    withSize(`head+chars(${hv})+recency(${decay}) c=${c} keep=2500`, fourFive((d) => [...d.base, ...head(d), ...chars(4096)(d)], { ...L, c, keep: 2500, hv }, size, decay));
}
if (want('stage2')) {
  const f2 = (d: Row) => [...d.base, ...d.base.filter((f) => f.startsWith('u=') || f.startsWith('k=')).map((f) => `rc${d.rules.category}|${f}`)];
  const cache = new Map<string, (d: Row, b: number) => number>();
  for (const [keep, c] of [[300, 0.1], [1000, 0.1]] as const) {
    const memo: Predictor = (train) => { const k = `${keep}${c}${train.length}`; if (!cache.has(k)) cache.set(k, stage2Probs(keep, c, f2)(train)); return cache.get(k)!; };
    for (const theta of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) { THETA = theta; withSize(`stage2 theta=${theta} keep=${keep}x5 c=${c}`, memo); }
  }
}
