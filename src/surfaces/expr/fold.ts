// A direct tree interpreter (the reference semantics of an expression) and constant folding,
// which replaces every subtree that depends on neither x nor y by the number it evaluates to,
// so that "2*pi*x" costs one multiplication per call and "x^(1+1)" is seen as a square.
import { type ExprNode, isConstantTree } from './ast';
import { functionSpec } from './functions';
import { power } from './power';

export function evaluateTree(node: ExprNode, x: number, y: number): number {
  switch (node.kind) {
    case 'number':
    case 'constant':
      return node.value;
    case 'variable':
      return node.name === 'x' ? x : y;
    case 'negate':
      return -evaluateTree(node.operand, x, y);
    case 'call': {
      const spec = functionSpec(node.name);
      const a = evaluateTree(node.args[0], x, y);
      return spec.arity === 1 ? spec.value(a) : spec.value(a, evaluateTree(node.args[1], x, y));
    }
    case 'binary': {
      const a = evaluateTree(node.left, x, y);
      const b = evaluateTree(node.right, x, y);
      switch (node.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return power(a, b);
      }
    }
  }
}

export function foldConstants(node: ExprNode): ExprNode {
  if (node.kind === 'number' || node.kind === 'variable') return node;
  if (isConstantTree(node)) return { kind: 'number', value: evaluateTree(node, 0, 0), column: node.column };
  switch (node.kind) {
    case 'negate':
      return { ...node, operand: foldConstants(node.operand) };
    case 'binary':
      return { ...node, left: foldConstants(node.left), right: foldConstants(node.right) };
    case 'call':
      return { ...node, args: node.args.map(foldConstants) };
    default:
      return node;
  }
}
