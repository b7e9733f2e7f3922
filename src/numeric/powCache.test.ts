// pow keeps log2|x| of the last two bases (pow.ts): a result must not depend on the calls before
// it. The same (x, y) pairs in call orders that make the cache hit, miss and evict give the same
// bits as each pair computed right after a call with an unrelated base.
import { describe, expect, it } from 'vitest';
import { pow } from './pow';

const bases = [0.9, 0.999, -0.9, 1.5, 2, 1e-310, 0.9000000000000001, 3.7, 1e300, 0.5];
const exponents = [1, 2, 3, 7, 10, 100, 1001, 0.5, -2.5, 1e5];

/** pow(x, y) with the cache first filled by other bases. */
function cold(x: number, y: number): number {
  pow(12.25, 1.5);
  pow(0.123, 2.5);
  return pow(x, y);
}

describe('pow with its log2 cache', () => {
  it('gives the same bits whatever the calls before', () => {
    const pairs = bases.flatMap((x) => exponents.map((y) => [x, y] as const));
    const expected = pairs.map(([x, y]) => cold(x, y));
    // in order (hits), interleaved two bases (the Adam pattern), three bases (evictions), reversed
    const orders = [
      pairs,
      exponents.flatMap((y) => [[0.9, y] as const, [0.999, y] as const]),
      exponents.flatMap((y) => [[0.9, y] as const, [0.999, y] as const, [1.5, y] as const]),
      [...pairs].reverse(),
    ];
    for (const order of orders) {
      for (const [x, y] of order) expect(Object.is(pow(x, y), expected[pairs.findIndex(([a, b]) => Object.is(a, x) && b === y)])).toBe(true);
    }
  });
});
