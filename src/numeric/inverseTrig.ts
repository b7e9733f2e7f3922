// asin, acos, atan, atan2, ported from fdlibm e_asin.c, e_acos.c, s_atan.c and e_atan2.c as
// V8 ships them (v8/src/base/ieee754.cc). Error < 1 ulp per fdlibm.
import { highWord, lowWord, withLowWord } from './bits';

const PI = 3.14159265358979311600; // 0x400921FB 54442D18
const PIO2_HI = 1.57079632679489655800; // 0x3FF921FB 54442D18
const PIO2_LO = 6.12323399573676603587e-17; // 0x3C91A626 33145C07
const PIO4_HI = 7.85398163397448278999e-1; // 0x3FE921FB 54442D18
// R(t) = p(t)/q(t), a rational approximation of (asin(x) - x)/x^3, t = x^2.
const PS0 = 1.66666666666666657415e-1; // 0x3FC55555 55555555
const PS1 = -3.25565818622400915405e-1; // 0xBFD4D612 03EB6F7D
const PS2 = 2.01212532134862925881e-1; // 0x3FC9C155 0E884455
const PS3 = -4.00555345006794114027e-2; // 0xBFA48228 B5688F3B
const PS4 = 7.91534994289814532176e-4; // 0x3F49EFE0 7501B288
const PS5 = 3.47933107596021167570e-5; // 0x3F023DE1 0DFDF709
const QS1 = -2.40339491173441421878; // 0xC0033A27 1C8A2D4B
const QS2 = 2.02094576023350569471; // 0x40002AE5 9C598AC8
const QS3 = -6.88283971605453293030e-1; // 0xBFE6066C 1B8D0159
const QS4 = 7.70381505559019352791e-2; // 0x3FB3B8C5 B12E9282

function rP(t: number): number {
  return t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
}
function rQ(t: number): number {
  return 1 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
}

/** Arcsine (fdlibm e_asin.c): x + x^3 R(x^2) below 0.5, pi/2 - 2 asin(sqrt((1-|x|)/2)) above. */
export function asin(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) {
    // |x| >= 1
    if (((ix - 0x3ff00000) | lowWord(x)) === 0) return x * PIO2_HI + x * PIO2_LO; // +-pi/2
    return NaN; // |x| > 1 or NaN
  }
  if (ix < 0x3fe00000) {
    // |x| < 0.5
    if (ix < 0x3e400000) return x; // |x| < 2^-27
    const t = x * x;
    return x + x * (rP(t) / rQ(t));
  }
  const t = (1 - Math.abs(x)) * 0.5;
  const p = rP(t);
  const q = rQ(t);
  const s = Math.sqrt(t);
  let r: number;
  if (ix >= 0x3fef3333) {
    // |x| > 0.975
    r = PIO2_HI - (2 * (s + s * (p / q)) - PIO2_LO);
  } else {
    // f + c = sqrt(t) with f the 32-bit head of s
    const f = withLowWord(s, 0);
    const c = (t - f * f) / (s + f);
    const pp = 2 * s * (p / q) - (PIO2_LO - 2 * c);
    const qq = PIO4_HI - 2 * f;
    r = PIO4_HI - (pp - qq);
  }
  return hx > 0 ? r : -r;
}

/** Arccosine (fdlibm e_acos.c): pi/2 - asin(x) near 0, 2 asin(sqrt((1-|x|)/2)) forms beyond 0.5. */
export function acos(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) {
    if (((ix - 0x3ff00000) | lowWord(x)) === 0) return hx > 0 ? 0 : PI + 2 * PIO2_LO;
    return NaN;
  }
  if (ix < 0x3fe00000) {
    // |x| < 0.5
    if (ix <= 0x3c600000) return PIO2_HI + PIO2_LO; // |x| < 2^-57
    const z = x * x;
    const r = rP(z) / rQ(z);
    return PIO2_HI - (x - (PIO2_LO - x * r));
  }
  if (hx < 0) {
    // x < -0.5
    const z = (1 + x) * 0.5;
    const p = rP(z);
    const q = rQ(z);
    const s = Math.sqrt(z);
    const w = (p / q) * s - PIO2_LO;
    return PI - 2 * (s + w);
  }
  // x > 0.5
  const z = (1 - x) * 0.5;
  const s = Math.sqrt(z);
  const df = withLowWord(s, 0);
  const c = (z - df * df) / (s + df);
  const w = (rP(z) / rQ(z)) * s + c;
  return 2 * (df + w);
}

const ATANHI0 = 4.63647609000806093515e-1; // atan(0.5) hi 0x3FDDAC67 0561BB4F
const ATANHI1 = 7.85398163397448278999e-1; // atan(1.0) hi
const ATANHI2 = 9.82793723247329054082e-1; // atan(1.5) hi 0x3FEF730B D281F69B
const ATANHI3 = 1.57079632679489655800; // atan(inf) hi
const ATANLO0 = 2.26987774529616870924e-17; // 0x3C7A2B7F 222F65E2
const ATANLO1 = 3.06161699786838301793e-17; // 0x3C81A626 33145C07
const ATANLO2 = 1.39033110312309984516e-17; // 0x3C700788 7AF0CBBD
const ATANLO3 = 6.12323399573676603587e-17; // 0x3C91A626 33145C07
const AT0 = 3.33333333333329318027e-1; // 0x3FD55555 5555550D
const AT1 = -1.99999999998764832476e-1; // 0xBFC99999 9998EBC4
const AT2 = 1.42857142725034663711e-1; // 0x3FC24924 920083FF
const AT3 = -1.11111104054623557880e-1; // 0xBFBC71C6 FE231671
const AT4 = 9.09088713343650656196e-2; // 0x3FB745CD C54C206E
const AT5 = -7.69187620504482999495e-2; // 0xBFB3B0F2 AF749A6D
const AT6 = 6.66107313738753120669e-2; // 0x3FB10D66 A0D03D51
const AT7 = -5.83357013379057348645e-2; // 0xBFADDE2D 52DEFD9A
const AT8 = 4.97687799461593236017e-2; // 0x3FA97B4B 24760DEB
const AT9 = -3.65315727442169155270e-2; // 0xBFA2B444 2C6A6C2F
const AT10 = 1.62858201153657823623e-2; // 0x3F90AD3A E322DA11

/**
 * Arctangent (fdlibm s_atan.c): |x| is reduced to [0, 7/16] by atan(x) = atan(c) + atan((x-c)/(1+xc))
 * for c in {1/2, 1, 3/2, inf}, then an odd polynomial of degree 23.
 */
export function atan(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x44100000) {
    // |x| >= 2^66
    if (x !== x) return x + x;
    return hx > 0 ? ATANHI3 + ATANLO3 : -ATANHI3 - ATANLO3;
  }
  let id = -1;
  let hi = 0;
  let lo = 0;
  if (ix < 0x3fdc0000) {
    // |x| < 0.4375
    if (ix < 0x3e400000) return x; // |x| < 2^-27
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      if (ix < 0x3fe60000) {
        id = 0; // 7/16 <= |x| < 11/16
        hi = ATANHI0;
        lo = ATANLO0;
        x = (2 * x - 1) / (2 + x);
      } else {
        id = 1; // 11/16 <= |x| < 19/16
        hi = ATANHI1;
        lo = ATANLO1;
        x = (x - 1) / (x + 1);
      }
    } else if (ix < 0x40038000) {
      id = 2; // 19/16 <= |x| < 39/16
      hi = ATANHI2;
      lo = ATANLO2;
      x = (x - 1.5) / (1 + 1.5 * x);
    } else {
      id = 3; // 39/16 <= |x| < 2^66
      hi = ATANHI3;
      lo = ATANLO3;
      x = -1 / x;
    }
  }
  const z = x * x;
  const w = z * z;
  // Odd and even halves of sum aT[i] z^(i+1), evaluated side by side.
  const s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
  const s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
  if (id < 0) return x - x * (s1 + s2);
  const r = hi - (x * (s1 + s2) - lo - x);
  return hx < 0 ? -r : r;
}

const PI_O_4 = 7.8539816339744827900e-1;
const PI_LO = 1.2246467991473531772e-16; // 0x3CA1A626 33145C07

/** Angle of (x, y) in (-pi, pi] (fdlibm e_atan2.c), with every signed-zero and infinity case of the spec. */
export function atan2(y: number, x: number): number {
  if (x !== x || y !== y) return x + y; // NaN
  const hx = highWord(x);
  const lx = lowWord(x);
  const ix = hx & 0x7fffffff;
  const hy = highWord(y);
  const ly = lowWord(y);
  const iy = hy & 0x7fffffff;
  if (((hx - 0x3ff00000) | lx) === 0) return atan(y); // x = 1
  let m = ((hy >> 31) & 1) | ((hx >> 30) & 2); // 2 sign(x) + sign(y)

  if ((iy | ly) === 0) {
    // y = +-0
    if (m === 0 || m === 1) return y;
    return m === 2 ? PI : -PI;
  }
  if ((ix | lx) === 0) return hy < 0 ? -PIO2_HI : PIO2_HI; // x = +-0
  if (ix === 0x7ff00000) {
    // x = +-Infinity
    if (iy === 0x7ff00000) {
      if (m === 0) return PI_O_4;
      if (m === 1) return -PI_O_4;
      if (m === 2) return 3 * PI_O_4;
      return -3 * PI_O_4;
    }
    if (m === 0) return 0;
    if (m === 1) return -0;
    return m === 2 ? PI : -PI;
  }
  if (iy === 0x7ff00000) return hy < 0 ? -PIO2_HI : PIO2_HI; // y = +-Infinity

  // y/x, unless its exponent alone decides.
  const k = (iy - ix) >> 20;
  let z: number;
  if (k > 60) {
    // |y/x| > 2^60
    z = PIO2_HI + 0.5 * PI_LO;
    m &= 1;
  } else if (hx < 0 && k < -60) {
    z = 0; // 0 > |y|/x > -2^-60
  } else {
    z = atan(Math.abs(y / x));
  }
  if (m === 0) return z;
  if (m === 1) return -z;
  if (m === 2) return PI - (z - PI_LO);
  return z - PI_LO - PI;
}
