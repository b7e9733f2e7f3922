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

  /** Min of the finite values among points [from, to) of the last range() (Infinity when none). */
  lo = Infinity;
  /** Max of the finite values among points [from, to) of the last range() (-Infinity when none). */
  hi = -Infinity;

  /**
   * Min and max of the finite values among points [from, to), into this.lo and this.hi (lo > hi
   * when none is finite): the loose points at either end, then whole blocks a level up.
   * (Fields, not a returned pair, and no closures: this runs once a pixel column a redraw.)
   */
  range(values: Float64Array, from: number, to: number): void {
    let lo = Infinity;
    let hi = -Infinity;
    let a = from;
    let b = to;
    for (; a < b && a % B !== 0; a++) {
      const v = values[a];
      if (v < lo && v > -Infinity) lo = v;
      if (v > hi && v < Infinity) hi = v;
    }
    for (; a < b && b % B !== 0; b--) {
      const v = values[b - 1];
      if (v < lo && v > -Infinity) lo = v;
      if (v > hi && v < Infinity) hi = v;
    }
    for (let level = 0; a < b; level++) {
      a /= B;
      b /= B;
      const mins = this.mins[level];
      const maxs = this.maxs[level];
      for (; a < b && a % B !== 0; a++) {
        if (mins[a] < lo) lo = mins[a];
        if (maxs[a] > hi) hi = maxs[a];
      }
      for (; a < b && b % B !== 0; b--) {
        if (mins[b - 1] < lo) lo = mins[b - 1];
        if (maxs[b - 1] > hi) hi = maxs[b - 1];
      }
    }
    this.lo = lo;
    this.hi = hi;
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
