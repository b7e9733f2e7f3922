import { describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../experiment/types';
import { heldOutCount, trainCount } from '../experiment/netSplit';
import { makeDataset, type PointSet } from './datasets';

function all(set: PointSet[]): { x: number[]; y: number[] }[] {
  const out: { x: number[]; y: number[] }[] = [];
  for (const s of set) for (let i = 0; i < s.count; i++) out.push({ x: [s.x[2 * i], s.x[2 * i + 1]], y: [s.y[i]] });
  return out;
}

describe.each(DATASET_IDS)('%s', (dataset) => {
  it.each([10, 11, 333, 1000])('has %i points, 20% held out, both classes, labels 0/1', (samples) => {
    const d = makeDataset({ dataset, samples, noise: 0.1 }, 1);
    expect(d.train.count + d.heldOut.count).toBe(samples);
    expect(d.heldOut.count).toBe(Math.round(0.2 * samples));
    // the split the experiment's rules use (src/experiment/netSplit.ts) is the one the data has
    expect([d.train.count, d.heldOut.count]).toEqual([trainCount(samples), heldOutCount(samples)]);
    expect(d.train.x.length).toBe(2 * d.train.count);
    expect(d.heldOut.y.length).toBe(d.heldOut.count);
    const labels = [...d.train.y, ...d.heldOut.y];
    expect(labels.every((v) => v === 0 || v === 1)).toBe(true);
    const ones = labels.filter((v) => v === 1).length;
    expect(Math.abs(ones - samples / 2)).toBeLessThanOrEqual(1); // balanced classes
    expect(d.train.y.includes(0) && d.train.y.includes(1)).toBe(true);
    for (const v of [...d.train.x, ...d.heldOut.x]) expect(Math.abs(v)).toBeLessThanOrEqual(d.view.x[1]);
  });

  it('is a function of the seed: same seed, same points; another seed, other points', () => {
    const a = makeDataset({ dataset, samples: 200, noise: 0.1 }, 7);
    const b = makeDataset({ dataset, samples: 200, noise: 0.1 }, 7);
    const c = makeDataset({ dataset, samples: 200, noise: 0.1 }, 8);
    expect(a).toEqual(b);
    expect(a.train.x).not.toEqual(c.train.x);
  });

  it('adds N(0, noise^2) to every coordinate', () => {
    const split = (noise: number) => {
      const d = makeDataset({ dataset, samples: 2000, noise }, 4);
      return all([d.train, d.heldOut]);
    };
    const clean = split(0);
    const noisy = split(0.3);
    // The shuffle draws come after the noise, so the order differs: compare spreads instead.
    const spread = (pts: { x: number[] }[]) => pts.reduce((s, p) => s + p.x[0] ** 2 + p.x[1] ** 2, 0) / pts.length;
    // E|x + e|^2 = E|x|^2 + 2 noise^2, up to sampling error.
    expect(spread(noisy) - spread(clean)).toBeGreaterThan(2 * 0.09 * 0.8);
    expect(spread(noisy) - spread(clean)).toBeLessThan(2 * 0.09 * 1.2 + (dataset === 'blobs' ? 0.1 : 0));
  });
});

describe('clean geometry (noise 0)', () => {
  const pts = (dataset: (typeof DATASET_IDS)[number]) => {
    const d = makeDataset({ dataset, samples: 400, noise: 0 }, 2);
    return all([d.train, d.heldOut]);
  };
  it('circles: class 0 on radius 1, class 1 on radius 0.5', () => {
    for (const p of pts('circles')) expect(Math.hypot(p.x[0], p.x[1])).toBeCloseTo(p.y[0] === 0 ? 1 : 0.5, 12);
  });
  it('moons: class 0 on the upper unit half circle, class 1 on the lower one shifted by (1, -0.5)', () => {
    for (const { x, y } of pts('moons')) {
      const [cx, cy] = y[0] === 0 ? [-0.5, -0.25] : [0.5, 0.25];
      expect(Math.hypot(x[0] - cx, x[1] - cy)).toBeCloseTo(1, 12);
      expect(y[0] === 0 ? x[1] >= -0.25 - 1e-12 : x[1] <= 0.25 + 1e-12).toBe(true);
    }
  });
  it('xor: label 1 exactly where both coordinates have the same sign, 0.1 away from the axes', () => {
    for (const { x, y } of pts('xor')) {
      expect(y[0]).toBe(x[0] * x[1] > 0 ? 1 : 0);
      expect(Math.min(Math.abs(x[0]), Math.abs(x[1]))).toBeGreaterThanOrEqual(0.1);
    }
  });
  it('spiral: every point within the unit disc; the arms are point reflections of each other', () => {
    const p = pts('spiral');
    for (const { x } of p) expect(Math.hypot(x[0], x[1])).toBeLessThanOrEqual(1);
    const key = (x: number[]) => `${x[0].toFixed(9)},${x[1].toFixed(9)}`;
    const arm1 = new Set(p.filter((q) => q.y[0] === 1).map((q) => key(q.x)));
    for (const q of p.filter((q) => q.y[0] === 0)) expect(arm1.has(key([-q.x[0] + 0, -q.x[1] + 0]))).toBe(true);
  });
  it('blobs: class means near (-0.8, -0.8) and (0.8, 0.8)', () => {
    const p = pts('blobs');
    for (const label of [0, 1]) {
      const cls = p.filter((q) => q.y[0] === label);
      const mx = cls.reduce((s, q) => s + q.x[0], 0) / cls.length;
      const my = cls.reduce((s, q) => s + q.x[1], 0) / cls.length;
      const c = label === 0 ? -0.8 : 0.8;
      expect(Math.abs(mx - c)).toBeLessThan(0.15);
      expect(Math.abs(my - c)).toBeLessThan(0.15);
    }
  });
  it('holds out at least one point', () => {
    expect(heldOutCount(2)).toBe(1);
  });
});
