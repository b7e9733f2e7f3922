// Vector reductions in torch's order for small tensors: dot and sum run left to right (checked
// against torch 1.13 on CPU for sizes up to 9, where BLAS's ddot and ATen's sum keep one
// accumulator; larger sizes there may sum in blocks, which only changes rounding).

/** a . b */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** sum |a_i| (the L1 norm) */
export function sumAbs(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]);
  return s;
}

/** Python's min(a, b): a unless b is strictly smaller (so a tie or a NaN b gives a). */
export const pyMin = (a: number, b: number): number => (b < a ? b : a);

/** Python's max(a, b): a unless b is strictly larger. */
export const pyMax = (a: number, b: number): number => (b > a ? b : a);
