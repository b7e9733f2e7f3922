// Every committed golden value (fixtures/numeric/golden.json, from scripts/gen_numeric_golden.ts)
// must come out bit for bit: detMath's whole point is that its results never change, on any
// engine or after any refactoring. A failure here means a result moved; if that was intended,
// regenerate the file and say why in the commit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detMath } from './index';
import { encodeNumber } from './ulp.testutil';

interface Golden {
  functions: Record<string, string[][]>;
}

const golden = JSON.parse(readFileSync(new URL('../../fixtures/numeric/golden.json', import.meta.url), 'utf8')) as Golden;
const fns = detMath as unknown as Record<string, (...args: number[]) => number>;

describe('golden values', () => {
  it('covers every detMath function with ~200 inputs', () => {
    expect(Object.keys(golden.functions).sort()).toEqual(Object.keys(detMath).sort());
    for (const rows of Object.values(golden.functions)) expect(rows.length).toBeGreaterThanOrEqual(150);
  });

  it.each(Object.keys(golden.functions))('%s reproduces every golden result exactly', (name) => {
    const f = fns[name];
    const wrong: string[] = [];
    for (const row of golden.functions[name]) {
      const args = row.slice(0, -1).map(Number);
      const got = encodeNumber(f(...args));
      if (got !== row[row.length - 1]) wrong.push(`${name}(${row.slice(0, -1).join(', ')}) = ${got}, golden ${row[row.length - 1]}`);
    }
    expect(wrong).toEqual([]);
  });
});
