// detMath: the transcendental functions of Math, computed by pure IEEE-754 arithmetic so that
// they return the same bits on every JavaScript engine. Engines are free to implement Math.sin,
// Math.exp, Math.pow... as they like (ECMAScript only says "implementation-approximated"), and
// Node 20 and Chromium do differ in the last bit on a few percent of inputs, which would break
// the promise that a run gives bit-identical trajectories in the CLI and in the browser.
// Each function is a port of the fdlibm routine V8 itself uses (see the files' headers); only
// + - * /, Math.sqrt / Math.abs / Math.floor (all exactly specified), comparisons, integer ops
// and word access through one shared typed-array buffer (bits.ts) are used.
import { exp, expm1 } from './exp';
import { cosh, sinh, tanh } from './hyperbolic';
import { acos, asin, atan, atan2 } from './inverseTrig';
import { log, log10, log1p, log2 } from './log';
import { pow } from './pow';
import { cos, sin, tan } from './trig';

/** Drop-in replacements for the corresponding Math functions, same special values. */
export const detMath = Object.freeze({
  exp, expm1, log, log1p, log2, log10,
  sin, cos, tan, asin, acos, atan, atan2,
  sinh, cosh, tanh, pow,
});

export type DetMath = typeof detMath;
