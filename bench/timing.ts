// Timing for the Node benchmarks: CPU time of this process (user + system, process.cpuUsage),
// which a shared machine's other jobs disturb far less than the wall clock, and paired
// repetitions: the two sides of a comparison take turns, in alternating order, so a change in
// load falls on both. A ratio is the median of the per-pair ratios, with their range.

/** CPU seconds `fn` takes (user + system of this process). */
export function cpuSeconds(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** "median (min–max)" with `digits` decimals. */
export function withSpread(xs: readonly number[], digits: number): string {
  return `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
}

export interface Paired {
  /** CPU seconds of each repetition of each side. */
  a: number[];
  b: number[];
  /** b's seconds / a's seconds in each pair: a's speed relative to b's. */
  ratios: number[];
}

/** `reps` pairs of runs of `a` and `b`, CPU time; a runs first in even pairs, b in odd ones. */
export function paired(reps: number, a: () => unknown, b: () => unknown): Paired {
  const out: Paired = { a: [], b: [], ratios: [] };
  for (let k = 0; k < reps; k++) {
    const first = k % 2 === 0 ? a : b;
    const second = k % 2 === 0 ? b : a;
    const t1 = cpuSeconds(first);
    const t2 = cpuSeconds(second);
    const [ta, tb] = k % 2 === 0 ? [t1, t2] : [t2, t1];
    out.a.push(ta);
    out.b.push(tb);
    out.ratios.push(tb / ta);
  }
  return out;
}
