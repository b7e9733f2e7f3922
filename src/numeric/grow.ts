// A doubling buffer: appending n numbers to a path costs O(n) in total, with no per-point objects
// (the page's traces, src/state/traces.ts, and the engine worker's kept paths, src/workers/keptPaths.ts).

/** a itself when it holds `need` values, else a copy in a buffer doubled until it does. */
export function grow(a: Float64Array, need: number): Float64Array {
  if (need <= a.length) return a;
  let size = Math.max(a.length, 1);
  while (size < need) size *= 2;
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
