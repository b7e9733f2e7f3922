// Argument reduction for sin, cos and tan: x = n pi/2 + (y0 + y1), |y0 + y1| <= ~pi/4.
// Ported from fdlibm e_rem_pio2.c and k_rem_pio2.c as V8 ships them (v8/src/base/ieee754.cc).
// The result goes to the shared REM_Y (no allocation per call). Accuracy: medium arguments use
// Cody-Waite with up to three 33-bit pieces of pi/2 (good to 151 bits, which covers every double
// below 2^19 pi/2); larger ones use the full Payne-Hanek reduction against 1584 bits of 2/pi, so
// the reduced argument is accurate for every finite double, exactly as in fdlibm.
import { fromWords, highWord, lowWord, scalbn } from './bits';

/** y0 and y1 of the last remPio2 call. */
export const REM_Y = new Float64Array(2);

const INVPIO2 = 6.36619772367581382433e-1; // 0x3FE45F30 6DC9C883: 53 bits of 2/pi
const PIO2_1 = 1.57079632673412561417; // 0x3FF921FB 54400000: first 33 bits of pi/2
const PIO2_1T = 6.07710050650619224932e-11; // pi/2 - PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // second 33 bits of pi/2
const PIO2_2T = 2.02226624879595063154e-21; // pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3 = 2.02226624871116645580e-21; // third 33 bits of pi/2
const PIO2_3T = 8.47842766036889956997e-32; // pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)
const TWO24 = 16777216;
const TWON24 = 5.9604644775390625e-8;

// High words of n pi/2 for n = 1..32: equal high words mean possible cancellation.
const NPIO2_HW = Int32Array.from([
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
]);

// 2/pi in 24-bit chunks: 396 hex digits.
const TWO_OVER_PI = Float64Array.from([
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163,
  0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129,
  0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c,
  0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
  0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
  0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3,
  0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca,
  0x73a8c9, 0x60e27b, 0xc08c6b,
]);

// pi/2 in 24-bit pieces (k_rem_pio2.c's PIo2).
const PIO2 = Float64Array.from([
  1.57079625129699707031, 7.54978941586159635335e-8, 5.39030252995776476554e-15,
  3.28200341580791294123e-22, 1.27065575308067607349e-29, 1.22933308981111328932e-36,
  2.73370053816464559624e-44, 2.16741683877804819444e-51,
]);

// Scratch of the large-argument path, shared (the C code's stack arrays).
const TX = new Float64Array(3);
const F = new Float64Array(20);
const Q = new Float64Array(20);
const FQ = new Float64Array(20);
const IQ = new Int32Array(20);

/**
 * Reduces x: returns n (its low bits are the quadrant) and leaves y0 + y1 in REM_Y
 * (fdlibm __ieee754_rem_pio2). Callers handle |x| <= pi/4 and non-finite x themselves.
 */
export function remPio2(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    REM_Y[0] = x;
    REM_Y[1] = 0;
    return 0;
  }
  if (ix < 0x4002d97c) {
    // |x| < 3pi/4: n = +-1, 33+53 bits of pi suffice except next to pi/2 itself
    let z: number;
    if (hx > 0) {
      z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        REM_Y[0] = z - PIO2_1T;
        REM_Y[1] = z - REM_Y[0] - PIO2_1T;
      } else {
        z -= PIO2_2;
        REM_Y[0] = z - PIO2_2T;
        REM_Y[1] = z - REM_Y[0] - PIO2_2T;
      }
      return 1;
    }
    z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      REM_Y[0] = z + PIO2_1T;
      REM_Y[1] = z - REM_Y[0] + PIO2_1T;
    } else {
      z += PIO2_2;
      REM_Y[0] = z + PIO2_2T;
      REM_Y[1] = z - REM_Y[0] + PIO2_2T;
    }
    return -1;
  }
  if (ix <= 0x413921fb) return remPio2Medium(x, hx, ix);
  if (ix >= 0x7ff00000) {
    REM_Y[0] = REM_Y[1] = x - x; // NaN
    return 0;
  }
  // Large: split |x| into three 24-bit integers scaled by 2^e0.
  const e0 = (ix >> 20) - 1046; // ilogb(|x|) - 23
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    TX[i] = z | 0;
    z = (z - TX[i]) * TWO24;
  }
  TX[2] = z;
  let nx = 3;
  while (TX[nx - 1] === 0) nx--;
  const n = kernelRemPio2(e0, nx);
  if (hx < 0) {
    REM_Y[0] = -REM_Y[0];
    REM_Y[1] = -REM_Y[1];
    return -n;
  }
  return n;
}

/** Cody-Waite for pi/4 < |x| <= 2^19 pi/2: up to three rounds, each taken only when needed. */
function remPio2Medium(x: number, hx: number, ix: number): number {
  let t = Math.abs(x);
  const n = (t * INVPIO2 + 0.5) | 0;
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T; // first round good to 85 bits
  if (n < 32 && ix !== NPIO2_HW[n - 1]) {
    REM_Y[0] = r - w; // no cancellation possible
  } else {
    const j = ix >> 20;
    REM_Y[0] = r - w;
    let i = j - ((highWord(REM_Y[0]) >> 20) & 0x7ff);
    if (i > 16) {
      // second round, good to 118 bits
      t = r;
      w = fn * PIO2_2;
      r = t - w;
      w = fn * PIO2_2T - (t - r - w);
      REM_Y[0] = r - w;
      i = j - ((highWord(REM_Y[0]) >> 20) & 0x7ff);
      if (i > 49) {
        // third round, 151 bits: covers all cases
        t = r;
        w = fn * PIO2_3;
        r = t - w;
        w = fn * PIO2_3T - (t - r - w);
        REM_Y[0] = r - w;
      }
    }
  }
  REM_Y[1] = r - REM_Y[0] - w;
  if (hx < 0) {
    REM_Y[0] = -REM_Y[0];
    REM_Y[1] = -REM_Y[1];
    return -n;
  }
  return n;
}

/**
 * Payne-Hanek reduction (fdlibm __kernel_rem_pio2 with prec = 2, i.e. jk = 4): multiplies the
 * 24-bit pieces in TX by just the bits of 2/pi that matter, returns n mod 8, y0 + y1 in REM_Y.
 */
function kernelRemPio2(e0: number, nx: number): number {
  const jk = 4;
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  // f[0..jx+jk] = two_over_pi[jv-jx .. jv+jk]
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) F[i] = j < 0 ? 0 : TWO_OVER_PI[j];
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (j = 0; j <= jx; j++) fw += TX[j] * F[jx + i - j];
    Q[i] = fw;
  }

  let jz = jk;
  let z: number;
  let n: number;
  let ih: number;
  for (;;) {
    // Distill q[] into 24-bit integers iq[], lowest chunk first.
    let i = 0;
    z = Q[jz];
    for (j = jz; j > 0; i++, j--) {
      const fw = (TWON24 * z) | 0;
      IQ[i] = (z - TWO24 * fw) | 0;
      z = Q[j - 1] + fw;
    }
    // The integer part mod 8 is n; z keeps the fraction.
    z = scalbn(z, q0);
    z -= 8 * Math.floor(z * 0.125);
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      i = IQ[jz - 1] >> (24 - q0);
      n += i;
      IQ[jz - 1] -= i << (24 - q0);
      ih = IQ[jz - 1] >> (23 - q0);
    } else if (q0 === 0) {
      ih = IQ[jz - 1] >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }
    if (ih > 0) {
      // fraction >= 1/2: take 1 - fraction and round n up
      n += 1;
      let carry = 0;
      for (i = 0; i < jz; i++) {
        j = IQ[i];
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            IQ[i] = 0x1000000 - j;
          }
        } else {
          IQ[i] = 0xffffff - j;
        }
      }
      if (q0 === 1) IQ[jz - 1] &= 0x7fffff;
      else if (q0 === 2) IQ[jz - 1] &= 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }
    // All bits cancelled: bring in more terms of 2/pi and recompute.
    if (z !== 0) break;
    j = 0;
    for (i = jz - 1; i >= jk; i--) j |= IQ[i];
    if (j !== 0) break;
    let k = 1;
    while (k <= jk && IQ[jk - k] === 0) k++;
    for (i = jz + 1; i <= jz + k; i++) {
      F[jx + i] = TWO_OVER_PI[jv + i];
      let fw = 0;
      for (j = 0; j <= jx; j++) fw += TX[j] * F[jx + i - j];
      Q[i] = fw;
    }
    jz += k;
  }

  // Chop off zero terms, or split z into 24-bit chunks.
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (IQ[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      const fw = (TWON24 * z) | 0;
      IQ[jz] = (z - TWO24 * fw) | 0;
      jz += 1;
      q0 += 24;
      IQ[jz] = fw;
    } else {
      IQ[jz] = z | 0;
    }
  }

  // Integer chunks back to doubles, then times pi/2.
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    Q[i] = fw * IQ[i];
    fw *= TWON24;
  }
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2[k] * Q[i + k];
    FQ[jz - i] = fw;
  }

  // Compress fq[] into y0 + y1 (prec 2).
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += FQ[i];
  REM_Y[0] = ih === 0 ? fw : -fw;
  fw = FQ[0] - fw;
  for (let i = 1; i <= jz; i++) fw += FQ[i];
  REM_Y[1] = ih === 0 ? fw : -fw;
  return n & 7;
}
