// Test helper for the parser's round-trip tests: prints a tree back as text in the parser's own
// syntax, with only the parentheses that the precedence rules require:
// parseExpression(formatExpression(t)) gives t again (columns aside).
import type { ExprNode } from './ast';

const ATOM = 100;
const POWER = 40;
const UNARY = 30;

function precedence(node: ExprNode): number {
  switch (node.kind) {
    case 'binary':
      return node.op === '^' ? POWER : node.op === '+' || node.op === '-' ? 10 : 20;
    case 'negate':
      return UNARY;
    case 'number':
      // The parser makes no negative numbers, but a folded tree may hold one: print it as "-3".
      return node.value < 0 || Object.is(node.value, -0) ? UNARY : ATOM;
    default:
      return ATOM;
  }
}

/** A number as the tokenizer reads it back (String gives "1e-7", "2.5e+21", which it accepts). */
function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '(0/0)';
  if (value < 0 || Object.is(value, -0)) return `-${formatNumber(-value)}`;
  return value === Infinity ? '(1/0)' : String(value);
}

function wrap(text: string, needed: boolean): string {
  return needed ? `(${text})` : text;
}

export function formatExpression(node: ExprNode): string {
  switch (node.kind) {
    case 'number':
      return formatNumber(node.value);
    case 'variable':
    case 'constant':
      return node.name;
    case 'negate':
      // The operand of unary minus binds at UNARY: only ^ (or an atom) goes without parentheses.
      return `-${wrap(formatExpression(node.operand), precedence(node.operand) < UNARY)}`;
    case 'call':
      return `${node.name}(${node.args.map(formatExpression).join(', ')})`;
    case 'binary': {
      const p = precedence(node);
      const l = precedence(node.left);
      const r = precedence(node.right);
      if (node.op === '^') {
        // Right-associative: (a^b)^c needs parentheses on the left, a^(b^c) none on the right.
        return `${wrap(formatExpression(node.left), l <= p)}^${wrap(formatExpression(node.right), r < p)}`;
      }
      // Left-associative: a - (b - c) needs them on the right, (a - b) - c does not.
      return `${wrap(formatExpression(node.left), l < p)} ${node.op} ${wrap(formatExpression(node.right), r <= p)}`;
    }
  }
}
