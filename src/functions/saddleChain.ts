// A chain of d strict saddles that gradient descent visits one after another, each taking
// geometrically longer to leave: the construction of Du, Jin, Lee, Jordan, Poczos and Singh,
// "Gradient descent can take exponential time to escape saddle points" (NeurIPS 2017, Sec. 4).
//
// The paper's function on its "tube" (the region GD travels): around saddle i,
//   f = sum_{j<i} L (x_j - 4 tau)^2  -  gamma x_i^2  +  sum_{j>i} L x_j^2  -  (i-1) nu,
// so x_i is the one escaping direction (curvature -2 gamma) and every later coordinate is pulled
// in (curvature 2 L). Between saddle i and i+1 (tau <= x_i <= 2 tau) the pair (x_i, x_{i+1})
// follows g(x_i, x_{i+1}) = g1(x_i) + g2(x_i) x_{i+1}^2: g1 joins -gamma x_i^2 to
// L (x_i - 4 tau)^2 - nu and g2 turns x_{i+1}'s curvature from L to -gamma. While GD escapes
// saddle i, x_{i+1} shrinks by (1 - 2 lr L) per step; at saddle i+1 it must grow back by
// (1 + 2 lr gamma) per step, so the time at saddle i+1 is about the time spent so far times
// log(1 / (1 - 2 lr L)) / log(1 + 2 lr gamma): geometric growth (in float64, once x_{i+1}
// underflows to 0, GD stays on the saddle's stable manifold for good).
//
// What is ours, not the paper's (its full text was not at hand; the behaviour above is its):
// - g2 is the C^2 quintic smoothstep from L (x_i = tau) to -gamma (x_i = 2 tau), written
//   g2 = L - (L + gamma) S(x_i), S(a) = 10u^3 - 15u^4 + 6u^5, u = (a - tau) / tau;
//   g1(a) = -gamma a^2 + alpha (a - tau)^3 + beta (a - tau)^4 with alpha = (10 gamma - 14 L) / (3 tau),
//   beta = (5 L - 3 gamma) / (2 tau^2), the quartic of that form that meets L (a - 4 tau)^2 - nu
//   with matching first and second derivatives at 2 tau; nu = 4 L tau^2 - g1(2 tau) makes the
//   values meet. We derived alpha, beta and nu ourselves.
// - Off the tube the paper mirrors the tube into an "octopus" and extends it by Whitney's
//   theorem. We instead use one explicit C^2 formula on all of R^d that equals the tube function
//   on the tube (x >= 0 there) and mirrors it in every coordinate (|x_j|):
//     f(x) = sum_j L x_j^2 + sum_j s_j D(x_j),   s_j = prod_{m<j} S(|x_m|),
//     D(t) = h(|t|) - L t^2,  h = -gamma a^2 on [0, tau], g1 on [tau, 2 tau], L (a - 4 tau)^2 - nu beyond.
//   On the tube s_j is 1 for the coordinates already escaped and the one escaping, S(x_i) for
//   the next and 0 after, which gives the formulas above term by term.
// Critical points (proof sketch, needs L >= gamma so that h' < 0 on (0, 4 tau) and D <= 0): let k
// be the first coordinate with |x_k| < 2 tau; d f / d x_k = sgn(x_k) (h'(|x_k|) + S'(|x_k|) R)
// with R <= 0, which vanishes only at x_k = 0; then every later s_j = 0 and x_j = 0; every
// earlier coordinate needs h'(|x_j|) = 0, so |x_j| = 4 tau. So the critical points are exactly
// (+-4 tau, ..., +-4 tau, 0, ..., 0): with i - 1 leading entries the saddle i, index 1 (Hessian
// diag(2L, ..., 2L, -2 gamma, 2L, ...)), f = -(i - 1) nu; with d entries the minima, f = -d nu.
import { defineFunction } from './define';
import { MAX_DIM, type FunctionParams, type Instance, type KnownCriticalPoint } from './types';

/** The one-coordinate pieces: h and the switch S, with derivatives, as functions of a = |t| >= 0. */
export interface ChainProfile {
  tau: number;
  L: number;
  gamma: number;
  alpha: number;
  beta: number;
  nu: number;
}

export function chainProfile(tau: number, L: number, gamma: number): ChainProfile {
  const alpha = (10 * gamma - 14 * L) / (3 * tau);
  const beta = (5 * L - 3 * gamma) / (2 * tau * tau);
  const g1At2Tau = -gamma * 4 * tau * tau + alpha * tau * tau * tau + beta * tau * tau * tau * tau;
  return { tau, L, gamma, alpha, beta, nu: 4 * L * tau * tau - g1At2Tau };
}

/**
 * Writes, for coordinate value t: out[0..2] = S, dS/dt, d2S/dt2 and out[3..5] = D, dD/dt, d2D/dt2
 * (derivatives in t, signs of the mirror included), at offset 6 * j.
 */
export function profileAt(p: ChainProfile, t: number, out: Float64Array, j: number): void {
  const { tau, L, gamma } = p;
  const a = Math.abs(t);
  const sgn = t < 0 ? -1 : 1;
  let S = 0;
  let S1 = 0;
  let S2 = 0;
  let h: number;
  let h1: number;
  let h2: number;
  if (a <= tau) {
    h = -gamma * a * a;
    h1 = -2 * gamma * a;
    h2 = -2 * gamma;
  } else if (a < 2 * tau) {
    const q = a - tau;
    h = -gamma * a * a + p.alpha * q * q * q + p.beta * q * q * q * q;
    h1 = -2 * gamma * a + 3 * p.alpha * q * q + 4 * p.beta * q * q * q;
    h2 = -2 * gamma + 6 * p.alpha * q + 12 * p.beta * q * q;
    const u = q / tau;
    const w = 1 - u;
    S = u * u * u * (10 - 15 * u + 6 * u * u);
    S1 = (30 * u * u * w * w) / tau;
    S2 = (60 * u * w * (1 - 2 * u)) / (tau * tau);
  } else {
    const q = a - 4 * tau;
    h = L * q * q - p.nu;
    h1 = 2 * L * q;
    h2 = 2 * L;
    S = 1;
  }
  const o = 6 * j;
  out[o] = S;
  out[o + 1] = sgn * S1;
  out[o + 2] = S2;
  out[o + 3] = h - L * t * t;
  out[o + 4] = sgn * h1 - 2 * L * t;
  out[o + 5] = h2 - 2 * L;
}

const E = Math.E;

export const saddleChain = defineFunction({
  id: 'saddleChain',
  name: 'Saddle chain (Du et al. 2017)',
  about: 'A chain of d strict saddles that gradient descent passes one after another, each taking geometrically longer, while perturbed GD is not slowed (Du, Jin, Lee, Jordan, Poczos and Singh, NeurIPS 2017).',
  minDim: 2,
  maxDim: MAX_DIM,
  params: [
    { key: 'tau', label: 'tau', about: 'Length scale: saddles sit 4 tau apart, the switch between them spans [tau, 2 tau].', default: E, min: 0.1, max: 100, integer: false },
    { key: 'L', label: 'L', about: 'Curvature 2L of the attracting directions (the coordinates not yet reached).', default: E, min: 0.01, max: 100, integer: false },
    { key: 'gamma', label: 'gamma', about: 'Curvature -2 gamma of the escaping direction at each saddle; must not exceed L.', default: 1, min: 0.01, max: 100, integer: false },
  ],
  build: (dim, params) => (params.gamma > params.L ? `gamma must not exceed L (got gamma = ${params.gamma}, L = ${params.L})` : chainInstance(dim, params)),
});

function chainInstance(dim: number, params: FunctionParams): Instance {
  const p = chainProfile(params.tau, params.L, params.gamma);
  const { L, tau } = p;
  // Per coordinate: S, S', S'', D, D', D'' (prof), the tail Phi_j = D_j + S_j Phi_{j+1} (phi,
  // length dim + 1, phi[dim] = 0), the prefix s_j = prod_{m<j} S_m (pre), and G_j = D'_j + S'_j Phi_{j+1}.
  const prof = new Float64Array(6 * dim);
  const phi = new Float64Array(dim + 1);
  const pre = new Float64Array(dim);
  const G = new Float64Array(dim);

  /** Fills prof, phi, pre and G at x; returns f(x). */
  const evaluate = (x: Float64Array): number => {
    let quad = 0;
    for (let j = 0; j < dim; j++) {
      profileAt(p, x[j], prof, j);
      quad += L * x[j] * x[j];
    }
    phi[dim] = 0;
    for (let j = dim - 1; j >= 0; j--) {
      phi[j] = prof[6 * j + 3] + prof[6 * j] * phi[j + 1];
      G[j] = prof[6 * j + 4] + prof[6 * j + 1] * phi[j + 1];
    }
    let s = 1;
    for (let j = 0; j < dim; j++) {
      pre[j] = s;
      s *= prof[6 * j];
    }
    return quad + phi[0];
  };
  /** d2f/dx_j^2 after evaluate. */
  const diag = (j: number) => 2 * L + pre[j] * (prof[6 * j + 5] + prof[6 * j + 2] * phi[j + 1]);

  const saddle = (i: number): Float64Array => {
    const x = new Float64Array(dim);
    for (let j = 0; j < i; j++) x[j] = 4 * tau;
    return x;
  };
  const start = new Float64Array(dim).fill(1);
  const named: KnownCriticalPoint[] = [];
  // Values as computed (they equal -(i - 1) nu up to rounding; the test checks).
  for (let i = 0; i < dim; i++) named.push({ label: `saddle ${i + 1}`, x: saddle(i), kind: 'saddle', index: 1, value: evaluate(saddle(i)) });
  const minimum: KnownCriticalPoint = { label: 'minimum', x: saddle(dim), kind: 'minimum', index: 0, value: evaluate(saddle(dim)) };
  named.push(minimum);

  return {
    id: 'saddleChain',
    dim,
    params,
    formula: 'sum_j L x_j^2 + s_j D(x_j), s_j = prod_{m<j} S(|x_m|) (Du et al. 2017)',
    f: evaluate,
    grad(x, out) {
      const value = evaluate(x);
      for (let j = 0; j < dim; j++) out[j] = 2 * L * x[j] + pre[j] * G[j];
      return value;
    },
    hvp(x, v, out) {
      // H_kk = diag(k); for k < l, H_kl = pre_k S'_k (prod_{k<m<l} S_m) G_l. The two sums over
      // l > k and l < k are running recursions, so one product costs O(d).
      evaluate(x);
      let after = 0; // A_k = sum_{l>k} (prod_{k<m<l} S_m) G_l v_l
      for (let k = dim - 1; k >= 0; k--) {
        out[k] = pre[k] * prof[6 * k + 1] * after;
        after = G[k] * v[k] + prof[6 * k] * after;
      }
      let before = 0; // B_k = sum_{l<k} pre_l S'_l (prod_{l<m<k} S_m) v_l
      for (let k = 0; k < dim; k++) {
        out[k] += diag(k) * v[k] + G[k] * before;
        before = prof[6 * k] * before + pre[k] * prof[6 * k + 1] * v[k];
      }
    },
    hessian(x, out) {
      evaluate(x);
      out.fill(0);
      for (let k = 0; k < dim; k++) {
        out[k * dim + k] = diag(k);
        let c = pre[k] * prof[6 * k + 1];
        for (let l = k + 1; l < dim && c !== 0; l++) {
          out[k * dim + l] = out[l * dim + k] = c * G[l];
          c *= prof[6 * l];
        }
      }
    },
    defaultStart: () => start.slice(),
    // The largest curvature on the path is 2L: lr = 1/(4L) contracts the waiting coordinates by
    // 1/2 per step and stretches the escaping one by 1 + gamma / (2L).
    suggestedLr: 1 / (4 * L),
    globalMin: minimum.value,
    criticalPoints: { named, complete: false },
    view: { axes: [0, 1], center: new Float64Array(dim), x: [-tau, 5 * tau], y: [-tau, 5 * tau] },
  };
}
