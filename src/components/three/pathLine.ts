// One run's path on the surface: a wide line (three.js's LineSegments2, drawn in screen pixels)
// whose segments live in one growing GPU buffer. A trace only grows, so each frame uploads just
// the new segments. Points closer than MIN_GAP scene units to the last drawn one are skipped (a
// run that has converged adds nothing to draw), and the newest point is always the line's end.
import { InstancedInterleavedBuffer, InterleavedBufferAttribute, type Plane } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { RunTrace } from '../../state/traces';

/** About a pixel of a 600-pixel view of the 2-unit window. */
const MIN_GAP = 0.004;
/** Drawn a little above the surface, so the surface's facets do not hide it. */
export const PATH_LIFT = 0.012;

/** What the 3D view draws of a run: its points in the window's coordinates, f at each, its colour and verdict. */
export type ScenePath = Pick<RunTrace, 'xy' | 'f' | 'length' | 'color' | 'stop'>;

/** A step's scene position: x, y in [-1, 1], z the height. */
export type ScenePoint = (trace: ScenePath, step: number, out: Float32Array, at: number) => void;

export class PathLine {
  readonly line: LineSegments2;
  private buffer: InstancedInterleavedBuffer;
  /** Kept points (x, y, z) and the step of each. */
  private kept = new Float32Array(3 * 256);
  private keptSteps = new Int32Array(256);
  private keptCount = 0;
  /** Steps of the trace processed so far. */
  private done = 0;
  private scratch = new Float32Array(3);

  constructor(color: string, width: number, clipping: Plane[]) {
    const material = new LineMaterial({ color, linewidth: width, worldUnits: false, clippingPlanes: clipping });
    const geometry = new LineSegmentsGeometry();
    this.buffer = this.attach(geometry, 256);
    this.line = new LineSegments2(geometry, material);
    this.line.frustumCulled = false;
    geometry.instanceCount = 0;
  }

  get material(): LineMaterial {
    return this.line.material;
  }

  private attach(geometry: LineSegmentsGeometry, capacity: number): InstancedInterleavedBuffer {
    const buffer = new InstancedInterleavedBuffer(new Float32Array(6 * capacity), 6, 1);
    geometry.setAttribute('instanceStart', new InterleavedBufferAttribute(buffer, 3, 0));
    geometry.setAttribute('instanceEnd', new InterleavedBufferAttribute(buffer, 3, 3));
    return buffer;
  }

  /** Forgets every point (the window, the heights or the run changed). */
  reset(): void {
    this.keptCount = 0;
    this.done = 0;
    this.line.geometry.instanceCount = 0;
  }

  /** Takes in the trace's new steps and draws steps [0, upTo). */
  update(trace: ScenePath, upTo: number, position: ScenePoint): void {
    if (trace.length < this.done) this.reset();
    const firstNew = this.keptCount;
    for (let i = this.done; i < trace.length; i++) {
      position(trace, i, this.scratch, 0);
      const k = this.keptCount;
      if (k > 0) {
        const dx = this.scratch[0] - this.kept[3 * k - 3];
        const dy = this.scratch[1] - this.kept[3 * k - 2];
        const dz = this.scratch[2] - this.kept[3 * k - 1];
        if (dx * dx + dy * dy + dz * dz < MIN_GAP * MIN_GAP) continue;
      }
      this.keep(this.scratch, i);
    }
    this.done = trace.length;
    this.upload(firstNew);
    this.drawTo(trace, upTo, position);
  }

  private keep(p: Float32Array, step: number): void {
    const k = this.keptCount;
    if (k === this.keptSteps.length) {
      const kept = new Float32Array(this.kept.length * 2);
      kept.set(this.kept);
      this.kept = kept;
      const steps = new Int32Array(this.keptSteps.length * 2);
      steps.set(this.keptSteps);
      this.keptSteps = steps;
    }
    this.kept.set(p, 3 * k);
    this.keptSteps[k] = step;
    this.keptCount = k + 1;
  }

  /** Writes segments from kept point `from` on (segment s joins kept points s and s + 1). */
  private upload(from: number): void {
    const segments = Math.max(0, this.keptCount - 1);
    // One slot more than the kept segments: the segment to the newest point when it was skipped.
    if (segments + 1 > this.buffer.count) {
      let capacity = this.buffer.count;
      while (capacity < segments + 1) capacity *= 2;
      this.buffer = this.attach(this.line.geometry, capacity);
      from = 0;
    }
    const a = this.buffer.array as Float32Array;
    const start = Math.max(0, from - 1);
    for (let s = start; s < segments; s++) {
      a.set(this.kept.subarray(3 * s, 3 * s + 6), 6 * s);
    }
    if (segments > start) {
      this.buffer.addUpdateRange(6 * start, 6 * (segments - start + 1));
      this.buffer.needsUpdate = true;
    }
  }

  /** Shows the segments up to step upTo - 1, ending exactly at that step's point. */
  private drawTo(trace: ScenePath, upTo: number, position: ScenePoint): void {
    const n = Math.min(upTo, trace.length);
    // Kept points with step < n.
    let lo = 0;
    let hi = this.keptCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keptSteps[mid] < n) lo = mid + 1;
      else hi = mid;
    }
    const points = lo;
    let segments = Math.max(0, points - 1);
    if (points > 0 && this.keptSteps[points - 1] !== n - 1) {
      // The tail: from the last kept point to the step itself, in the slot after the kept segments.
      const a = this.buffer.array as Float32Array;
      a.set(this.kept.subarray(3 * (points - 1), 3 * points), 6 * segments);
      position(trace, n - 1, a, 6 * segments + 3);
      this.buffer.addUpdateRange(6 * segments, 6);
      this.buffer.needsUpdate = true;
      segments++;
    }
    this.line.geometry.instanceCount = segments;
  }

  /** The step of the kept point nearest (x, y) in scene units within `radius`, or null. */
  nearestStep(x: number, y: number, radius: number, upTo: number): { step: number; d2: number } | null {
    let best: { step: number; d2: number } | null = null;
    let bestD = radius * radius;
    for (let k = 0; k < this.keptCount && this.keptSteps[k] < upTo; k++) {
      const dx = this.kept[3 * k] - x;
      const dy = this.kept[3 * k + 1] - y;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = { step: this.keptSteps[k], d2: d };
      }
    }
    return best;
  }

  dispose(): void {
    this.line.geometry.dispose();
    this.line.material.dispose();
  }
}
