// The parse tree of an expression in x and y. Every node keeps the 1-based column where its
// text starts, so later stages (arity checks, the UI's caret) can point at the source.
// Parentheses and unary plus leave no node: they only shape the tree.
import type { FunctionName } from './functions';

export type Variable = 'x' | 'y';
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export type ExprNode =
  | { kind: 'number'; value: number; column: number }
  | { kind: 'variable'; name: Variable; column: number }
  /** A named constant (pi, e); its value is resolved by the parser through CONSTANTS. */
  | { kind: 'constant'; name: string; value: number; column: number }
  | { kind: 'negate'; operand: ExprNode; column: number }
  | { kind: 'binary'; op: BinaryOp; left: ExprNode; right: ExprNode; column: number }
  | { kind: 'call'; name: FunctionName; args: ExprNode[]; column: number };

export type ParseResult =
  | { ok: true; tree: ExprNode }
  | { ok: false; message: string; column: number };

/** True when the subtree does not depend on x or y (it can be folded to one number). */
export function isConstantTree(node: ExprNode): boolean {
  switch (node.kind) {
    case 'number':
    case 'constant':
      return true;
    case 'variable':
      return false;
    case 'negate':
      return isConstantTree(node.operand);
    case 'binary':
      return isConstantTree(node.left) && isConstantTree(node.right);
    case 'call':
      return node.args.every(isConstantTree);
  }
}
