// The figures' reference curves pass through the point they name, with the shape they claim.
import { describe, expect, it } from 'vitest';
import type { EscapeVsDim } from '../../optim/escape';
import { RATE_EPS, type Rates } from '../../optim/rates';
import { logDomain, logDReference, logSamples, rateReferences } from './figureMath';

const row = (dim: number, median: number | null) => ({ dim, saddle: { label: 's', index: 1 }, escaped: median === null ? 0 : 3, q1: median, median, q3: median, times: [median, median, median] });

describe('the reference curves', () => {
  it('c log d passes through the first run with a median, at its largest d with one', () => {
    const fig: EscapeVsDim = {
      kind: 'escapeVsDim', radius: 0.5, seeds: 3, saddle: 'nearest',
      runs: [
        { label: 'GD', optimizer: 'sgd', rows: [row(10, null), row(100, null)] },
        { label: 'PGD', optimizer: 'pgd', rows: [row(10, 40), row(100, 60), row(1000, null)] },
      ],
    };
    const ref = logDReference(fig)!;
    expect(ref.anchor).toEqual({ run: 1, x: 100, y: 60 });
    expect(ref.at(100)).toBeCloseTo(60, 12);
    expect(ref.at(10_000)).toBeCloseTo(120, 10);
    expect(logDReference({ ...fig, runs: [fig.runs[0]] })).toBeNull();
  });

  it('1/eps^2 and log(1/eps) pass through the first reached eps at a step >= 1', () => {
    const rates: Rates = {
      kind: 'rates', eps: RATE_EPS,
      runs: [
        { label: 'a', optimizer: 'sgd', steps: RATE_EPS.map(() => null), fit: null, stop: null },
        { label: 'b', optimizer: 'adam', steps: [0, 20, 40, null, null, null, null, null], fit: null, stop: null },
      ],
    };
    const ref = rateReferences(rates)!;
    expect(ref.anchor).toEqual({ run: 1, x: 100, y: 20 });
    expect(ref.inverseSquare(100)).toBeCloseTo(20, 12);
    expect(ref.inverseSquare(1000)).toBeCloseTo(2000, 9);
    expect(ref.logarithmic(100)).toBeCloseTo(20, 12);
    expect(ref.logarithmic(10_000)).toBeCloseTo(40, 10);
    expect(rateReferences({ ...rates, runs: [rates.runs[0]] })).toBeNull();
  });

  it('log domains hold every positive value; samples span the range', () => {
    expect(logDomain([2, 1000, 0, NaN])).toEqual([1.6, 1250]);
    expect(logDomain([5])).toEqual([2.5, 10]);
    expect(logDomain([])).toEqual([1, 10]);
    const s = logSamples(2, 1000, (x) => x, 5);
    expect(s[0]).toEqual({ x: 2, y: 2 });
    expect(s[4]).toEqual({ x: 1000, y: 1000 });
    expect(s[2].x).toBeCloseTo(Math.sqrt(2000), 9);
  });
});
