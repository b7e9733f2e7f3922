// Test helpers: trees without columns (for structural comparison) and a fast-check generator
// of random valid trees. Used by the tests only.
import fc from 'fast-check';
import type { BinaryOp, ExprNode } from './ast';
import { FUNCTIONS } from './functions';

/** A copy of the tree with every column set to 0, so trees compare by structure alone. */
export function withoutColumns(node: ExprNode): ExprNode {
  switch (node.kind) {
    case 'negate':
      return { ...node, column: 0, operand: withoutColumns(node.operand) };
    case 'binary':
      return { ...node, column: 0, left: withoutColumns(node.left), right: withoutColumns(node.right) };
    case 'call':
      return { ...node, column: 0, args: node.args.map(withoutColumns) };
    default:
      return { ...node, column: 0 };
  }
}

const numberLeaf = fc
  .oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0.5, 1e-3, 2.5e4))
  .map((v): ExprNode => ({ kind: 'number', value: Math.abs(v), column: 0 }));

const leaf: fc.Arbitrary<ExprNode> = fc.oneof(
  numberLeaf,
  fc.constantFrom<ExprNode>(
    { kind: 'variable', name: 'x', column: 0 },
    { kind: 'variable', name: 'y', column: 0 },
    { kind: 'constant', name: 'pi', value: Math.PI, column: 0 },
    { kind: 'constant', name: 'e', value: Math.E, column: 0 },
  ),
);

const SPECS = [...FUNCTIONS.values()];
const OPS: BinaryOp[] = ['+', '-', '*', '/', '^'];

/** Random valid trees of every kind of node (columns 0). */
export const arbitraryTree: fc.Arbitrary<ExprNode> = fc.letrec<{ node: ExprNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    leaf,
    tie('node').map((operand): ExprNode => ({ kind: 'negate', operand, column: 0 })),
    fc
      .tuple(fc.constantFrom(...OPS), tie('node'), tie('node'))
      .map(([op, left, right]): ExprNode => ({ kind: 'binary', op, left, right, column: 0 })),
    fc
      .tuple(fc.constantFrom(...SPECS), tie('node'), tie('node'))
      .map(([spec, a, b]): ExprNode => ({ kind: 'call', name: spec.name, args: spec.arity === 1 ? [a] : [a, b], column: 0 })),
  ),
})).node;
