// detMath against the engine's Math on many inputs per range: every result within 2 ulp
// (fdlibm promises < 1 ulp from the true value; Math.* is another approximation, so two such
// results can be up to 2 ulp apart). The largest distance found is printed per function.
import { afterAll, describe, expect, it } from 'vitest';
import * as d from './index';
import { logUniform, randomBits, seededUniform, uniform, ulpDistance, type Gen } from './ulp.testutil';

type Unary = (x: number) => number;
const N = 4000; // per range

const UNARY: [string, Unary, Unary, Gen[]][] = [
  ['exp', d.exp, Math.exp, [uniform(-1, 1), uniform(-745.2, 709.8), logUniform(1e-30, 1), randomBits(-1074, 9)]],
  ['expm1', d.expm1, Math.expm1, [uniform(-1, 1), uniform(-60, 709.7), logUniform(1e-30, 1), randomBits(-1074, 9)]],
  ['log', d.log, Math.log, [uniform(0, 2), logUniform(1e-308, 1e308, true), uniform(0.9, 1.1), logUniform(5e-324, 2e-308, true)]],
  ['log1p', d.log1p, Math.log1p, [uniform(-1, 1), logUniform(1e-30, 1e300, true), logUniform(1e-30, 0.29)]],
  ['log2', d.log2, Math.log2, [uniform(0, 2), logUniform(5e-324, 1e308, true), uniform(0.7, 1.5)]],
  ['log10', d.log10, Math.log10, [uniform(0, 2), logUniform(5e-324, 1e308, true)]],
  ['sin', d.sin, Math.sin, [uniform(-7, 7), uniform(-1e3, 1e3), uniform(-1e6, 1e6), logUniform(1e6, 1e308), logUniform(1e-30, 1), randomBits(-30, 1023)]],
  ['cos', d.cos, Math.cos, [uniform(-7, 7), uniform(-1e3, 1e3), uniform(-1e6, 1e6), logUniform(1e6, 1e308), logUniform(1e-30, 1), randomBits(-30, 1023)]],
  ['tan', d.tan, Math.tan, [uniform(-7, 7), uniform(-1e3, 1e3), uniform(-1e6, 1e6), logUniform(1e6, 1e308), logUniform(1e-30, 1)]],
  ['asin', d.asin, Math.asin, [uniform(-1, 1), logUniform(1e-30, 1), uniform(0.97, 1)]],
  ['acos', d.acos, Math.acos, [uniform(-1, 1), logUniform(1e-30, 1), uniform(-1, -0.97), uniform(0.97, 1)]],
  ['atan', d.atan, Math.atan, [uniform(-5, 5), logUniform(1e-30, 1e30), randomBits(-1074, 1023)]],
  ['sinh', d.sinh, Math.sinh, [uniform(-2, 2), uniform(-710.4, 710.4), logUniform(1e-30, 1)]],
  ['cosh', d.cosh, Math.cosh, [uniform(-2, 2), uniform(-710.4, 710.4), logUniform(1e-30, 1)]],
  ['tanh', d.tanh, Math.tanh, [uniform(-2, 2), uniform(-25, 25), logUniform(1e-30, 1)]],
];

const BINARY: [string, (a: number, b: number) => number, (a: number, b: number) => number, [Gen, Gen][]][] = [
  ['atan2', d.atan2, Math.atan2, [[uniform(-5, 5), uniform(-5, 5)], [logUniform(1e-30, 1e30), logUniform(1e-30, 1e30)], [randomBits(-1074, 1023), randomBits(-1074, 1023)]]],
  ['pow', d.pow, Math.pow, [
    [uniform(0, 10), uniform(-10, 10)],
    [logUniform(1e-10, 1e10, true), uniform(-30, 30)],
    [uniform(0.5, 2), uniform(-1000, 1000)],
    [uniform(-10, 0), (r) => Math.round(-40 + 80 * r())], // negative base, integer exponent
    [uniform(0.999, 1.001), logUniform(1e9, 1e12)],
    [logUniform(1e-300, 1e300, true), uniform(-1.2, 1.2)],
    [logUniform(5e-324, 1e-300, true), uniform(-1, 1)], // subnormal bases
    [uniform(0, 1), uniform(1, 1100)], // results down into the subnormals
  ]],
];

const worst = new Map<string, number>();
afterAll(() => {
  console.log('detMath vs Math.*: max ulp distance  ' + [...worst].map(([k, v]) => `${k} ${v}`).join(', '));
});

describe('detMath agrees with Math.* within 2 ulp', () => {
  it.each(UNARY)('%s', (name, det, ref, gens) => {
    const r = seededUniform(0x5eed + name.length * 977 + name.charCodeAt(0));
    let max = 0;
    for (const g of gens) {
      for (let i = 0; i < N; i++) {
        const x = g(r);
        const dist = ulpDistance(det(x), ref(x));
        if (dist > 2) expect.fail(`${name}(${x}) = ${det(x)}, Math gives ${ref(x)} (${dist} ulp)`);
        max = Math.max(max, dist);
      }
    }
    worst.set(name, max);
  });

  it.each(BINARY)('%s', (name, det, ref, gens) => {
    const r = seededUniform(0xb1a + name.length);
    let max = 0;
    for (const [ga, gb] of gens) {
      for (let i = 0; i < N; i++) {
        const a = ga(r);
        const b = gb(r);
        const dist = ulpDistance(det(a, b), ref(a, b));
        if (dist > 2) expect.fail(`${name}(${a}, ${b}) = ${det(a, b)}, Math gives ${ref(a, b)} (${dist} ulp)`);
        max = Math.max(max, dist);
      }
    }
    worst.set(name, max);
  });
});
