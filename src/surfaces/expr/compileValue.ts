// Compiles a tree into plain closures for f(x, y): the fast path for contour grids and every
// value the engine records. Constant subtrees are folded first; operations with a constant
// operand, squares and cubes get their own closures, since those make most of a typical
// expression. The arithmetic is the same, operation for operation, as evaluateTree's and as
// the value part of the derivative program, so all three give identical numbers.
import { pow } from '../../numeric';
import type { BinaryOp, ExprNode } from './ast';
import { foldConstants } from './fold';
import { functionSpec } from './functions';
import { isSmallInteger, powInt, power } from './power';

export type ValueFn = (x: number, y: number) => number;

export function compileValue(tree: ExprNode): ValueFn {
  return build(foldConstants(tree));
}

function build(node: ExprNode): ValueFn {
  switch (node.kind) {
    case 'number':
    case 'constant': {
      const c = node.value;
      return () => c;
    }
    case 'variable':
      return node.name === 'x' ? (x) => x : (_x, y) => y;
    case 'negate': {
      const a = build(node.operand);
      return (x, y) => -a(x, y);
    }
    case 'call': {
      const spec = functionSpec(node.name);
      const a = build(node.args[0]);
      if (spec.arity === 1) {
        const g = spec.value;
        return (x, y) => g(a(x, y));
      }
      const g = spec.value;
      const b = build(node.args[1]);
      return (x, y) => g(a(x, y), b(x, y));
    }
    case 'binary':
      if (node.right.kind === 'number') return withConstantRight(node.op, build(node.left), node.right.value);
      if (node.left.kind === 'number') return withConstantLeft(node.op, node.left.value, build(node.right));
      return general(node.op, build(node.left), build(node.right));
  }
}

function withConstantRight(op: BinaryOp, a: ValueFn, c: number): ValueFn {
  switch (op) {
    case '+':
      return (x, y) => a(x, y) + c;
    case '-':
      return (x, y) => a(x, y) - c;
    case '*':
      return (x, y) => a(x, y) * c;
    case '/':
      return (x, y) => a(x, y) / c;
    case '^':
      if (c === 2) {
        return (x, y) => {
          const u = a(x, y);
          return u * u;
        };
      }
      if (c === 3) {
        return (x, y) => {
          const u = a(x, y);
          return u * (u * u); // the order powInt uses, so the three paths agree bit for bit
        };
      }
      if (isSmallInteger(c)) return (x, y) => powInt(a(x, y), c);
      return (x, y) => pow(a(x, y), c); // detMath's pow, as power() uses
  }
}

function withConstantLeft(op: BinaryOp, c: number, b: ValueFn): ValueFn {
  switch (op) {
    case '+':
      return (x, y) => c + b(x, y);
    case '-':
      return (x, y) => c - b(x, y);
    case '*':
      return (x, y) => c * b(x, y);
    case '/':
      return (x, y) => c / b(x, y);
    case '^':
      return (x, y) => power(c, b(x, y));
  }
}

function general(op: BinaryOp, a: ValueFn, b: ValueFn): ValueFn {
  switch (op) {
    case '+':
      return (x, y) => a(x, y) + b(x, y);
    case '-':
      return (x, y) => a(x, y) - b(x, y);
    case '*':
      return (x, y) => a(x, y) * b(x, y);
    case '/':
      return (x, y) => a(x, y) / b(x, y);
    case '^':
      return (x, y) => power(a(x, y), b(x, y));
  }
}
