// A long series as an SVG path with at most ~2 points per pixel column: for each column the
// first, min, max and last values are kept, so spikes survive decimation.
export function seriesPath(
  values: Float64Array,
  length: number,
  x: (step: number) => number,
  y: (v: number) => number,
  valid: (v: number) => boolean,
): string {
  let d = '';
  let col = NaN;
  let lo = 0;
  let hi = 0;
  let last = 0;
  let pen = false;
  const flush = () => {
    if (Number.isNaN(col)) return;
    d += `L${col},${y(lo).toFixed(1)}L${col},${y(hi).toFixed(1)}L${col},${y(last).toFixed(1)}`;
  };
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (!valid(v)) continue;
    const c = Math.round(x(i));
    if (c !== col) {
      flush();
      if (!pen) {
        d += `M${c},${y(v).toFixed(1)}`;
        pen = true;
      }
      col = c;
      lo = hi = last = v;
    } else {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      last = v;
    }
  }
  flush();
  return d;
}
