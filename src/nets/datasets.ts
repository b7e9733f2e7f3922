// Seeded 2D binary-classification datasets. Each generator draws a clean point set centred near
// the origin, then every coordinate gets N(0, noise^2) added (the same meaning of `noise` for
// every dataset), then a seeded shuffle; the last HELD_OUT_FRACTION of the shuffled points is
// the held-out split (its size: heldOutCount of src/experiment/netSplit.ts). Everything comes from the dataset stream (streams.ts) in a fixed order,
// and sin / cos are the deterministic ones of src/numeric, so the points are the same bits in
// Node and in every browser.
import { heldOutCount } from '../experiment/netSplit';
import type { DatasetId, NetworkProblem, ViewWindow } from '../experiment/types';
import { cos, sin } from '../numeric';
import type { Rng } from '../optim/rng';
import { netStream } from './streams';

/** Points of one split: x is interleaved (x0, y0, x1, y1, ...), labels are 0 or 1. */
export interface PointSet {
  x: Float64Array;
  y: Float64Array;
  count: number;
}

export interface NetworkData {
  train: PointSet;
  heldOut: PointSet;
  /** A square window around the origin that holds every point, for the decision-boundary view. */
  view: ViewWindow;
}

/** Clean points before noise: writes n points into x (interleaved) and their labels into y. */
type Generator = (n: number, x: Float64Array, y: Float64Array, rng: Rng) => void;

// sklearn's make_moons: two interleaved half circles at evenly spaced angles, shifted so the
// pair is centred on the origin.
const moons: Generator = (n, x, y) => {
  const outer = Math.floor(n / 2);
  const inner = n - outer;
  for (let i = 0; i < n; i++) {
    const isOuter = i < outer;
    const m = isOuter ? outer : inner;
    const k = isOuter ? i : i - outer;
    const t = m > 1 ? (Math.PI * k) / (m - 1) : 0;
    x[2 * i] = (isOuter ? cos(t) : 1 - cos(t)) - 0.5;
    x[2 * i + 1] = (isOuter ? sin(t) : 0.5 - sin(t)) - 0.25;
    y[i] = isOuter ? 0 : 1;
  }
};

// sklearn's make_circles with factor 0.5: an outer circle of radius 1 (label 0) around an inner
// circle of radius 0.5 (label 1), evenly spaced angles.
const circles: Generator = (n, x, y) => {
  const outer = Math.floor(n / 2);
  const inner = n - outer;
  for (let i = 0; i < n; i++) {
    const isOuter = i < outer;
    const t = isOuter ? (2 * Math.PI * i) / outer : (2 * Math.PI * (i - outer)) / inner;
    const r = isOuter ? 1 : 0.5;
    x[2 * i] = r * cos(t);
    x[2 * i + 1] = r * sin(t);
    y[i] = isOuter ? 0 : 1;
  }
};

// XOR: points uniform in the four quadrants of [-1, 1]^2 in turn, 0.1 away from the axes (as
// tensorflow/playground pads them); label 1 where x and y have the same sign.
const xor: Generator = (n, x, y, rng) => {
  for (let i = 0; i < n; i++) {
    const sx = i % 2 === 0 ? 1 : -1;
    const sy = i % 4 < 2 ? 1 : -1;
    x[2 * i] = sx * (0.1 + 0.9 * rng.uniform());
    x[2 * i + 1] = sy * (0.1 + 0.9 * rng.uniform());
    y[i] = sx === sy ? 1 : 0;
  }
};

// Two interleaved spiral arms (tensorflow/playground's spiral, radius scaled to 1): 1.75 turns,
// the second arm rotated by pi.
const spiral: Generator = (n, x, y) => {
  const first = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    const arm = i < first ? 0 : 1;
    const m = arm === 0 ? first : n - first;
    const k = arm === 0 ? i : i - first;
    const r = k / m;
    const t = 1.75 * 2 * Math.PI * r + arm * Math.PI;
    x[2 * i] = r * sin(t);
    x[2 * i + 1] = r * cos(t);
    y[i] = arm;
  }
};

// Two Gaussian blobs (standard deviation BLOB_SPREAD) at (-0.8, -0.8) (label 0) and (0.8, 0.8)
// (label 1); `noise` widens them further like every other dataset.
const BLOB_SPREAD = 0.5;
const blobs: Generator = (n, x, y, rng) => {
  const first = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    const c = i < first ? -0.8 : 0.8;
    x[2 * i] = c + BLOB_SPREAD * rng.normal();
    x[2 * i + 1] = c + BLOB_SPREAD * rng.normal();
    y[i] = i < first ? 0 : 1;
  }
};

export const GENERATORS: Record<DatasetId, Generator> = { moons, circles, xor, spiral, blobs };

/** The full dataset of a problem with the given seed, shuffled and split. */
export function makeDataset(problem: Pick<NetworkProblem, 'dataset' | 'samples' | 'noise'>, seed: number): NetworkData {
  const n = problem.samples;
  const rng = netStream(seed, 'dataset');
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  GENERATORS[problem.dataset](n, x, y, rng);
  if (problem.noise > 0) for (let i = 0; i < 2 * n; i++) x[i] += problem.noise * rng.normal();
  // Fisher-Yates shuffle (i from the end, j uniform in 0..i) so the split takes every class.
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    swap(x, 2 * i, 2 * j);
    swap(x, 2 * i + 1, 2 * j + 1);
    swap(y, i, j);
  }
  const h = heldOutCount(n);
  const m = n - h;
  let extent = 1;
  for (let i = 0; i < 2 * n; i++) extent = Math.max(extent, Math.abs(x[i]));
  const e = Number((extent * 1.1).toPrecision(3));
  return {
    train: { x: x.slice(0, 2 * m), y: y.slice(0, m), count: m },
    heldOut: { x: x.slice(2 * m), y: y.slice(m), count: h },
    view: { x: [-e, e], y: [-e, e] },
  };
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
