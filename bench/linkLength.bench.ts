// How long is a share link? Measures the candidate encodings of an Experiment on three
// typical experiments and writes bench/results/linkLength.json. Run: npx tsx bench/linkLength.bench.ts
// Candidates:
//   readable        the link format of src/experiment/link (`v=1&surface=...&r0=adam,lr:0.01`)
//   readableDeflate the same text, deflate-raw, base64url
//   jsonB64         JSON of the Experiment, base64url
//   shortJsonB64    JSON with one- or two-letter keys, base64url
//   jsonDeflate     JSON, deflate-raw (level 9), base64url
//   shortJsonDeflate JSON with short keys, deflate-raw, base64url
// Deflate uses node:zlib here, the best a sync pure-TS deflate could do; the app would need one.
import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Experiment, Run } from '../src/experiment/types';
import { encodeExperiment } from '../src/experiment/link/encode';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const deflate = (text: string) => b64url(deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }));

const SHORT: Record<string, string> = {
  problem: 'p', kind: 'k', id: 'i', expr: 'e', regularization: 'R', runs: 'r', optimizer: 'o', params: 'P',
  start: 's', gradNoise: 'n', clip: 'c', schedule: 'S', label: 'l', stop: 't', maxSteps: 'm', gradTol: 'g',
  seed: 'd', view: 'w', lr: 'a', betas: 'b', momentum: 'M', weightDecay: 'W', stepSize: 'z', gamma: 'G', tMax: 'T', etaMin: 'E',
};
function shortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(shortKeys);
  if (typeof x !== 'object' || x === null) return x;
  return Object.fromEntries(Object.entries(x).map(([k, val]) => [SHORT[k] ?? k, shortKeys(val)]));
}

// A plausible 500-character expression: a sum of bumps with varied coefficients.
function longExpression(length: number): string {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const c = () => (Math.round(rnd() * 300) / 100).toString();
  let expr = 'x^2 - y^2';
  for (;;) {
    const term = ` + ${c()}*sin(${c()}*x + ${c()}*y) * exp(-(x - ${c()})^2)`;
    if (expr.length + term.length > length) break;
    expr += term;
  }
  // Fill up to the exact length with a constant term (" + 0.123...").
  const room = length - expr.length;
  return room >= 6 ? expr + ' + 0.' + '123456789'.repeat(60).slice(0, room - 5) : expr;
}

const eightRuns: Run[] = [
  { optimizer: 'sgd', params: { lr: 0.001 }, start: [-1.5, 1.5], label: 'GD' },
  { optimizer: 'sgd', params: { lr: 0.001, momentum: 0.9, nesterov: true }, start: [-1.5, 1.5], label: 'Nesterov' },
  { optimizer: 'rmsprop', params: { lr: 0.01, alpha: 0.9 }, start: [-1.5, 1.5] },
  { optimizer: 'adam', params: { lr: 0.01, betas: [0.9, 0.99] }, start: [-1.5, 1.5], schedule: { kind: 'cosine', tMax: 2000, etaMin: 0.0001 } },
  { optimizer: 'adamw', params: { lr: 0.01, weightDecay: 0.05 }, start: [-1.5, 1.5], clip: 5 },
  { optimizer: 'pgd', params: { lr: 0.05, radius: 0.2 }, start: [0.5, -0.25], label: 'perturbed GD' },
  { optimizer: 'noisySgd', params: { lr: 0.05, sigma: 0.1 }, start: [0.5, -0.25], gradNoise: 0.05 },
  { optimizer: 'cubic', params: { M: 20 }, start: [0.5, -0.25], schedule: { kind: 'step', stepSize: 100, gamma: 0.5 } },
];
const base = { v: 1 as const, stop: { maxSteps: 2000, gradTol: 1e-4 }, seed: 42 };
const cases: { name: string; exp: Experiment }[] = [
  {
    name: 'typical 1 run',
    exp: { ...base, problem: { kind: 'surface', id: 'rosenbrock' }, runs: [{ optimizer: 'adam', params: { lr: 0.01 }, start: [-1.5, 1.5] }] },
  },
  { name: '8 runs', exp: { ...base, problem: { kind: 'surface', id: 'himmelblau' }, runs: eightRuns, view: { x: [-5, 5], y: [-5, 5] } } },
  {
    name: '8 runs, 500-character expression',
    exp: { ...base, problem: { kind: 'surface', expr: longExpression(500) }, runs: eightRuns, view: { x: [-3, 3], y: [-3, 3] } },
  },
];

const rows = cases.map(({ name, exp }) => {
  const readable = encodeExperiment(exp);
  const json = JSON.stringify(exp);
  const short = JSON.stringify(shortKeys(exp));
  return {
    name,
    exprLength: 'expr' in exp.problem ? exp.problem.expr.length : 0,
    readable: readable.length,
    readableDeflate: deflate(readable).length,
    jsonB64: b64url(Buffer.from(json, 'utf8')).length,
    shortJsonB64: b64url(Buffer.from(short, 'utf8')).length,
    jsonDeflate: deflate(json).length,
    shortJsonDeflate: deflate(short).length,
  };
});

const best = (r: (typeof rows)[number]) => Math.min(r.readableDeflate, r.jsonDeflate, r.shortJsonDeflate, r.shortJsonB64);
const ratio = (r: (typeof rows)[number]) => (r.readable / best(r)).toFixed(1);
const result = {
  note: 'characters of the hash (without #); every candidate is URL-safe as is',
  choice: 'readable',
  why:
    `readable is ${ratio(rows[0])}x the best other candidate for one run, ${ratio(rows[1])}x for 8 runs and ` +
    `${ratio(rows[2])}x with a 500-character expression (its spaces and ^ are percent-escaped), at most ` +
    `${Math.max(...rows.map((r) => r.readable))} characters: below the ~2,000 that every browser, server and chat client keeps; ` +
    'readable and editable by hand; a damaged character costs one field, not the whole link (the decoder is lenient per field); ' +
    'synchronous with no compression code to ship',
  rows,
};
writeFileSync(new URL('./results/linkLength.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.table(rows);
