// x^y, ported from fdlibm e_pow.c as V8 ships it (v8/src/base/ieee754.cc), with the
// ECMAScript special cases (Number::exponentiate): y = +-0 gives 1 even for NaN x, a NaN y gives
// NaN even for x = 1, and (+-1)^(+-Infinity) is NaN. Method: log2(|x|) in extra precision
// (t1 + t2), y log2|x| = n + y' in simulated multi-precision, then 2^n exp(y' ln2). Error
// < 1 ulp ("nearly rounded"); pow(integer, integer) is exact when representable.
import { fromWords, highWord, lowWord, scalbn, withHighWord, withLowWord } from './bits';

const DP_H1 = 5.84962487220764160156e-1; // 0x3FE2B803 40000000: log2(1.5) head
const DP_L1 = 1.35003920212974897128e-8; // 0x3E4CFDEB 43CFD006: log2(1.5) tail
const TWO53 = 9007199254740992;
// Polynomial for (3/2)(log(x) - 2s - 2/3 s^3).
const L1 = 5.99999999999994648725e-1; // 0x3FE33333 33333303
const L2 = 4.28571428578550184252e-1; // 0x3FDB6DB6 DB6FABFF
const L3 = 3.33333329818377432918e-1; // 0x3FD55555 518F264D
const L4 = 2.72728123808534006489e-1; // 0x3FD17460 A91D4101
const L5 = 2.30660745775561754067e-1; // 0x3FCD864A 93C9DB65
const L6 = 2.06975017800338417784e-1; // 0x3FCA7E28 4A454EEF
const P1 = 1.66666666666666019037e-1; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A AF25DE2C
const P4 = -1.65339022054652515390e-6; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769 72BEA4D0
const LG2 = 6.93147180559945286227e-1; // 0x3FE62E42 FEFA39EF
const LG2_H = 6.93147182464599609375e-1; // 0x3FE62E43 00000000
const LG2_L = -1.90465429995776804525e-9; // 0xBE205C61 0CA86C39
const OVT = 8.0085662595372944372e-17; // -(1024 - log2(ovfl + .5ulp))
const CP = 9.61796693925975554329e-1; // 0x3FEEC709 DC3A03FD = 2/(3 ln2)
const CP_H = 9.61796700954437255859e-1; // 0x3FEEC709 E0000000 = (float)cp
const CP_L = -7.02846165095275826516e-9; // 0xBE3E2FE0 145B01F5 = tail of cp_h
const IVLN2 = 1.44269504088896338700; // 0x3FF71547 652B82FE = 1/ln2
const IVLN2_H = 1.44269502162933349609; // 0x3FF71547 60000000 = 24-bit 1/ln2
const IVLN2_L = 1.92596299112661746887e-8; // 0x3E54AE0B F85DDF44 = 1/ln2 tail

/** 0: y is not an integer, 1: odd integer, 2: even integer (only asked when x < 0). */
function integerKind(iy: number, ly: number): number {
  if (iy >= 0x43400000) return 2; // |y| >= 2^53
  if (iy < 0x3ff00000) return 0;
  const k = (iy >> 20) - 0x3ff; // exponent
  if (k > 20) {
    const j = ly >>> (52 - k);
    return (j << (52 - k)) >>> 0 === ly ? 2 - (j & 1) : 0;
  }
  if (ly !== 0) return 0;
  const j = iy >> (20 - k);
  return j << (20 - k) === iy ? 2 - (j & 1) : 0;
}

/** Math.pow(x, y) with the same results on every engine. */
export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x^+-0 = 1, even for NaN x
  if (x !== x || y !== y) return x + y; // NaN
  const yisint = hx < 0 ? integerKind(iy, ly) : 0;

  // Special values of y.
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = +-Infinity
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (+-1)^+-Infinity
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // |x| > 1
      return hy < 0 ? -y : 0; // |x| < 1
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = +-1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, x >= +0 (sqrt is correctly rounded)
  }

  // Special values of x: +-0, +-Infinity, +-1.
  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0) z = NaN; // (-1)^non-integer
      else if (yisint === 1) z = -z; // (x<0)^odd = -(|x|^odd)
    }
    return z;
  }

  let n = (hx >> 31) + 1; // 0 for negative x
  if ((n | yisint) === 0) return NaN; // (x<0)^non-integer
  const s = (n | (yisint - 1)) === 0 ? -1 : 1; // sign of the result: (x<0)^odd is negative

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: must overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Infinity : 0;
    }
    // over/underflow unless x is within 2^-20 of 1
    if (ix < 0x3fefffff) return hy < 0 ? s * Infinity : s * 0;
    if (ix > 0x3ff00000) return hy > 0 ? s * Infinity : s * 0;
    // |1 - x| <= 2^-20: log(x) by x - x^2/2 + x^3/3 - x^4/4
    const t = ax - 1; // 20 trailing zeros
    const w = t * t * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t; // IVLN2_H has 21 significant bits
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    // log2|x| depends on x alone: Adam asks for beta1^s and beta2^s every step, so two entries
    // of the last values halve its cost (a hit returns the very numbers a miss computes).
    let k = LOG2_CACHE[0] === ax ? 0 : LOG2_CACHE[3] === ax ? 3 : -1;
    if (k < 0) {
      k = cacheVictim;
      cacheVictim = 3 - k;
      log2Split(ax, ix, k);
    }
    t1 = LOG2_CACHE[k + 1];
    t2 = LOG2_CACHE[k + 2];
  }
  return s * exp2Split(y, t1, t2);
}

/** 2^(y (t1 + t2)) for t1 + t2 = log2|x|, with fdlibm's overflow/underflow tests (positive result). */
function exp2Split(y: number, t1: number, t2: number): number {
  // (y1 + y2)(t1 + t2), y1 the 32-bit head of y
  const y1 = withLowWord(y, 0);
  const pL0 = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL0 + pH;
  let j = highWord(z);
  const i = lowWord(z);
  if (j >= 0x40900000) {
    // z >= 1024
    if (((j - 0x40900000) | i) !== 0) return Infinity;
    if (pL0 + OVT > z - pH) return Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if ((j >>> 0) !== 0xc090cc00 || i !== 0) return 0;
    if (pL0 <= z - pH) return 0;
  }
  // 2^(pH + pL): n = [z + 0.5] taken out of pH exactly
  const iz = j & 0x7fffffff;
  let k = (iz >> 20) - 0x3ff;
  let n = 0;
  if (iz > 0x3fe00000) {
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = withLowWord(pL0 + pH, 0);
  const u = t * LG2_H;
  const v = (pL0 - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const c = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * c) / (c - 2 - (w + z * w));
  z = 1 - (r - z);
  j = (highWord(z) + (n << 20)) | 0;
  if (j >> 20 <= 0) return scalbn(z, n); // subnormal result
  return withHighWord(z, j);
}

/**
 * The last two |x| (not subnormal-scaled) and their log2 in two pieces, t1 + t2: entries at 0 and
 * 3 (|x|, t1, t2). A typed array, so that no heap number is made per call.
 */
const LOG2_CACHE = Float64Array.of(NaN, 0, 0, NaN, 0, 0);
/** The entry (0 or 3) the next miss replaces. */
let cacheVictim = 0;

/** log2(|x|) = t1 + t2 in extra precision for finite, non-zero |x| = ax (high word ix), into LOG2_CACHE at k. */
function log2Split(ax: number, ix: number, at: number): void {
  LOG2_CACHE[at] = ax;
  let n = 0;
  if (ix < 0x00100000) {
    // subnormal |x|
    ax *= TWO53;
    n -= 53;
    ix = highWord(ax);
  }
  n += (ix >> 20) - 0x3ff;
  const j = ix & 0x000fffff;
  // Interval: |x| < sqrt(3/2) uses 1, < sqrt(3) uses 1.5, else halve.
  ix = j | 0x3ff00000;
  let k = 0;
  if (j <= 0x3988e) k = 0;
  else if (j < 0xbb67a) k = 1;
  else {
    n += 1;
    ix -= 0x00100000;
  }
  ax = withHighWord(ax, ix);
  const bp = k === 0 ? 1 : 1.5;
  const dpH = k === 0 ? 0 : DP_H1;
  const dpL = k === 0 ? 0 : DP_L1;

  // ss = s_h + s_l = (x - bp)/(x + bp)
  const u = ax - bp;
  const v = 1 / (ax + bp);
  const ss = u * v;
  const sH = withLowWord(ss, 0);
  const tH0 = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0); // ax + bp, high part
  const tL0 = ax - (tH0 - bp);
  const sL = v * (u - sH * tH0 - sH * tL0);
  // log(ax) in pieces
  let s2 = ss * ss;
  let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
  r += sL * (sH + ss);
  s2 = sH * sH;
  const tH = withLowWord(3 + s2 + r, 0);
  const tL = r - (tH - 3 - s2);
  const u2 = sH * tH; // u2 + v2 = ss (1 + ...)
  const v2 = sL * tH + tL * ss;
  const pH = withLowWord(u2 + v2, 0); // 2/(3 log2) (ss + ...)
  const pL = v2 - (pH - u2);
  const zH = CP_H * pH;
  const zL = CP_L * pH + pL * CP + dpL;
  // log2(ax) = n + dp_h + z_h + z_l
  const t = n;
  const t1 = withLowWord(zH + zL + dpH + t, 0);
  LOG2_CACHE[at + 1] = t1;
  LOG2_CACHE[at + 2] = zL - (t1 - t - dpH - zH);
}
