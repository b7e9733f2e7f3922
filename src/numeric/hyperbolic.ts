// sinh, cosh, tanh as V8 computes them (v8/src/base/ieee754.cc, from fdlibm e_sinh.c,
// e_cosh.c, s_tanh.c), on top of our exp and expm1, so they are deterministic too.
// Two departures, for accuracy: fdlibm's small-argument forms, sinh = (2E - E^2/(E+1))/2 and
// tanh = -E/(E+2) with E = expm1(-+2|x|), pass expm1's rounding error on amplified and measured up
// to 1.75 ulp (sinh) and 2.1 ulp (tanh, x ~ 0.23) against a 300-bit reference. There we sum the
// Taylor series instead (x + x^3 P(x^2), all terms needed for 2^-60 relative), which stays under
// 0.8 ulp. The results are then no longer bit-equal to V8's Math.sinh/tanh on those ranges.
import { highWord } from './bits';
import { exp, expm1 } from './exp';

// 1/(2k+1)! for k = 1..10 (correctly rounded): sinh(x) = x + x^3/3! + ... (terms to x^21).
const SH3 = 0.16666666666666666;
const SH5 = 0.008333333333333333;
const SH7 = 0.0001984126984126984;
const SH9 = 2.7557319223985893e-6;
const SH11 = 2.505210838544172e-8;
const SH13 = 1.6059043836821613e-10;
const SH15 = 7.647163731819816e-13;
const SH17 = 2.8114572543455206e-15;
const SH19 = 8.22063524662433e-18;
const SH21 = 1.9572941063391263e-20;

/** sinh for |x| < 1 by its Taylor series (the x^23 term is below 2^-70 of the result). */
function sinhSeries(x: number): number {
  const z = x * x;
  const p = SH3 + z * (SH5 + z * (SH7 + z * (SH9 + z * (SH11 + z * (SH13 + z * (SH15 + z * (SH17 + z * (SH19 + z * SH21))))))));
  return x + x * (z * p);
}

const OVERFLOW = 710.4758600739439; // beyond, sinh/cosh overflow
const TWO_M28 = 3.725290298461914e-9; // 2^-28
const LOG_MAXD = 709.7822265625; // 0x40862E42 00000000

/** Hyperbolic sine (e_sinh.c): series below 1, h (E + E/(E+1)) with E = expm1(|x|) below 22, h e^|x| beyond. */
export function sinh(x: number): number {
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ax < 22) {
    if (ax < TWO_M28) return x; // sinh(x) = x, sign of zero kept
    if (ax < 1) return sinhSeries(x);
    const t = expm1(ax);
    return h * (t + t / (t + 1));
  }
  if (ax < LOG_MAXD) return h * exp(ax);
  if (ax <= OVERFLOW) {
    // e^|x| overflows but e^|x| / 2 does not: square of e^(|x|/2)
    const w = exp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * 1.0e307; // +-Infinity, or NaN
}

/** Hyperbolic cosine (e_cosh.c): 1 + E^2/(2(1+E)) near 0, (e^|x| + e^-|x|)/2 to 22, e^|x|/2 beyond. */
export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  const ax = Math.abs(x);
  if (ix < 0x3fd62e43) {
    // |x| < ln2/2
    const t = expm1(ax);
    const w = 1 + t;
    if (ix < 0x3c800000) return w; // |x| < 2^-55
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    // |x| < 22
    const t = exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(ax);
  if (ax <= OVERFLOW) {
    const w = exp(0.5 * ax);
    const t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x; // Infinity or NaN
  return Infinity;
}

// Taylor coefficients of tanh, x^3 .. x^43 (correctly rounded); the series is used for
// |x| < 0.55, where each term is ~0.12 of the one before, so 21 terms reach 2^-60.
const TH = Float64Array.from([
  -0.3333333333333333, 0.13333333333333333, -0.05396825396825397, 0.021869488536155203,
  -0.008863235529902197, 0.003592128036572481, -0.0014558343870513183, 0.000590027440945586,
  -0.00023912911424355248, 9.691537956929451e-5, -3.927832388331683e-5, 1.5918905069328964e-5,
  -6.451689215655431e-6, 2.6147711512907546e-6, -1.0597268320104654e-6, 4.294911078273806e-7,
  -1.7406618963571648e-7, 7.054636946400968e-8, -2.859136662305254e-8, 1.1587644432798853e-8,
  -4.6962953982309016e-9,
]);

/** tanh for |x| < 0.55: x + x^3 P(x^2), Horner from the smallest term. */
function tanhSeries(x: number): number {
  const z = x * x;
  let p = TH[20];
  for (let i = 19; i >= 0; i--) p = TH[i] + z * p;
  return x + x * (z * p);
}

/** Hyperbolic tangent (s_tanh.c): series below 0.55, 1 - 2/(E+2) with E = expm1(2|x|) to 22, +-1 beyond. */
export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    // tanh(+-Infinity) = +-1, tanh(NaN) = NaN
    return jx >= 0 ? 1 / x + 1 : 1 / x - 1;
  }
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    const ax = Math.abs(x);
    if (ax < 0.55) return tanhSeries(x);
    // From 0.55 on tanh >= 1/2, so 1 - 2/(E+2) loses nothing to cancellation.
    const t = expm1(2 * ax);
    z = 1 - 2 / (t + 2);
  } else {
    z = 1; // 1 - tiny rounds to 1
  }
  return jx >= 0 ? z : -z;
}
