// Bit access to IEEE-754 doubles, the one non-arithmetic tool the fdlibm ports need.
// fdlibm reads a double as two 32-bit words (GET_HIGH_WORD, GET_LOW_WORD, INSERT_WORDS...);
// here a single shared 8-byte buffer is viewed as Float64 and as Uint32/Int32, so no call
// allocates. Typed-array reads and writes of finite values and of +-Infinity are exactly
// specified by ECMAScript (only NaN payloads may vary, and no port depends on a payload), so
// everything built on these helpers gives the same bits on every engine.

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const I32 = new Int32Array(F64.buffer);

// Typed arrays use the platform's byte order. Every engine this project targets (x86-64 and
// ARM64 Node/Chromium) is little-endian, so word 1 is the high word. Checked once here rather
// than per call: a big-endian host would get wrong answers silently, so refuse to load there.
F64[0] = 1;
if (U32[1] !== 0x3ff00000 || U32[0] !== 0) {
  throw new Error('detMath: little-endian Float64Array layout required (high word at index 1)');
}

/** High 32 bits of x, as a signed int32 (fdlibm's `int hx = __HI(x)`). */
export function highWord(x: number): number {
  F64[0] = x;
  return I32[1];
}

/** Low 32 bits of x, unsigned (fdlibm's `unsigned lx = __LO(x)`). */
export function lowWord(x: number): number {
  F64[0] = x;
  return U32[0];
}

/** The double whose words are hi and lo (fdlibm's INSERT_WORDS); hi may be signed or not. */
export function fromWords(hi: number, lo: number): number {
  U32[1] = hi;
  U32[0] = lo;
  return F64[0];
}

/** x with its low word replaced (SET_LOW_WORD); with lo = 0 it keeps the top 21 mantissa bits. */
export function withLowWord(x: number, lo: number): number {
  F64[0] = x;
  U32[0] = lo;
  return F64[0];
}

/** x with its high word replaced (SET_HIGH_WORD). */
export function withHighWord(x: number, hi: number): number {
  F64[0] = x;
  U32[1] = hi;
  return F64[0];
}

const TWO54 = 1.8014398509481984e16; // 2^54
const TWOM54 = 5.551115123125783e-17; // 2^-54

/**
 * x * 2^n with one rounding (port of fdlibm s_scalbn.c): the exponent field is set directly and,
 * for a subnormal result, a single multiplication by 2^-54 does the only rounding.
 */
export function scalbn(x: number, n: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = (hx & 0x7ff00000) >> 20;
  if (k === 0) {
    if ((lx | (hx & 0x7fffffff)) === 0) return x; // +-0
    x *= TWO54;
    hx = highWord(x);
    k = ((hx & 0x7ff00000) >> 20) - 54;
    if (n < -50000) return x < 0 ? -0 : 0;
  }
  if (k === 0x7ff) return x + x; // NaN or Infinity
  k += n;
  if (k > 0x7fe) return x < 0 ? -Infinity : Infinity;
  if (k > 0) return withHighWord(x, (hx & 0x800fffff) | (k << 20));
  if (k <= -54) {
    if (n > 50000) return x < 0 ? -Infinity : Infinity;
    return x < 0 ? -0 : 0;
  }
  k += 54;
  return withHighWord(x, (hx & 0x800fffff) | (k << 20)) * TWOM54;
}
