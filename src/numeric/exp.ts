// exp and expm1, ported from fdlibm e_exp.c and s_expm1.c as V8 ships them
// (v8/src/base/ieee754.cc), using only + - * / and word access. Both are < 1 ulp per fdlibm's
// error analysis. Comments inside follow the C source's step numbers.
import { fromWords, highWord, lowWord } from './bits';

const O_THRESHOLD = 7.09782712893383973096e2; // 0x40862E42 FEFA39EF: above, exp overflows
const U_THRESHOLD = -7.45133219101941108420e2; // 0xC0874910 D52D3051: below, exp underflows
const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000: k*LN2_HI exact for |k| < 2^11
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INVLN2 = 1.44269504088896338700; // 0x3FF71547 652B82FE
const P1 = 1.66666666666666019037e-1; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A AF25DE2C
const P4 = -1.65339022054652515390e-6; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769 72BEA4D0
const E = 2.718281828459045; // 0x4005BF0A 8B145769
const TWOM1000 = 9.33263618503218878990e-302; // 2^-1000
const TWO1023 = 8.98846567431158e307; // 2^1023

/** e^x (fdlibm e_exp.c): x = k ln2 + r, |r| <= ln2/2, exp(r) by a degree-5 Remez rational form. */
export function exp(x: number): number {
  let hx = highWord(x);
  const xsb = hx >>> 31;
  hx &= 0x7fffffff;
  let hi = 0;
  let lo = 0;
  let k = 0;

  // Non-finite and out-of-range arguments.
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0; // exp(+-Infinity) = Infinity, 0
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }

  // Argument reduction: x = hi - lo = r, k the power of two.
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      // V8 special-cases exp(1) so that it returns Math.E exactly (fdlibm is 1 ulp off there).
      if (x === 1) return E;
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INVLN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0; // truncation, as the C cast
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }

  // exp(r) = 1 + r + r*c/(2 - c), c = r - P(r^2) r^2.
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  // Scale by 2^k; very negative k goes through 2^-1000 so that 2^k itself stays normal.
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO1023;
    return y * fromWords(0x3ff00000 + (k << 20), 0);
  }
  return y * fromWords(0x3ff00000 + ((k + 1000) << 20), 0) * TWOM1000;
}

// Scaled coefficients of s_expm1.c: Qn here = 2^n Qn of the paper, for R(2z), z = x*x/2.
const Q1 = -3.33333333333331316428e-2; // BFA11111 111110F4
const Q2 = 1.58730158725481460165e-3; // 3F5A01A0 19FE5585
const Q3 = -7.93650757867487942473e-5; // BF14CE19 9EAADBB7
const Q4 = 4.00821782732936239552e-6; // 3ED0CFCA 86E65239
const Q5 = -2.01099218183624371326e-7; // BE8AFDB7 6E09C32D
const TINY = 1.0e-300;

/** e^x - 1 without cancellation near 0 (fdlibm s_expm1.c). */
export function expm1(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;

  // Huge and non-finite arguments.
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
        return negative ? -1 : x; // expm1(+-Infinity) = Infinity, -1
      }
      if (x > O_THRESHOLD) return Infinity;
    }
    if (negative && x + TINY < 0) return TINY - 1; // x < -56 ln2: -1 (rounded)
  }

  // Argument reduction: x = k ln2 + r, with c the rounding error of r.
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      if (!negative) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INVLN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2^-54 (keeps the sign of -0)
  }

  // expm1(r) = r - E with E from the rational approximation R1.
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2 * (e - (x + 0.5));
    return 1 + 2 * (x - e);
  }
  if (k <= -2 || k > 56) {
    // exp(x) - 1 suffices here.
    let y = 1 - (e - x);
    if (k === 1024) y = y * 2 * TWO1023;
    else y = y * fromWords(0x3ff00000 + (k << 20), 0);
    return y - 1;
  }
  const twopk = fromWords(0x3ff00000 + (k << 20), 0);
  if (k < 20) {
    const t1 = fromWords(0x3ff00000 - (0x200000 >> k), 0); // 1 - 2^-k
    return (t1 - (e - x)) * twopk;
  }
  const t2 = fromWords((0x3ff - k) << 20, 0); // 2^-k
  return (x - (e + t2) + 1) * twopk;
}
