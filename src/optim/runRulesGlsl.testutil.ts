// A tiny evaluator of the GLSL subset RUN_RULES_GLSL is written in, so a test can run the shader's
// text against the TS rules on a table of cases (runRulesGlsl.test.ts). Not a GLSL compiler: it
// knows scalar float/int/bool functions whose bodies are `if (e) return e;` and `return e;`,
// the operators ! - * / + - < <= > >= == != && || and calls of abs, max, min, spFinite and
// functions defined in the same text. Float arithmetic is rounded to float32 (Math.fround), as a
// highp float is; int arithmetic stays integral. With `nanCompares: true`, every comparison with
// a NaN operand is true: a GPU compiler may assume no NaN and rewrite !(a <= r) as a > r, so a
// rule must not rely on what a comparison does with NaN (spFinite tests the bits instead).

type Value = number | boolean;
type Expr =
  | { k: 'num'; v: number; int: boolean }
  | { k: 'var'; name: string }
  | { k: 'unary'; op: '!' | '-'; a: Expr }
  | { k: 'binary'; op: string; a: Expr; b: Expr }
  | { k: 'call'; name: string; args: Expr[] };
type Stmt = { cond: Expr | null; value: Expr };
interface Fn {
  ret: string;
  params: { type: string; name: string }[];
  body: Stmt[];
}

const TOKEN = /\s*(\d+\.\d*(?:e[+-]?\d+)?|\d+(?:e[+-]?\d+)?|[A-Za-z_]\w*|&&|\|\||<=|>=|==|!=|[-+*/<>!(){},;])/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  const text = src.replace(/\/\/[^\n]*/g, '');
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (/^\s*$/.test(text.slice(start))) break;
      throw new Error(`glsl subset: cannot read "${text.slice(start, start + 20)}"`);
    }
    out.push(m[1]);
  }
  return out;
}

const BINARY_LEVELS: string[][] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/']];

class Parser {
  private i = 0;
  constructor(private readonly tokens: string[]) {}

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private take(expected?: string): string {
    const t = this.tokens[this.i++];
    if (t === undefined || (expected !== undefined && t !== expected)) throw new Error(`glsl subset: expected ${expected ?? 'a token'}, got ${t}`);
    return t;
  }

  functions(): Map<string, Fn> {
    const fns = new Map<string, Fn>();
    while (this.peek() !== undefined) {
      const ret = this.take();
      const name = this.take();
      this.take('(');
      const params: Fn['params'] = [];
      while (this.peek() !== ')') {
        params.push({ type: this.take(), name: this.take() });
        if (this.peek() === ',') this.take(',');
      }
      this.take(')');
      this.take('{');
      const body: Stmt[] = [];
      while (this.peek() !== '}') {
        let cond: Expr | null = null;
        if (this.peek() === 'if') {
          this.take('if');
          this.take('(');
          cond = this.expr(0);
          this.take(')');
        }
        this.take('return');
        body.push({ cond, value: this.expr(0) });
        this.take(';');
      }
      this.take('}');
      fns.set(name, { ret, params, body });
    }
    return fns;
  }

  private expr(level: number): Expr {
    if (level === BINARY_LEVELS.length) return this.unary();
    let a = this.expr(level + 1);
    while (BINARY_LEVELS[level].includes(this.peek() ?? '')) {
      const op = this.take();
      a = { k: 'binary', op, a, b: this.expr(level + 1) };
    }
    return a;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t === '!' || t === '-') {
      this.take();
      return { k: 'unary', op: t, a: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.take();
    if (t === '(') {
      const e = this.expr(0);
      this.take(')');
      return e;
    }
    if (/^\d/.test(t)) return { k: 'num', v: Number(t), int: !/[.e]/.test(t) };
    if (this.peek() === '(') {
      this.take('(');
      const args: Expr[] = [];
      while (this.peek() !== ')') {
        args.push(this.expr(0));
        if (this.peek() === ',') this.take(',');
      }
      this.take(')');
      return { k: 'call', name: t, args };
    }
    return { k: 'var', name: t };
  }
}

/** A number as a GLSL value of `type` holds it: float32 for float, an integer for int. */
function coerce(type: string, v: Value): Value {
  if (type === 'float') return Math.fround(v as number);
  if (type === 'int') {
    if (!Number.isInteger(v)) throw new Error(`glsl subset: ${v} is not an int`);
    return v;
  }
  return v;
}

/** The functions defined in `src`, callable with JS numbers and booleans. */
export function glslFunctions(src: string, opts: { nanCompares?: boolean } = {}): (name: string, ...args: Value[]) => Value {
  const fns = new Parser(tokenize(src)).functions();
  const builtins: Record<string, (...a: number[]) => Value> = {
    abs: (a) => Math.abs(a),
    max: (a, b) => Math.max(a, b),
    min: (a, b) => Math.min(a, b),
    spFinite: (a) => Number.isFinite(a),
  };

  function evaluate(e: Expr, env: Map<string, { type: string; v: Value }>): { float: boolean; v: Value } {
    switch (e.k) {
      case 'num':
        return { float: !e.int, v: e.int ? e.v : Math.fround(e.v) };
      case 'var': {
        const bound = env.get(e.name);
        if (!bound) throw new Error(`glsl subset: unknown name ${e.name}`);
        return { float: bound.type === 'float', v: bound.v };
      }
      case 'unary': {
        const a = evaluate(e.a, env);
        return e.op === '!' ? { float: false, v: !a.v } : { float: a.float, v: -(a.v as number) };
      }
      case 'binary': {
        if (e.op === '&&' || e.op === '||') {
          const a = evaluate(e.a, env).v as boolean;
          if (e.op === '&&' ? !a : a) return { float: false, v: a };
          return { float: false, v: evaluate(e.b, env).v as boolean };
        }
        const a = evaluate(e.a, env);
        const b = evaluate(e.b, env);
        if (a.float !== b.float) throw new Error(`glsl subset: ${e.op} mixes int and float (GLSL ES 3.00 has no implicit conversion)`);
        const x = a.v as number;
        const y = b.v as number;
        const float = a.float;
        const arith = (r: number) => ({ float, v: float ? Math.fround(r) : Math.trunc(r) });
        if (opts.nanCompares && (Number.isNaN(x) || Number.isNaN(y)) && !'+-*/'.includes(e.op)) return { float: false, v: true };
        switch (e.op) {
          case '+': return arith(x + y);
          case '-': return arith(x - y);
          case '*': return arith(x * y);
          case '/': return arith(x / y);
          case '<': return { float: false, v: x < y };
          case '<=': return { float: false, v: x <= y };
          case '>': return { float: false, v: x > y };
          case '>=': return { float: false, v: x >= y };
          case '==': return { float: false, v: x === y };
          case '!=': return { float: false, v: x !== y };
        }
        throw new Error(`glsl subset: operator ${e.op}`);
      }
      case 'call': {
        const args = e.args.map((a) => evaluate(a, env));
        const builtin = builtins[e.name];
        if (builtin) {
          const v = builtin(...args.map((a) => a.v as number));
          return { float: typeof v === 'number', v: typeof v === 'number' ? Math.fround(v) : v };
        }
        return { float: fns.get(e.name)?.ret === 'float', v: call(e.name, args.map((a) => a.v)) };
      }
    }
  }

  function call(name: string, args: Value[]): Value {
    const fn = fns.get(name);
    if (!fn) throw new Error(`glsl subset: no function ${name}`);
    if (args.length !== fn.params.length) throw new Error(`glsl subset: ${name} takes ${fn.params.length} arguments`);
    const env = new Map(fn.params.map((p, k) => [p.name, { type: p.type, v: coerce(p.type, args[k]) }]));
    for (const s of fn.body) {
      if (s.cond === null || evaluate(s.cond, env).v === true) return coerce(fn.ret, evaluate(s.value, env).v);
    }
    throw new Error(`glsl subset: ${name} returned nothing`);
  }

  return (name, ...args) => call(name, args);
}
