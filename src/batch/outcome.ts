// Where each pixel's run ended, as flat typed arrays (one entry per pixel), so results cross
// from workers as transferables and merge by copying rows.
import { STOP, type StopCode } from '../optim/runRules';

/** Stop reasons, as stored in `reason` (0 while the pixel is still running): the run rules' codes. */
export const REASON = STOP;
export type ReasonCode = StopCode;

/** The end of every pixel's run in some rows of the grid. */
export interface RowsOutcome {
  nx: number;
  /** Grid rows held here, in order; row k of the arrays is grid row rows[k]. */
  rows: number[];
  /** Last finite point (the start when the run diverged at once). */
  endX: Float64Array;
  endY: Float64Array;
  /** Objective at the last point. */
  f: Float64Array;
  /** Steps taken (T), as the scalar engine counts them. */
  steps: Int32Array;
  reason: Uint8Array;
}

/** A whole grid: every row, in order. */
export type BatchOutcome = RowsOutcome;

export function allocateRows(nx: number, rows: number[]): RowsOutcome {
  const n = nx * rows.length;
  return {
    nx,
    rows: [...rows],
    endX: new Float64Array(n),
    endY: new Float64Array(n),
    f: new Float64Array(n),
    steps: new Int32Array(n),
    reason: new Uint8Array(n),
  };
}

export function allocateGrid(nx: number, ny: number): BatchOutcome {
  return allocateRows(nx, Array.from({ length: ny }, (_, j) => j));
}

/** Copies the rows of `part` into their places in the whole-grid `into`. */
export function mergeRows(into: BatchOutcome, part: RowsOutcome): void {
  const nx = into.nx;
  if (part.nx !== nx) throw new Error(`mergeRows: width ${part.nx} != ${nx}`);
  part.rows.forEach((row, k) => {
    const src = k * nx;
    const dst = row * nx;
    into.endX.set(part.endX.subarray(src, src + nx), dst);
    into.endY.set(part.endY.subarray(src, src + nx), dst);
    into.f.set(part.f.subarray(src, src + nx), dst);
    into.steps.set(part.steps.subarray(src, src + nx), dst);
    into.reason.set(part.reason.subarray(src, src + nx), dst);
  });
}

/** The buffers to transfer with an outcome. */
export function outcomeBuffers(o: RowsOutcome): ArrayBuffer[] {
  return [o.endX, o.endY, o.f, o.steps, o.reason].map((a) => a.buffer as ArrayBuffer);
}

/** Rows for worker w of `workers`, interleaved so that slow and fast regions are shared fairly. */
export function rowsForWorker(ny: number, w: number, workers: number): number[] {
  const rows: number[] = [];
  for (let j = w; j < ny; j += workers) rows.push(j);
  return rows;
}
