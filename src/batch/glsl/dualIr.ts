// A parse tree as a straight-line program on dual numbers (value, d/dx, d/dy): forward-mode
// differentiation to first order, which is all a gradient method needs. The program is data,
// so one generator serves two printers: GLSL for the fused WebGL engine (dualGlsl.ts) and a JS
// interpreter (dualEval.ts) that the unit tests hold against the scalar engine's derivative
// program, which proves the differentiation rules in Node before any shader runs.
//
// Rules follow src/surfaces/expr/jetSteps.ts, so the two engines differentiate the same way:
// a structurally zero derivative stays 0 even when the outer derivative is infinite (d/dx of
// sqrt(y) at y = 0 is 0), |u|' = sign(u) (0 at 0), min/max take the selected argument's
// derivatives, u^c for a constant c uses c u^(c-1), a^b for a variable b uses v (b' ln a + b a'/a).
import type { ExprNode } from '../../surfaces/expr/ast';
import { foldConstants } from '../../surfaces/expr/fold';
import type { FunctionName } from '../../surfaces/expr/functions';
import { isSmallInteger } from '../../surfaces/expr/power';

export type UnaryName = Exclude<FunctionName, 'min' | 'max'>;

/** One instruction; operands are indices of earlier instructions. */
export type DualOp =
  | { k: 'x' }
  | { k: 'y' }
  | { k: 'const'; c: number }
  | { k: 'neg'; a: number }
  | { k: 'add' | 'sub' | 'mul' | 'div'; a: number; b: number }
  /** a + c (a - c is a + (-c): the same number in IEEE arithmetic). */
  | { k: 'addc'; a: number; c: number }
  | { k: 'mulc'; a: number; c: number }
  | { k: 'divc'; a: number; c: number }
  | { k: 'call'; fn: UnaryName; a: number }
  | { k: 'min' | 'max'; a: number; b: number }
  /** a^n, n a small integer: repeated multiplication, defined for negative a. */
  | { k: 'powi'; a: number; n: number }
  /** a^c, c a constant that is not a small integer. */
  | { k: 'powc'; a: number; c: number }
  /** a^b, b depending on x or y. */
  | { k: 'pow'; a: number; b: number };

export interface DualProgram {
  ops: DualOp[];
  /** Index of the instruction that holds f. */
  result: number;
}

/** Compiles a parse tree; constants are folded first, shared x and y are emitted once. */
export function dualProgram(tree: ExprNode): DualProgram {
  const ops: DualOp[] = [];
  const push = (op: DualOp): number => ops.push(op) - 1;
  const vars = { x: -1, y: -1 };
  const variable = (name: 'x' | 'y'): number => {
    if (vars[name] < 0) vars[name] = push({ k: name });
    return vars[name];
  };

  function emit(node: ExprNode): number {
    switch (node.kind) {
      case 'number':
      case 'constant':
        return push({ k: 'const', c: node.value });
      case 'variable':
        return variable(node.name);
      case 'negate':
        return push({ k: 'neg', a: emit(node.operand) });
      case 'call': {
        const a = emit(node.args[0]);
        if (node.name === 'min' || node.name === 'max') return push({ k: node.name, a, b: emit(node.args[1]) });
        return push({ k: 'call', fn: node.name, a });
      }
      case 'binary': {
        const { op, left, right } = node;
        if (right.kind === 'number') {
          const c = right.value;
          const a = emit(left);
          if (op === '+') return push({ k: 'addc', a, c });
          if (op === '-') return push({ k: 'addc', a, c: -c });
          if (op === '*') return push({ k: 'mulc', a, c });
          if (op === '/') return push({ k: 'divc', a, c });
          return isSmallInteger(c) ? push({ k: 'powi', a, n: c }) : push({ k: 'powc', a, c });
        }
        if (left.kind === 'number' && (op === '+' || op === '*')) {
          const b = emit(right);
          return push(op === '+' ? { k: 'addc', a: b, c: left.value } : { k: 'mulc', a: b, c: left.value });
        }
        const a = emit(left);
        const b = emit(right);
        switch (op) {
          case '+':
            return push({ k: 'add', a, b });
          case '-':
            return push({ k: 'sub', a, b });
          case '*':
            return push({ k: 'mul', a, b });
          case '/':
            return push({ k: 'div', a, b });
          case '^':
            return push({ k: 'pow', a, b });
        }
      }
    }
  }

  const result = emit(foldConstants(tree));
  return { ops, result };
}
