// The steps of the first-order derivative program (the gradient, called by the engine every
// step): dual numbers, slot t[o] = value, t[o+1] = d/dx, t[o+2] = d/dy. The same rules as
// jetSteps.ts without the second-order terms, so that grad does half the work.
import { log, pow as detPow } from '../../numeric';
import type { SelectFunction, UnaryFunction } from './functions';
import { power, powInt } from './power';
import { type Operand, type Step, type StepSet, scaled } from './steps';

/** The chain rule for o = g(u); see jetSteps.ts for why zero derivatives are guarded. */
function chain(t: Float64Array, a: number, o: number, g0: number, g1: number): void {
  t[o] = g0;
  if (Number.isFinite(g1)) {
    t[o + 1] = g1 * t[a + 1];
    t[o + 2] = g1 * t[a + 2];
  } else {
    t[o + 1] = scaled(g1, t[a + 1]);
    t[o + 2] = scaled(g1, t[a + 2]);
  }
}

function negateStep(t: Float64Array, A: Operand, o: number): Step {
  const { run, offset: a } = A;
  return () => {
    run();
    t[o] = -t[a]; t[o + 1] = -t[a + 1]; t[o + 2] = -t[a + 2];
  };
}

function addStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    t[o] = t[a] + t[b]; t[o + 1] = t[a + 1] + t[b + 1]; t[o + 2] = t[a + 2] + t[b + 2];
  };
}

function subtractStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    t[o] = t[a] - t[b]; t[o + 1] = t[a + 1] - t[b + 1]; t[o + 2] = t[a + 2] - t[b + 2];
  };
}

function addConstantStep(t: Float64Array, A: Operand, c: number, subtract: boolean, o: number): Step {
  const { run, offset: a } = A;
  if (subtract) {
    return () => {
      run();
      t[o] = t[a] - c; t[o + 1] = t[a + 1]; t[o + 2] = t[a + 2];
    };
  }
  return () => {
    run();
    t[o] = t[a] + c; t[o + 1] = t[a + 1]; t[o + 2] = t[a + 2];
  };
}

function multiplyStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    const av = t[a], bv = t[b];
    t[o] = av * bv;
    t[o + 1] = t[a + 1] * bv + av * t[b + 1];
    t[o + 2] = t[a + 2] * bv + av * t[b + 2];
  };
}

function multiplyConstantStep(t: Float64Array, A: Operand, c: number, o: number): Step {
  const { run, offset: a } = A;
  return () => {
    run();
    t[o] = t[a] * c; t[o + 1] = t[a + 1] * c; t[o + 2] = t[a + 2] * c;
  };
}

function divideConstantStep(t: Float64Array, A: Operand, c: number, o: number): Step {
  const { run, offset: a } = A;
  return () => {
    run();
    t[o] = t[a] / c; t[o + 1] = t[a + 1] / c; t[o + 2] = t[a + 2] / c;
  };
}

function divideStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    const bv = t[b];
    const q = t[a] / bv;
    t[o] = q;
    t[o + 1] = (t[a + 1] - q * t[b + 1]) / bv;
    t[o + 2] = (t[a + 2] - q * t[b + 2]) / bv;
  };
}

function unaryStep(t: Float64Array, A: Operand, spec: UnaryFunction, o: number): Step {
  const { run, offset: a } = A;
  const derivatives = spec.derivatives;
  const g = new Float64Array(3);
  return () => {
    run();
    derivatives(t[a], g);
    chain(t, a, o, g[0], g[1]);
  };
}

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
      t[o] = NaN; t[o + 1] = NaN; t[o + 2] = NaN;
      return;
    }
    const src = pickFirst(av, bv) ? a : b;
    t[o] = value(av, bv); t[o + 1] = t[src + 1]; t[o + 2] = t[src + 2];
  };
}

function powerConstantStep(t: Float64Array, A: Operand, c: number, o: number, multiplied: boolean): Step {
  const { run, offset: a } = A;
  if (c === 2) {
    return () => {
      run();
      const u = t[a];
      chain(t, a, o, u * u, 2 * u);
    };
  }
  const pow = multiplied ? powInt : detPow;
  return () => {
    run();
    const u = t[a];
    chain(t, a, o, pow(u, c), c === 0 ? 0 : c * pow(u, c - 1));
  };
}

/** a^b = exp(b ln a): (a^b)' = a^b (b' ln a + b a' / a). */
function powerStep(t: Float64Array, A: Operand, B: Operand, o: number): Step {
  const { run: runA, offset: a } = A;
  const { run: runB, offset: b } = B;
  return () => {
    runA();
    runB();
    const av = t[a], bv = t[b];
    const v = power(av, bv);
    const l = log(av);
    t[o] = v;
    t[o + 1] = v * (scaled(l, t[b + 1]) + bv * (t[a + 1] / av));
    t[o + 2] = v * (scaled(l, t[b + 2]) + bv * (t[a + 2] / av));
  };
}

export const FIRST_ORDER: StepSet = {
  stride: 3,
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
