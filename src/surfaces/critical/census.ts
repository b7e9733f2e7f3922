// About how many critical points the area holds, counted on the probe's grid before any search:
// the index census of winding.ts, done cheaply. Each probe point gets the quadrant of its
// gradient (the signs of df/dx and df/dy); walking round a cell of four points, the quadrant
// steps by -1, 0 or +1 between neighbours, and the steps add up to 4 times the cell's winding
// number, the sum of the indices of the critical points inside (+1 for an extremum, -1 for a
// saddle). The census is the sum of |winding| over the cells. A step of two quadrants (the
// gradient reverses between two neighbours, so its turn is unknown) leaves the cell unreadable.
// Once the probe resolves the gradient's oscillation, cells are smaller than the spacing of the
// points, so each cell holds at most one and the census counts them (sin(60x) + sin(60y) on
// [-2, 2]: 5,776 counted, 76^2 = 5,776 there); it is only an estimate, used to tell a search
// that the seed grid could not resolve whether it found about as many as there are.

export interface Census {
  /** Sum of |winding number| over the readable cells. */
  count: number;
  /** Cells whose winding the corners cannot tell (a gradient reversal, or not finite). */
  unreadable: number;
}

/** Quadrant 0..3 counter-clockwise from (+, +), or -1 where the gradient is not finite. */
function quadrant(gx: number, gy: number): number {
  if (!Number.isFinite(gx) || !Number.isFinite(gy)) return -1;
  if (gy >= 0) return gx >= 0 ? 0 : 1;
  return gx < 0 ? 2 : 3;
}

/** `gx`, `gy`: the gradient on an n x n grid, row by row. */
export function windingCensus(gx: Float64Array, gy: Float64Array, n: number): Census {
  const q = new Int8Array(n * n);
  for (let k = 0; k < n * n; k++) q[k] = quadrant(gx[k], gy[k]);
  let count = 0;
  let unreadable = 0;
  const corners = [0, 0, 0, 0];
  for (let j = 0; j + 1 < n; j++) {
    for (let i = 0; i + 1 < n; i++) {
      // Counter-clockwise: (i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1).
      corners[0] = q[j * n + i];
      corners[1] = q[j * n + i + 1];
      corners[2] = q[(j + 1) * n + i + 1];
      corners[3] = q[(j + 1) * n + i];
      const winding = cellWinding(corners);
      if (winding === null) unreadable++;
      else count += Math.abs(winding);
    }
  }
  return { count, unreadable };
}

function cellWinding(corners: readonly number[]): number | null {
  let steps = 0;
  for (let k = 0; k < 4; k++) {
    const a = corners[k];
    const b = corners[(k + 1) % 4];
    if (a < 0 || b < 0) return null;
    const step = (b - a + 4) % 4;
    if (step === 2) return null;
    steps += step === 3 ? -1 : step;
  }
  return steps / 4;
}
