// Helpers shared by the detMath tests: distance in ulps and a seeded input generator.

const F64 = new Float64Array(1);
const I64 = new BigInt64Array(F64.buffer);

/** The double's position on a line where adjacent doubles are 1 apart (-0 and +0 both 0). */
function ordinal(x: number): bigint {
  F64[0] = x;
  const b = I64[0];
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** How many doubles apart a and b are: 0 for equal values and for two NaNs, Infinity for NaN vs number. */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** xorshift32: a fixed input stream, the same on every run. */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

export type Gen = (r: () => number) => number;

/** Uniform in [a, b). */
export const uniform = (a: number, b: number): Gen => (r) => a + (b - a) * r();

/** |x| log-uniform in [a, b), random sign unless positive. */
export const logUniform = (a: number, b: number, positive = false): Gen => (r) => {
  const la = Math.log(a);
  const v = Math.exp(la + (Math.log(b) - la) * r());
  return positive || r() < 0.5 ? v : -v;
};

/** A double with random exponent in [e0, e1] and 52 random mantissa bits. */
export const randomBits = (e0: number, e1: number): Gen => (r) => {
  const e = e0 + Math.floor((e1 - e0 + 1) * r());
  const m = 1 + Math.floor(r() * 2 ** 26) / 2 ** 26 + Math.floor(r() * 2 ** 26) / 2 ** 52;
  return (r() < 0.5 ? -1 : 1) * m * 2 ** e;
};

/** -0 as '-0', everything else as String gives it (the shortest decimal that reads back exactly). */
export function encodeNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}
