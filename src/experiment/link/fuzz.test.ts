// Fuzzing the link decoder and the JSON import: random and mutated input must never throw,
// never hang, and always give a valid Experiment with a well-formed list of problems.
// More than 10,000 link inputs and 4,000 JSON inputs per run; fast-check prints the seed of a
// failure, so `fc.assert(..., { seed })` replays it.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatErrors, parseExperiment } from '../parse';
import { decodeExperiment, MAX_LINK_LENGTH } from './decode';
import { encodeExperiment } from './encode';
import { exportExperimentJson, importExperimentJson } from './json';
import type { LinkProblem } from './problems';
import { atStepArb, experimentArb } from './testArbitrary';

// Per input: a hang is caught, a GC pause on a loaded 2-core machine is not a failure. Typical
// decodes take well under a millisecond.
const TIME_BOUND_MS = 2000;
let slowest = 0;

function checkResult(result: { experiment: unknown; problems: LinkProblem[]; atStep?: number }): void {
  const parsed = parseExperiment(result.experiment);
  if (!parsed.ok) throw new Error(`invalid experiment: ${JSON.stringify(parsed.errors)}`);
  if (!Array.isArray(result.problems)) throw new Error('problems is not an array');
  for (const p of result.problems) {
    const keys = Object.keys(p).sort().join(',');
    if (keys !== 'field,message' || typeof p.field !== 'string' || typeof p.message !== 'string') {
      throw new Error(`malformed problem ${JSON.stringify(p)}`);
    }
  }
  if (result.atStep !== undefined && !(Number.isInteger(result.atStep) && result.atStep >= 0)) throw new Error('bad atStep');
}

function timed<T>(f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  slowest = Math.max(slowest, ms);
  if (ms > TIME_BOUND_MS) throw new Error(`took ${ms.toFixed(0)} ms`);
  return out;
}

// What a message may contain: no control, format (bidi), surrogate, private-use or separator
// character, whatever the input (issue 14: messages reach terminals and the page).
const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]*$/u;

function checkPrintable(text: string, max: number): void {
  if (!PRINTABLE.test(text)) throw new Error(`not printable: ${JSON.stringify(text.slice(0, 200))}`);
  if (text.length > max) throw new Error(`${text.length} characters: ${JSON.stringify(text.slice(0, 200))}`);
}

function checkLink(hash: string): void {
  const result = timed(() => decodeExperiment(hash));
  checkResult(result);
  for (const p of result.problems) {
    checkPrintable(p.field, 1000);
    checkPrintable(p.message, 2000);
  }
  // What the decoder returns is valid, so it must itself survive the link unchanged.
  const again = decodeExperiment(encodeExperiment(result.experiment));
  if (again.problems.length > 0) throw new Error(`re-encoding gave problems ${JSON.stringify(again.problems)}`);
  expect(again.experiment).toStrictEqual(result.experiment);
}

function checkJson(text: string): void {
  checkResult(timed(() => importExperimentJson(text)));
  // The strict reader (CLI, UI edits) on the same text: never throws, one short printable line.
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return;
  }
  const parsed = timed(() => parseExperiment(data));
  if (!parsed.ok) checkPrintable(formatErrors(parsed.errors), 1900);
}

const HOSTILE_VALUES = [
  'NaN', 'Infinity', '-Infinity', '+Infinity', '1e999', '-1e999', '1e-999', '-0', '0x10', '', ' ', '1_000', '9'.repeat(400),
  '1e+308', '4294967296', '-1', '0.5', '1e7', '%', '%%', '%E2%82', '%ED%A0%80', '%FF%FE', '&&&', '===', ',,,', ':::', ';;;;',
  '[[[[', '{"a":', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'true', 'false', 'null', 'undefined',
  '%1B%5B2J%0Aerror:%20all%20good', '%00', '%E2%80%AE', '%0A', '%0D', '%C2%85', '%E2%80%A8', '%EF%BB%BF', '%7F', '%F3%A0%80%81', 'a'.repeat(300),
];
const HOSTILE_PAIRS = [
  '__proto__=1', 'constructor=x', 'prototype=y', 'r0=__proto__', 'r3=adam,__proto__:1,prototype:2,constructor:3', 'r1=sgd,defaults,defaults',
  'v=2', 'v=999999999', 'v=', 'v=-1', 'reg=__proto__:1;constructor:2', 'view=;;;', 'hidden=1;2;3;4;5;6', 'data=moons', 'surface=',
  'r99999999=adam', 'r08=sgd', 't=1e999', 'sched:warmup', 'r2=sgd,sched:step;;;;', 'r2=adam,betas:1;2;3;4',
  '%1B%5B2J%0Aerror:%20all%20good=1', 'v=%31', 'v=%0A', 'v=%E2%80%AE1', 'r0=sgd,%0A%1B:1', 'r0=sgd,%E2%80%AE', 'reg=%0A;%00:1', 'r1=%1B[31m',
];
const hostileText = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.constantFrom(...HOSTILE_PAIRS), fc.string({ maxLength: 12, unit: 'binary' }));

type Mutation =
  | { op: 'flip' | 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate' | 'swap'; at: number; to: number }
  | { op: 'number'; at: number; text: string }
  | { op: 'long'; at: number; unit: string; times: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('flip' as const, 'insert' as const), at: fc.nat(), text: hostileText }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('duplicate' as const, 'swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), text: fc.constantFrom(...HOSTILE_VALUES) }),
  fc.record({ op: fc.constant('long' as const), at: fc.nat(), unit: fc.constantFrom('a', '%', '9', '%FF', '&', ',', ';', 'r0=sgd&', '[', 'é'), times: fc.integer({ min: 100, max: 25_000 }) }),
);

function mutate(hash: string, m: Mutation): string {
  const at = hash.length === 0 ? 0 : m.at % (hash.length + 1);
  switch (m.op) {
    case 'flip': return hash.slice(0, at) + m.text + hash.slice(at + 1);
    case 'insert': return hash.slice(0, at) + m.text + hash.slice(at);
    case 'delete': return hash.slice(0, at) + hash.slice(at + m.len);
    case 'truncate': return hash.slice(0, at);
    case 'long': return hash.slice(0, at) + m.unit.repeat(m.times) + hash.slice(at);
    case 'number': {
      // Replace the n-th number of the link with a hostile value.
      const numbers = [...hash.matchAll(/-?[0-9][0-9.e+-]*/g)];
      if (numbers.length === 0) return hash;
      const hit = numbers[m.at % numbers.length];
      return hash.slice(0, hit.index) + m.text + hash.slice(hit.index + hit[0].length);
    }
    case 'duplicate':
    case 'swap': {
      const parts = hash.split('&');
      const i = m.at % parts.length;
      const j = m.to % parts.length;
      if (m.op === 'duplicate') parts.splice(j, 0, parts[i]);
      else [parts[i], parts[j]] = [parts[j], parts[i]];
      return parts.join('&');
    }
  }
}

const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(protoKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  console.log(`fuzz: slowest single decode/import ${slowest.toFixed(1)} ms`);
});

describe('link decoder fuzz', () => {
  it('survives mutated valid links (5,000)', () => {
    fc.assert(
      fc.property(experimentArb, atStepArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (exp, atStep, mutations) => {
        checkLink(mutations.reduce(mutate, encodeExperiment(exp, { atStep })));
      }),
      { numRuns: 5000 },
    );
  });

  it('survives random link-like text (3,500)', () => {
    const linkChars = fc.constantFrom(...'v=1&r0,:;%#.-+eE0123456789abcdefghijklmnopqrstuvwxyzA_~()*!$/?@'.split(''));
    const token = fc.oneof(fc.constantFrom('v', 'surface', 'expr', 'reg', 'r0', 'r7', 'steps', 'tol', 'seed', 'view', 't', 'sgd', 'adam', 'lr', 'betas', 'sched', 'label', 'start', 'defaults'), linkChars);
    const text = fc.oneof(
      fc.string({ maxLength: 300, unit: linkChars }),
      fc.array(token, { maxLength: 120 }).map((ts) => ts.join('')),
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.array(fc.tuple(token, fc.oneof(hostileText, fc.string({ maxLength: 30, unit: linkChars }))), { maxLength: 30 }).map((kv) => 'v=1&' + kv.map(([k, v]) => `${k}=${v}`).join('&')),
    );
    fc.assert(fc.property(text, checkLink), { numRuns: 3500 });
  });

  it('survives structured hostile links (1,500)', () => {
    const pair = fc.oneof(fc.constantFrom(...HOSTILE_PAIRS), fc.tuple(fc.constantFrom('r0', 'r1', 'seed', 'view', 'steps', 'expr', 'surface', 't', 'reg'), fc.constantFrom(...HOSTILE_VALUES)).map(([k, v]) => `${k}=${v}`));
    fc.assert(fc.property(fc.array(pair, { maxLength: 40 }), (pairs) => checkLink(['v=1', ...pairs].join('&'))), { numRuns: 1500 });
  });

  it('survives huge input, just under and over the cap', () => {
    const units = ['a', '%', '&', '=', ',', 'r0=sgd,lr:1&', 'v=1&', '%E2%82%AC', '9', ';', 'é', '\uD800'];
    for (const unit of units) {
      for (const length of [MAX_LINK_LENGTH - 10, MAX_LINK_LENGTH + 1, 1_000_000]) {
        checkLink(('v=1&expr=' + unit.repeat(Math.ceil(length / unit.length))).slice(0, length));
      }
    }
  });
});

describe('JSON import fuzz', () => {
  it('survives mutated exported JSON (2,000)', () => {
    const textMutation = fc.oneof(
      fc.record({ op: fc.constantFrom('flip' as const, 'insert' as const), at: fc.nat(), text: fc.oneof(hostileText, fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '-', 'e', '1e999', '"__proto__":{"polluted":1},')) }),
      fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(experimentArb, fc.array(textMutation, { minLength: 1, maxLength: 4 }), (exp, mutations) => {
        checkJson(mutations.reduce((text: string, m) => mutate(text, m), exportExperimentJson(exp)));
      }),
      { numRuns: 2000 },
    );
  });

  it('survives hostile values anywhere in the object (2,000)', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const hostileJson = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((x) => JSON.stringify(x)),
      fc.constantFrom('1e999', '-1e999', '-0', '"NaN"', '"Infinity"', 'null', 'true', '[]', '{}', '[0.5,0.5,0.5]', deep(1000), deep(20_000), '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', JSON.stringify('x'.repeat(50_000))),
      fc.constantFrom('"\\u001b[2J\\nerror: all good"', '{"\\u0000\\u202e\\n":1}', '"\\u2028\\ud800"', `[${'0,'.repeat(50_000)}0]`, `[${'{},'.repeat(30_000)}{}]`),
    );
    // Replace one value of the exported object (by position in its text) with a hostile one.
    fc.assert(
      fc.property(experimentArb, fc.nat(), hostileJson, (exp, at, value) => {
        const text = exportExperimentJson(exp);
        const slots = [...text.matchAll(/: (-?[0-9][^,\n]*|"[^"\n]*"|true|false)/g)];
        const hit = slots[at % slots.length];
        checkJson(text.slice(0, hit.index + 2) + value + text.slice(hit.index + hit[0].length));
      }),
      { numRuns: 2000 },
    );
  });
});
