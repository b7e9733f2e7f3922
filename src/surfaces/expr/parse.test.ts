import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from './ast';
import { formatExpression } from './format.testutil';
import { MAX_LENGTH, MAX_NESTING, parseExpression } from './parse';
import { arbitraryTree, withoutColumns } from './arbitraryTrees.testutil';

/** The tree of a valid expression, printed with full structure by formatExpression. */
function shape(text: string): string {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return formatExpression(r.tree);
}

function error(text: string): { message: string; column: number } {
  const r = parseExpression(text);
  if (r.ok) throw new Error(`${text} parsed, expected an error`);
  return { message: r.message, column: r.column };
}

describe('parseExpression: precedence and associativity', () => {
  it.each([
    ['-x^2', '-x^2'], // -(x^2): power binds tighter than unary minus
    ['(-x)^2', '(-x)^2'],
    ['2^3^2', '2^3^2'], // right-associative: 2^(3^2)
    ['(2^3)^2', '(2^3)^2'],
    ['x - y - 1', 'x - y - 1'], // left-associative: (x - y) - 1
    ['x - (y - 1)', 'x - (y - 1)'],
    ['x / y / 2', 'x / y / 2'],
    ['x / (y / 2)', 'x / (y / 2)'],
    ['1 + 2 * 3', '1 + 2 * 3'],
    ['(1 + 2) * 3', '(1 + 2) * 3'],
    ['2^-x', '2^(-x)'],
    ['2^-x*3', '2^(-x) * 3'],
    ['-x*y', '-x * y'],
    ['x*-y', 'x * -y'],
    ['--x', '--x'],
    ['+x', 'x'], // unary plus leaves no node
    ['x**2', 'x^2'], // ** is a synonym of ^
    ['x**y**2', 'x^y^2'],
    ['((((x))))', 'x'],
    ['min(x, y^2) + max(1, -y)', 'min(x, y^2) + max(1, -y)'],
  ])('%s', (input, expected) => {
    expect(shape(input)).toBe(expected);
  });

  it('builds the expected tree for -x^2 and 2^3^2', () => {
    const r = parseExpression('-x^2');
    expect(r.ok && r.tree.kind === 'negate' && r.tree.operand.kind === 'binary' && r.tree.operand.op).toBe('^');
    const p = parseExpression('2^3^2');
    expect(p.ok && p.tree.kind === 'binary' && p.tree.right.kind === 'binary' && p.tree.right.op).toBe('^');
  });

  it('reads numbers with decimals and exponents', () => {
    const values = ['1e-3', '.5', '2.5E+4', '5.', '0.25', '1E3', '007'].map((s) => {
      const r = parseExpression(s);
      return r.ok && r.tree.kind === 'number' ? r.tree.value : NaN;
    });
    expect(values).toEqual([1e-3, 0.5, 2.5e4, 5, 0.25, 1000, 7]);
  });

  it('knows the constants pi and e and keeps columns', () => {
    const r = parseExpression('  pi * e');
    expect(r.ok && r.tree).toMatchObject({
      kind: 'binary',
      column: 6,
      left: { kind: 'constant', name: 'pi', value: Math.PI, column: 3 },
      right: { kind: 'constant', name: 'e', value: Math.E, column: 8 },
    });
  });
});

describe('parseExpression: errors say what and where', () => {
  it.each([
    ['x + sinn(x)', "unknown function 'sinn' at column 5", 5],
    ['x + z', "unknown name 'z' at column 5", 5],
    ['2*z', "unknown name 'z' at column 3", 3],
    ['sin(x + (y * 2)', "expected ')' at column 16", 16],
    ['(x + 1) * (y - 2 x', "expected an operator between '2' and 'x' at column 18", 18],
    ['2x', "expected an operator between '2' and 'x' at column 2", 2],
    ['x y', "expected an operator between 'x' and 'y' at column 3", 3],
    ['x(2)', "expected an operator between 'x' and '(' at column 2", 2],
    ['(x)(y)', "expected an operator between ')' and '(' at column 4", 4],
    ['2e', "expected an operator between '2' and 'e' at column 2", 2],
    ['x +', 'unexpected end of expression at column 4', 4],
    ['sin(', 'unexpected end of expression at column 5', 5],
    ['x + * y', "unexpected '*' at column 5", 5],
    ['x)', "unexpected ')' at column 2", 2],
    [', x', "unexpected ',' at column 1", 1],
    ['x, y', "unexpected ',' at column 2", 2],
    ['sin x', "expected '(' after 'sin' at column 5", 5],
    ['sin', "expected '(' after 'sin' at column 4", 4],
    ['min(x)', "'min' takes 2 arguments, got 1 at column 1", 1],
    ['1 + max(x, y, 2)', "'max' takes 2 arguments, got 3 at column 5", 5],
    ['sin(x, y)', "'sin' takes 1 argument, got 2 at column 1", 1],
    ['exp()', "'exp' takes 1 argument, got 0 at column 1", 1],
    ['x # y', "unexpected character '#' at column 3", 3],
    ['x + 😀', "unexpected character '😀' at column 5", 5],
    ['x ^ 1e999', "number too large '1e999' at column 5", 5],
    ['', 'expression is empty', 1],
    ['   ', 'expression is empty', 1],
    ['X', "unknown name 'X' at column 1", 1], // names are case-sensitive
  ])('%j', (input, message, column) => {
    expect(error(input)).toEqual({ message, column });
  });

  it('never resolves a name through the prototype chain', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
      expect(error(`${name}(x)`).message).toBe(`unknown function '${name}' at column 1`);
      expect(error(name).message).toBe(`unknown name '${name}' at column 1`);
    }
  });

  it('shortens a long name in a message', () => {
    const name = 'a'.repeat(300);
    expect(error(name).message).toBe(`unknown name '${'a'.repeat(20)}…' at column 1`);
  });
});

describe('parseExpression: limits', () => {
  it(`accepts ${MAX_LENGTH} characters and refuses one more`, () => {
    const longest = `x${'+x'.repeat((MAX_LENGTH - 2) / 2)} `;
    expect(longest).toHaveLength(MAX_LENGTH);
    expect(parseExpression(longest).ok).toBe(true);
    expect(error(`${longest} `)).toEqual({ message: 'expression too long (max 500 characters)', column: 501 });
  });

  it(`accepts ${MAX_NESTING} nested parentheses and refuses ${MAX_NESTING + 1}`, () => {
    const nest = (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`;
    expect(parseExpression(nest(MAX_NESTING)).ok).toBe(true);
    expect(error(nest(MAX_NESTING + 1))).toEqual({
      message: 'expression nested too deeply (max 64) at column 66',
      column: MAX_NESTING + 2,
    });
  });

  it.each([
    ['parentheses', '('.repeat(499)],
    ['unary minus', `${'-'.repeat(499)}x`],
    ['powers', `${'x^'.repeat(249)}x`],
    ['calls', `${'sin('.repeat(99)}x${')'.repeat(99)}`],
  ])('stops hostile nesting of %s with a message, not a stack overflow', (_label, text) => {
    expect(error(text).message).toMatch(/^expression nested too deeply \(max 64\) at column \d+$/);
  });

  it('parses a long flat chain (deep tree, shallow recursion)', () => {
    expect(parseExpression(`x${'*y-x'.repeat(124)}`).ok).toBe(true);
  });
});

describe('parseExpression: properties', () => {
  const checkResult = (text: string, r: ParseResult): void => {
    if (r.ok) return;
    expect(r.message.length).toBeGreaterThan(0);
    expect(Number.isInteger(r.column)).toBe(true);
    expect(r.column).toBeGreaterThanOrEqual(1);
    expect(r.column).toBeLessThanOrEqual(Math.min(text.length, MAX_LENGTH) + 1);
  };

  it('never throws on random text, and an error has a column inside the text', () => {
    const alphabet = fc.constantFrom(...'xy0123456789.eE+-*/^(), \tpisncoqrtablgmhz_#'.split(''));
    const text = fc.oneof(fc.string({ unit: alphabet, maxLength: 80 }), fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 600 }));
    fc.assert(fc.property(text, (s) => checkResult(s, parseExpression(s))), { numRuns: 2000 });
  });

  it('never throws on random token soup', () => {
    const token = fc.constantFrom('x', 'y', '2', '.5', '1e-3', 'pi', 'e', '+', '-', '*', '/', '^', '**', '(', ')', ',', 'sin(', 'min(', 'sqrt(', 'abs(', 'z');
    const soup = fc.tuple(fc.array(token, { maxLength: 40 }), fc.constantFrom('', ' ')).map(([t, sep]) => t.join(sep));
    fc.assert(
      fc.property(soup, (s) => {
        const r = parseExpression(s);
        checkResult(s, r);
        // What parses prints to text that parses to the same tree.
        if (r.ok) expect(withoutColumns(parseOk(formatExpression(r.tree)))).toEqual(withoutColumns(r.tree));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips random trees through formatExpression', () => {
    fc.assert(
      fc.property(arbitraryTree, (tree) => {
        const text = formatExpression(tree);
        fc.pre(text.length <= MAX_LENGTH);
        expect(withoutColumns(parseOk(text))).toEqual(tree);
      }),
      { numRuns: 1000 },
    );
  });
});

function parseOk(text: string) {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.tree;
}
