// A Pratt (precedence-climbing) parser for expressions in x and y.
//
// Precedence, lowest first: + - (left), * / (left), unary - and + (prefix), ^ (right).
// So -x^2 = -(x^2), 2^3^2 = 2^(3^2), and 2^-x = 2^(-x) as in Python; `**` is read as `^`.
// Implicit multiplication ("2x") is an error that names both sides, never a silent guess.
// Names: the variables x and y, the constants pi and e, and the functions of functions.ts.
//
// parseExpression never throws on user input: a failure is a value with a message and a
// 1-based column. Recursion is bounded by MAX_NESTING and the text by LIMITS.exprLength, so a
// hostile input cannot exhaust the stack.
import { LIMITS } from '../../experiment/limits';
import type { BinaryOp, ExprNode, ParseResult } from './ast';
import { CONSTANTS, FUNCTIONS, VARIABLES } from './functions';
import { type Token, tokenize } from './tokenize';

export const MAX_NESTING = 64;
export const MAX_LENGTH: number = LIMITS.exprLength.max;

const UNARY_POWER = 30;

/** [left, right] binding powers; right < left makes ^ right-associative. */
function bindingPower(op: BinaryOp): [number, number] {
  switch (op) {
    case '+':
    case '-':
      return [10, 10];
    case '*':
    case '/':
      return [20, 20];
    case '^':
      return [40, 39];
  }
}

/** Thrown inside the parser only, and always caught by parseExpression. */
class ParseFailure {
  constructor(
    readonly message: string,
    readonly column: number,
  ) {}
}

function fail(message: string, column: number): never {
  throw new ParseFailure(`${message} at column ${column}`, column);
}

/** Token text for a message, shortened so a 400-character name does not flood the UI. */
function shown(token: Token): string {
  return token.text.length > 20 ? `${token.text.slice(0, 20)}…` : token.text;
}

const startsOperand = (t: Token): boolean => t.kind === 'number' || t.kind === 'name' || t.kind === '(';

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos];
    if (t.kind !== 'end') this.pos++;
    return t;
  }

  parseAll(): ExprNode {
    const tree = this.expression(0);
    const rest = this.peek();
    if (rest.kind !== 'end') fail(`unexpected '${shown(rest)}'`, rest.column);
    return tree;
  }

  private expression(minPower: number): ExprNode {
    const start = this.peek();
    // The outermost call is level 0, so MAX_NESTING parentheses inside it are still accepted.
    if (this.depth > MAX_NESTING) fail(`expression nested too deeply (max ${MAX_NESTING})`, start.column);
    this.depth++;
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'operator') {
        const [leftPower, rightPower] = bindingPower(t.op);
        if (leftPower <= minPower) break;
        this.next();
        const right = this.expression(rightPower);
        left = { kind: 'binary', op: t.op, left, right, column: t.column };
      } else if (startsOperand(t)) {
        const before = this.tokens[this.pos - 1];
        fail(`expected an operator between '${shown(before)}' and '${shown(t)}'`, t.column);
      } else {
        break;
      }
    }
    this.depth--;
    return left;
  }

  private prefix(): ExprNode {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: t.value, column: t.column };
      case 'name':
        return this.name(t);
      case '(': {
        const inner = this.expression(0);
        this.expect(')');
        return inner;
      }
      case 'operator':
        if (t.op === '-') return { kind: 'negate', operand: this.expression(UNARY_POWER), column: t.column };
        if (t.op === '+') return this.expression(UNARY_POWER);
        return fail(`unexpected '${shown(t)}'`, t.column);
      case 'end':
        return fail('unexpected end of expression', t.column);
      default:
        return fail(`unexpected '${shown(t)}'`, t.column);
    }
  }

  private name(t: Token): ExprNode {
    const variable = VARIABLES.get(t.text);
    if (variable !== undefined) return { kind: 'variable', name: variable, column: t.column };
    const constant = CONSTANTS.get(t.text);
    if (constant !== undefined) return { kind: 'constant', name: t.text, value: constant, column: t.column };
    const spec = FUNCTIONS.get(t.text);
    const opensCall = this.peek().kind === '(';
    if (!spec) fail(opensCall ? `unknown function '${shown(t)}'` : `unknown name '${shown(t)}'`, t.column);
    if (!opensCall) fail(`expected '(' after '${spec.name}'`, this.peek().column);
    this.next();
    const args: ExprNode[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.expression(0));
        if (this.peek().kind !== ',') break;
        this.next();
      }
    }
    this.expect(')');
    if (args.length !== spec.arity) {
      const noun = spec.arity === 1 ? 'argument' : 'arguments';
      fail(`'${spec.name}' takes ${spec.arity} ${noun}, got ${args.length}`, t.column);
    }
    return { kind: 'call', name: spec.name, args, column: t.column };
  }

  private expect(kind: ')'): void {
    const t = this.peek();
    if (t.kind !== kind) fail(`expected '${kind}'`, t.column);
    this.next();
  }
}

/** Parses an expression in x and y; never throws on user input. */
export function parseExpression(text: string): ParseResult {
  if (text.length > MAX_LENGTH) {
    return { ok: false, message: `expression too long (max ${MAX_LENGTH} characters)`, column: MAX_LENGTH + 1 };
  }
  if (text.trim() === '') return { ok: false, message: 'expression is empty', column: 1 };
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, tree: new Parser(lexed.tokens).parseAll() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, message: e.message, column: e.column };
    throw e; // a bug of ours, not a property of the input
  }
}
