// sin, cos, tan: fdlibm's kernels on [-pi/4, pi/4] (k_sin.c, k_cos.c, k_tan.c) after the
// reduction of e_rem_pio2.c (remPio2.ts), as in fdlibm s_sin.c, s_cos.c, s_tan.c and V8's
// ieee754.cc. Error < 1 ulp ("nearly rounded", fdlibm).
import { fromWords, highWord, lowWord, withLowWord } from './bits';
import { REM_Y, remPio2 } from './remPio2';

const S1 = -1.66666666666666324348e-1; // 0xBFC55555 55555549
const S2 = 8.33333333332248946124e-3; // 0x3F811111 1110F8A6
const S3 = -1.98412698298579493134e-4; // 0xBF2A01A0 19C161D5
const S4 = 2.75573137070700676789e-6; // 0x3EC71DE3 57B1FE7D
const S5 = -2.50507602534068634195e-8; // 0xBE5AE5E6 8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A 5ACFD57C

/** sin(x + y) for |x| <= pi/4, y the tail of x; iy = 0 says y is 0 (fdlibm k_sin.c). */
function kernelSin(x: number, y: number, iy: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 4.16666666666666019037e-2; // 0x3FA55555 5555554C
const C2 = -1.38888888888741095749e-3; // 0xBF56C16C 16C15177
const C3 = 2.48015872894767294178e-5; // 0x3EFA01A0 19CB1590
const C4 = -2.75573143513906633035e-7; // 0xBE927E4F 809C52AD
const C5 = 2.08757232129817482790e-9; // 0x3E21EE9E BDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9 BE8838D4

/** cos(x + y) for |x| <= pi/4 (fdlibm k_cos.c); beyond 0.3 the exact split 1 - qx keeps it < 1 ulp. */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // ~|x|/4
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const T0 = 3.33333333333334091986e-1; // 3FD55555 55555563
const T1 = 1.33333333333201242699e-1; // 3FC11111 1110FE7A
const T2 = 5.39682539762260521377e-2; // 3FABA1BA 1BB341FE
const T3 = 2.18694882948595424599e-2; // 3F9664F4 8406D637
const T4 = 8.86323982359930005737e-3; // 3F8226E3 E96E8493
const T5 = 3.59207910759131235356e-3; // 3F6D6D22 C9560328
const T6 = 1.45620945432529025516e-3; // 3F57DBC8 FEE08315
const T7 = 5.88041240820264096874e-4; // 3F4344D8 F2F26501
const T8 = 2.46463134818469906812e-4; // 3F3026F7 1A8D1068
const T9 = 7.81794442939557092300e-5; // 3F147E88 A03792A6
const T10 = 7.14072491382608190305e-5; // 3F12B80F 32F0A7E9
const T11 = -1.85586374855275456654e-5; // BEF375CB DB605373
const T12 = 2.59073051863633712884e-5; // 3EFB2A70 74BF7AD4
const PIO4 = 7.85398163397448278999e-1; // 3FE921FB 54442D18
const PIO4LO = 3.06161699786838301793e-17; // 3C81A626 33145C07

/** -1/(x + r) accurately (k_tan.c): the reciprocal split into a 32-bit head and a tail. */
function negReciprocal(w: number, x: number, r: number): number {
  const z = withLowWord(w, 0);
  const v = r - (z - x); // z + v = r + x
  const a = -1 / w;
  const t = withLowWord(a, 0);
  const s = 1 + t * z;
  return t + a * (s + t * v);
}

/** tan(x + y) if iy = 1, -1/tan(x + y) if iy = -1, for |x| <= pi/4 (fdlibm k_tan.c as in FreeBSD/V8). */
function kernelTan(x: number, y: number, iy: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x3e300000) {
    // |x| < 2^-28
    if ((ix | lowWord(x) | (iy + 1)) === 0) return 1 / Math.abs(x);
    if (iy === 1) return x;
    return negReciprocal(x + y, x, y);
  }
  const big = ix >= 0x3fe59428; // |x| >= 0.6744: tan(pi/4 - y) form
  if (big) {
    if (hx < 0) {
      x = -x;
      y = -y;
    }
    x = PIO4 - x + (PIO4LO - y);
    y = 0;
  }
  const z = x * x;
  const w = z * z;
  // x^5 (T1 + x^2 T2 + ...) split into odd and even terms for a shorter dependency chain.
  let r = T1 + w * (T3 + w * (T5 + w * (T7 + w * (T9 + w * T11))));
  const v = z * (T2 + w * (T4 + w * (T6 + w * (T8 + w * (T10 + w * T12)))));
  const s = z * x;
  r = y + z * (s * (r + v) + y);
  r += T0 * s;
  const wx = x + r;
  if (big) {
    const fv = iy;
    return (1 - ((hx >> 30) & 2)) * (fv - 2 * (x - ((wx * wx) / (wx + fv) - r)));
  }
  if (iy === 1) return wx;
  return negReciprocal(wx, x, r);
}

/** Sine (fdlibm s_sin.c). */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0);
  if (ix >= 0x7ff00000) return x - x; // NaN for +-Infinity and NaN
  const n = remPio2(x) & 3;
  const y0 = REM_Y[0];
  const y1 = REM_Y[1];
  if (n === 0) return kernelSin(y0, y1, 1);
  if (n === 1) return kernelCos(y0, y1);
  if (n === 2) return -kernelSin(y0, y1, 1);
  return -kernelCos(y0, y1);
}

/** Cosine (fdlibm s_cos.c). */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return x - x;
  const n = remPio2(x) & 3;
  const y0 = REM_Y[0];
  const y1 = REM_Y[1];
  if (n === 0) return kernelCos(y0, y1);
  if (n === 1) return -kernelSin(y0, y1, 1);
  if (n === 2) return -kernelCos(y0, y1);
  return kernelSin(y0, y1, 1);
}

/** Tangent (fdlibm s_tan.c). */
export function tan(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelTan(x, 0, 1);
  if (ix >= 0x7ff00000) return x - x;
  const n = remPio2(x);
  return kernelTan(REM_Y[0], REM_Y[1], 1 - ((n & 1) << 1)); // 1: n even, -1: n odd
}
