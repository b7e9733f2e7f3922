// Compiles a tree into exact derivatives by forward-mode automatic differentiation, not finite
// differences: dual numbers for the gradient (dualSteps.ts), second-order jets for the Hessian
// (jetSteps.ts). Each program is a tree of closures over one preallocated Float64Array, so
// the engine's per-step grad call allocates nothing.
import type { BinaryOp, ExprNode } from './ast';
import { FIRST_ORDER } from './dualSteps';
import { foldConstants } from './fold';
import { functionSpec } from './functions';
import { SECOND_ORDER } from './jetSteps';
import { isSmallInteger } from './power';
import { NOTHING, type Operand, type StepSet } from './steps';

export interface DerivativeProgram {
  /** out = [f, df/dx, df/dy, d2f/dx2, d2f/dxdy, d2f/dy2] at (x, y). */
  jet(x: number, y: number, out: Float64Array): void;
  /** out[0] = df/dx, out[1] = df/dy. */
  grad(x: number, y: number, out: Float64Array): void;
  /** out[0] = d2f/dx2, out[1] = d2f/dxdy, out[2] = d2f/dy2. */
  hessian(x: number, y: number, out: Float64Array): void;
}

function countNodes(node: ExprNode): number {
  switch (node.kind) {
    case 'negate':
      return 1 + countNodes(node.operand);
    case 'binary':
      return 1 + countNodes(node.left) + countNodes(node.right);
    case 'call':
      return node.args.reduce((n, a) => n + countNodes(a), 1);
    default:
      return 1;
  }
}

/** One program: `evaluate(x, y)` fills `t`, whose slot at `root` then holds f and its derivatives. */
interface Program {
  t: Float64Array;
  root: number;
  evaluate(x: number, y: number): void;
}

function compileProgram(folded: ExprNode, steps: StepSet): Program {
  const stride = steps.stride;
  // Slots 0 and 1 hold the variables x and y; their derivative parts are set once, here.
  const X = 0;
  const Y = stride;
  const t = new Float64Array(stride * (2 + countNodes(folded)));
  t[X + 1] = 1;
  t[Y + 2] = 1;
  let used = 2;
  const slot = (): number => stride * used++;
  const leaf = (offset: number): Operand => ({ run: NOTHING, offset });

  function emit(node: ExprNode): Operand {
    switch (node.kind) {
      case 'variable':
        return leaf(node.name === 'x' ? X : Y);
      case 'number':
      case 'constant': {
        const o = slot();
        t[o] = node.value; // derivatives stay 0, and nothing ever writes this slot again
        return leaf(o);
      }
      case 'negate': {
        const a = emit(node.operand);
        const o = slot();
        return { run: steps.negate(t, a, o), offset: o };
      }
      case 'call': {
        const spec = functionSpec(node.name);
        const a = emit(node.args[0]);
        if (spec.arity === 1) {
          const o = slot();
          return { run: steps.unary(t, a, spec, o), offset: o };
        }
        const b = emit(node.args[1]);
        const o = slot();
        return { run: steps.select(t, a, b, spec, o), offset: o };
      }
      case 'binary':
        return emitBinary(node.op, node.left, node.right);
    }
  }

  function emitBinary(op: BinaryOp, left: ExprNode, right: ExprNode): Operand {
    // Operations with a constant operand skip the arithmetic on its zero derivatives.
    if (right.kind === 'number') {
      const c = right.value;
      const a = emit(left);
      const o = slot();
      if (op === '+' || op === '-') return { run: steps.addConstant(t, a, c, op === '-', o), offset: o };
      if (op === '*') return { run: steps.multiplyConstant(t, a, c, o), offset: o };
      if (op === '/') return { run: steps.divideConstant(t, a, c, o), offset: o };
      return { run: steps.powerConstant(t, a, c, o, isSmallInteger(c)), offset: o };
    }
    if (left.kind === 'number' && (op === '+' || op === '*')) {
      const b = emit(right);
      const o = slot();
      // c + b and c * b equal b + c and b * c exactly: IEEE addition and product commute.
      const run = op === '+' ? steps.addConstant(t, b, left.value, false, o) : steps.multiplyConstant(t, b, left.value, o);
      return { run, offset: o };
    }
    const a = emit(left);
    const b = emit(right);
    const o = slot();
    switch (op) {
      case '+':
        return { run: steps.add(t, a, b, o), offset: o };
      case '-':
        return { run: steps.subtract(t, a, b, o), offset: o };
      case '*':
        return { run: steps.multiply(t, a, b, o), offset: o };
      case '/':
        return { run: steps.divide(t, a, b, o), offset: o };
      case '^':
        return { run: steps.power(t, a, b, o), offset: o };
    }
  }

  const { run, offset: root } = emit(folded);
  return {
    t,
    root,
    evaluate(x, y) {
      t[X] = x;
      t[Y] = y;
      run();
    },
  };
}

export function compileDerivatives(tree: ExprNode): DerivativeProgram {
  const folded = foldConstants(tree);
  const first = compileProgram(folded, FIRST_ORDER);
  const second = compileProgram(folded, SECOND_ORDER);
  const g = first.t;
  const h = second.t;
  const gRoot = first.root;
  const hRoot = second.root;
  return {
    jet(x, y, out) {
      second.evaluate(x, y);
      for (let i = 0; i < 6; i++) out[i] = h[hRoot + i];
    },
    grad(x, y, out) {
      first.evaluate(x, y);
      out[0] = g[gRoot + 1];
      out[1] = g[gRoot + 2];
    },
    hessian(x, y, out) {
      second.evaluate(x, y);
      out[0] = h[hRoot + 3];
      out[1] = h[hRoot + 4];
      out[2] = h[hRoot + 5];
    },
  };
}
