// An append-only min/max pyramid over one series (the finite values only), so that a chart's
// redraw asks each pixel column's lo/hi in O(B log n) instead of visiting every point: level j
// holds the min and max of each complete block of B^j points. Appending n points costs O(n)
// in total (each level is built from the one below, only for blocks completed since last time).
const B = 8;

export class SeriesSummary {
  /** Points summarized so far (a prefix of the series; the series only grows). */
  length = 0;
  /** Index of the first finite value, -1 while none. */
  firstValid = -1;
  private readonly mins: number[][] = [];
  private readonly maxs: number[][] = [];

  /** Takes in points [this.length, length) of `values`. */
  extend(values: Float64Array, length: number): void {
    for (let i = this.length; i < length && this.firstValid < 0; i++) if (Number.isFinite(values[i])) this.firstValid = i;
    this.length = length;
    let below = length;
    for (let level = 0; ; level++) {
      const complete = Math.floor(below / B);
      if (complete === 0) return;
      if (!this.mins[level]) {
        this.mins[level] = [];
        this.maxs[level] = [];
      }
      const mins = this.mins[level];
      const maxs = this.maxs[level];
      for (let k = mins.length; k < complete; k++) {
        let lo = Infinity;
        let hi = -Infinity;
        for (let i = k * B; i < (k + 1) * B; i++) {
          const a = level === 0 ? finiteOr(values[i], Infinity) : this.mins[level - 1][i];
          const b = level === 0 ? finiteOr(values[i], -Infinity) : this.maxs[level - 1][i];
          if (a < lo) lo = a;
          if (b > hi) hi = b;
        }
        mins.push(lo);
        maxs.push(hi);
      }
      below = complete;
    }
  }

  /** Min and max of the finite values among points [from, to) (lo > hi when none is finite). */
  range(values: Float64Array, from: number, to: number): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    let a = from;
    let b = to;
    for (let level = -1; a < b; level++) {
      const mins = level < 0 ? null : this.mins[level];
      const maxs = level < 0 ? null : this.maxs[level];
      const take = (k: number) => {
        const m = mins ? mins[k] : finiteOr(values[k], Infinity);
        const M = maxs ? maxs[k] : finiteOr(values[k], -Infinity);
        if (m < lo) lo = m;
        if (M > hi) hi = M;
      };
      while (a < b && a % B !== 0) take(a++);
      while (a < b && b % B !== 0) take(--b);
      a /= B;
      b /= B;
    }
    return [lo, hi];
  }

  /** The last finite value among points [from, to) (NaN when none), skipping blocks with none. */
  lastValid(values: Float64Array, from: number, to: number): number {
    const maxs = this.maxs[0];
    let i = to - 1;
    while (i >= from) {
      if (Number.isFinite(values[i])) return values[i];
      // A whole block of B with nothing finite (its max is -Infinity) is skipped at once.
      if (i % B === B - 1 && i - B + 1 >= from && maxs && maxs[(i - B + 1) / B] === -Infinity) i -= B;
      else i--;
    }
    return NaN;
  }
}

/** A point's part in a min (or max): itself when finite, else the neutral `none`. */
function finiteOr(v: number, none: number): number {
  return Number.isFinite(v) ? v : none;
}
