// The steps of the second-order derivative program (the Hessian): forward-mode differentiation.
// Every node owns a slot of six numbers in one Float64Array `t`:
//   t[o] = value, t[o+1] = d/dx, t[o+2] = d/dy, t[o+3] = d2/dx2, t[o+4] = d2/dxdy, t[o+5] = d2/dy2.
// A step first runs its operands' steps, then reads their slots and writes its own. The steps
// form a tree of closures, which V8 can inline into one another (a flat list run by one loop
// cannot be: its single call site sees every step). An evaluation allocates nothing.
// The value part repeats compileValue's arithmetic exactly, so f and the jet's value agree.
import { log, pow as detPow } from '../../numeric';
import type { SelectFunction, UnaryFunction } from './functions';
import { power, powInt } from './power';
import { type Operand, type Step, type StepSet, scaled } from './steps';

/**
 * The chain rule for o = g(u), given g(u), g'(u), g''(u). Where g' or g'' is infinite (sqrt or
 * log at 0), a structurally zero derivative of u must stay 0, not 0 * Infinity = NaN: then
 * d/dx sqrt(y) = 0 at y = 0, since that partial does not involve the singular direction.
 * The check is made once, so the usual finite case runs without a branch per term.
 */
function chain(t: Float64Array, a: number, o: number, g0: number, g1: number, g2: number): void {
  const ux = t[a + 1];
  const uy = t[a + 2];
  t[o] = g0;
  if (Number.isFinite(g1) && Number.isFinite(g2)) {
    t[o + 1] = g1 * ux;
    t[o + 2] = g1 * uy;
    t[o + 3] = g1 * t[a + 3] + g2 * ux * ux;
    t[o + 4] = g1 * t[a + 4] + g2 * ux * uy;
    t[o + 5] = g1 * t[a + 5] + g2 * uy * uy;
    return;
  }
  t[o + 1] = scaled(g1, ux);
  t[o + 2] = scaled(g1, uy);
  t[o + 3] = scaled(g1, t[a + 3]) + scaled(g2, ux * ux);
  t[o + 4] = scaled(g1, t[a + 4]) + scaled(g2, ux * uy);
  t[o + 5] = scaled(g1, t[a + 5]) + scaled(g2, uy * uy);
}

function negateStep(t: Float64Array, A: Operand, o: number): Step {
  const { run, offset: a } = A;
  return () => {
    run();
    t[o] = -t[a]; t[o + 1] = -t[a + 1]; t[o + 2] = -t[a + 2];
    t[o + 3] = -t[a + 3]; t[o + 4] = -t[a + 4]; t[o + 5] = -t[a + 5];
  };
}

function addStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    t[o] = t[a] + t[b]; t[o + 1] = t[a + 1] + t[b + 1]; t[o + 2] = t[a + 2] + t[b + 2];
    t[o + 3] = t[a + 3] + t[b + 3]; t[o + 4] = t[a + 4] + t[b + 4]; t[o + 5] = t[a + 5] + t[b + 5];
  };
}

function subtractStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    t[o] = t[a] - t[b]; t[o + 1] = t[a + 1] - t[b + 1]; t[o + 2] = t[a + 2] - t[b + 2];
    t[o + 3] = t[a + 3] - t[b + 3]; t[o + 4] = t[a + 4] - t[b + 4]; t[o + 5] = t[a + 5] - t[b + 5];
  };
}

/** a + c, or a - c when subtract is set: only the value changes. */
function addConstantStep(t: Float64Array, A: Operand, c: number, subtract: boolean, o: number): Step {
  const { run, offset: a } = A;
  const copyDerivatives = (): void => {
    t[o + 1] = t[a + 1]; t[o + 2] = t[a + 2];
    t[o + 3] = t[a + 3]; t[o + 4] = t[a + 4]; t[o + 5] = t[a + 5];
  };
  if (subtract) {
    return () => {
      run();
      t[o] = t[a] - c;
      copyDerivatives();
    };
  }
  return () => {
    run();
    t[o] = t[a] + c;
    copyDerivatives();
  };
}

function multiplyStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    const av = t[a], ax = t[a + 1], ay = t[a + 2];
    const bv = t[b], bx = t[b + 1], by = t[b + 2];
    t[o] = av * bv;
    t[o + 1] = ax * bv + av * bx;
    t[o + 2] = ay * bv + av * by;
    t[o + 3] = t[a + 3] * bv + 2 * ax * bx + av * t[b + 3];
    t[o + 4] = t[a + 4] * bv + ax * by + ay * bx + av * t[b + 4];
    t[o + 5] = t[a + 5] * bv + 2 * ay * by + av * t[b + 5];
  };
}

function multiplyConstantStep(t: Float64Array, A: Operand, c: number, o: number): Step {
  const { run, offset: a } = A;
  return () => {
    run();
    t[o] = t[a] * c; t[o + 1] = t[a + 1] * c; t[o + 2] = t[a + 2] * c;
    t[o + 3] = t[a + 3] * c; t[o + 4] = t[a + 4] * c; t[o + 5] = t[a + 5] * c;
  };
}

function divideConstantStep(t: Float64Array, A: Operand, c: number, o: number): Step {
  const { run, offset: a } = A;
  return () => {
    run();
    t[o] = t[a] / c; t[o + 1] = t[a + 1] / c; t[o + 2] = t[a + 2] / c;
    t[o + 3] = t[a + 3] / c; t[o + 4] = t[a + 4] / c; t[o + 5] = t[a + 5] / c;
  };
}

/** q = a / b, from a = q b differentiated twice: q' = (a' - q b') / b, and so on. */
function divideStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    const bv = t[b], bx = t[b + 1], by = t[b + 2];
    const q = t[a] / bv;
    const qx = (t[a + 1] - q * bx) / bv;
    const qy = (t[a + 2] - q * by) / bv;
    t[o] = q;
    t[o + 1] = qx;
    t[o + 2] = qy;
    t[o + 3] = (t[a + 3] - 2 * qx * bx - q * t[b + 3]) / bv;
    t[o + 4] = (t[a + 4] - qx * by - qy * bx - q * t[b + 4]) / bv;
    t[o + 5] = (t[a + 5] - 2 * qy * by - q * t[b + 5]) / bv;
  };
}

function unaryStep(t: Float64Array, A: Operand, spec: UnaryFunction, o: number): Step {
  const { run, offset: a } = A;
  const derivatives = spec.derivatives;
  const g = new Float64Array(3);
  return () => {
    run();
    derivatives(t[a], g);
    chain(t, a, o, g[0], g[1], g[2]);
  };
}

/** min / max: the derivatives of the argument that is selected; NaN if either is NaN. */
function selectStep(t: Float64Array, A: Operand, B: Operand, spec: SelectFunction, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  const value = spec.value;
  const pickFirst = spec.pickFirst;
  return () => {
    runA();
    runB();
    const av = t[a];
    const bv = t[b];
    if (Number.isNaN(av) || Number.isNaN(bv)) {
      t.fill(NaN, o, o + 6);
      return;
    }
    const src = pickFirst(av, bv) ? a : b;
    t[o] = value(av, bv);
    t[o + 1] = t[src + 1]; t[o + 2] = t[src + 2];
    t[o + 3] = t[src + 3]; t[o + 4] = t[src + 4]; t[o + 5] = t[src + 5];
  };
}

/** u^c for a constant c: g' = c u^(c-1), g'' = c (c-1) u^(c-2); a zero coefficient stays 0. */
function powerConstantStep(t: Float64Array, A: Operand, c: number, o: number, multiplied: boolean): Step {
  const { run, offset: a } = A;
  if (c === 2) {
    return () => {
      run();
      const u = t[a];
      chain(t, a, o, u * u, 2 * u, 2);
    };
  }
  const k1 = c;
  const k2 = c * (c - 1);
  const pow = multiplied ? powInt : detPow;
  return () => {
    run();
    const u = t[a];
    const g1 = k1 === 0 ? 0 : k1 * pow(u, c - 1);
    const g2 = k2 === 0 ? 0 : k2 * pow(u, c - 2);
    chain(t, a, o, pow(u, c), g1, g2);
  };
}

/**
 * a^b with a variable exponent: v = a^b = exp(P) with P = b ln a, so v' = v P' and
 * v'' = v (P'' + P'^2). The value itself comes from `power`, as in compileValue.
 */
function powerStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    const av = t[a], bv = t[b], bx = t[b + 1], by = t[b + 2];
    const v = power(av, bv);
    const l = log(av);
    const lx = t[a + 1] / av, ly = t[a + 2] / av;
    const lxx = t[a + 3] / av - lx * lx, lxy = t[a + 4] / av - lx * ly, lyy = t[a + 5] / av - ly * ly;
    const px = scaled(l, bx) + bv * lx;
    const py = scaled(l, by) + bv * ly;
    const pxx = scaled(l, t[b + 3]) + 2 * bx * lx + bv * lxx;
    const pxy = scaled(l, t[b + 4]) + bx * ly + by * lx + bv * lxy;
    const pyy = scaled(l, t[b + 5]) + 2 * by * ly + bv * lyy;
    t[o] = v;
    t[o + 1] = v * px;
    t[o + 2] = v * py;
    t[o + 3] = v * (pxx + px * px);
    t[o + 4] = v * (pxy + px * py);
    t[o + 5] = v * (pyy + py * py);
  };
}

export const SECOND_ORDER: StepSet = {
  stride: 6,
  negate: negateStep,
  add: addStep,
  subtract: subtractStep,
  addConstant: addConstantStep,
  multiply: multiplyStep,
  multiplyConstant: multiplyConstantStep,
  divide: divideStep,
  divideConstant: divideConstantStep,
  unary: unaryStep,
  select: selectStep,
  powerConstant: powerConstantStep,
  power: powerStep,
};
