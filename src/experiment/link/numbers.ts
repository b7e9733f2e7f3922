// Numbers in the link: written as the shortest decimal that reads back to the same double
// (String(n)), so every number round-trips exactly; -0 keeps its sign.

export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

// One unambiguous alternative per shape, so the regex runs in linear time on hostile input.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A number token as a number, or the token itself when it is not a decimal number: the schema
 * then rejects it with its own message ("must be a number", "must be a finite number").
 * Number() alone is too lax: it reads "" and " " as 0 and "0x10" as 16.
 */
export function parseNumber(token: string): number | string {
  if (DECIMAL.test(token)) return Number(token);
  if (token === 'NaN') return NaN;
  if (token === 'Infinity' || token === '+Infinity') return Infinity;
  if (token === '-Infinity') return -Infinity;
  return token;
}

/** A list of numbers separated by ';' ("" is the empty list). */
export function parseNumberList(token: string): (number | string)[] {
  return token === '' ? [] : token.split(';').map(parseNumber);
}

/** An optimizer parameter: true/false, a pair "a;b", or a number. Its type is the schema's business. */
export function parseParamValue(token: string): number | string | boolean | (number | string)[] {
  if (token === 'true') return true;
  if (token === 'false') return false;
  if (token.includes(';')) return parseNumberList(token);
  return parseNumber(token);
}

export function formatParamValue(value: unknown): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.map((x) => formatNumber(Number(x))).join(';');
  return String(value);
}
