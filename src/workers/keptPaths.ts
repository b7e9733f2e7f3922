// A function problem's paths with every coordinate, kept in the engine worker as they are
// streamed, so that the PCA plane of a run's path (src/numeric/pca.ts: up to ~0.3 s at 20,001
// points in d = 1000) and the projection of every path on it (2 d multiply-adds a point) are
// computed here and never on the page. The chunks' own buffers go to the page (transferred), so
// each chunk's coordinates are copied once into a doubling buffer before it leaves.
import type { RunChunk } from '../optim/engine';
import { type Plane, projectPoints } from '../functions/plane';
import { grow } from '../numeric/grow';
import { pathPca } from '../numeric/pca';
import { onEachChunk, type SteppableEngine } from './session';

/** The PCA plane of a run's first `points` points, with every kept path projected on it. */
export interface PlanePca {
  plane: Extract<Plane, { kind: 'pca' }>;
  explained: [number, number];
  run: number;
  /** Points the PCA was computed from (the `n` asked for), and how many of them it used (all, or evenly spaced). */
  points: number;
  used: number;
  /** Each run's kept points projected on the plane: interleaved a, b (as many points as the worker holds, which may be more than the page has yet). */
  xy: Float64Array[];
}

interface KeptPath {
  points: Float64Array;
  length: number;
}

export class KeptPaths {
  private readonly paths: KeptPath[];

  /** `maxPoints`: each run's points at most (stop.maxSteps + 1), its buffer's size at once (no copy as it grows; pages never written are never touched). */
  constructor(
    readonly dim: number,
    runs: number,
    maxPoints: number,
  ) {
    this.paths = Array.from({ length: runs }, () => ({ points: new Float64Array(dim * maxPoints), length: 0 }));
  }

  /** Copies a chunk's points (dim coordinates each) onto its run's path. */
  append(chunk: RunChunk): void {
    const p = this.paths[chunk.run];
    const n = chunk.f.length;
    if (!p || chunk.start !== p.length) return;
    p.points = grow(p.points, this.dim * (p.length + n));
    p.points.set(chunk.xy.subarray(0, this.dim * n), this.dim * p.length);
    p.length += n;
  }

  length(run: number): number {
    return this.paths[run]?.length ?? 0;
  }

  /** The PCA plane of run `run`'s first n points (null when it has fewer, or pathPca has none), with every path projected on it. */
  pca(run: number, n: number): PlanePca | null {
    const p = this.paths[run];
    if (!p || !Number.isInteger(n) || n < 1 || n > p.length) return null;
    const found = pathPca(p.points, this.dim, n);
    if (!found) return null;
    const plane: PlanePca['plane'] = { kind: 'pca', origin: Array.from(found.mean), u: Array.from(found.axes[0]), v: Array.from(found.axes[1]) };
    return { plane, explained: found.explained, run, points: found.points, used: found.used, xy: this.paths.map((q) => {
      const xy = new Float64Array(2 * q.length);
      projectPoints(plane, q.points, this.dim, 0, q.length, xy);
      return xy;
    }) };
  }
}

/** The engine, with every chunk it yields copied onto `kept` first (before its buffers are transferred away). */
export function withKeptPaths(engine: SteppableEngine, kept: KeptPaths): SteppableEngine {
  return onEachChunk(engine, (c) => {
    if ('xy' in c) kept.append(c);
  });
}
