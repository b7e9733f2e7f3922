// Tick labels for the plot's axes, formatted relative to the view so that they stay short at any
// zoom: plain numbers where they fit ("−1.5", "2,000"); exponent form far from 1 ("−6e5");
// and, deep in a zoom far from the origin (where plain labels read "−0.1291530", "−0.1291528"
// and overlap), offsets from one reference value that the axis title carries ("x + 0.12915").
import { format, precisionFixed, tickStep, ticks } from 'd3';

export interface AxisTicks {
  values: number[];
  labels: string[];
  /** Subtracted from every value before it is labelled (0: the labels are the values). */
  offset: number;
}

/** The span is this small next to the values: only offsets tell the ticks apart. */
const OFFSET_RATIO = 1e-3;

const minus = (s: string) => s.replace(/-/g, '−');

/** Exponent form without the "+" and trailing zeros: "6e5", "−2.5e−7". */
function exponent(v: number, digits: number): string {
  if (v === 0) return '0';
  const [mantissa, exp] = v.toExponential(digits).split('e');
  return minus(`${Number(mantissa)}e${Number(exp)}`);
}

function fits(labels: string[], maxChars: number): boolean {
  return labels.every((l) => l.length <= maxChars);
}

/** Digits after the point that keep `n` ticks `step` apart distinct in exponent form. */
function exponentDigits(values: number[], step: number): number {
  const top = Math.max(...values.map(Math.abs));
  if (!(top > 0) || !(step > 0)) return 0;
  return Math.max(0, Math.min(6, Math.round(Math.log10(top) - Math.log10(step))));
}

/** At most `count` ticks over `domain`, with labels of at most `maxChars` characters where possible. */
export function axisTicks(domain: readonly [number, number], count: number, maxChars: number): AxisTicks {
  const [a, b] = domain;
  const values = ticks(a, b, count);
  if (values.length === 0) return { values, labels: [], offset: 0 };
  const step = values.length > 1 ? values[1] - values[0] : Math.abs(tickStep(a, b, count));
  const plain = values.map(format(`,.${precisionFixed(step)}f`));
  if (fits(plain, maxChars)) return { values, labels: plain, offset: 0 };
  const centre = (a + b) / 2;
  if (Math.abs(b - a) < OFFSET_RATIO * Math.abs(centre)) {
    // The reference: a tick near the middle, so that the offsets are small and symmetric.
    const offset = values[Math.floor(values.length / 2)];
    const rel = values.map((v) => v - offset);
    const labels = rel.map((r) => (Math.abs(r) < step / 2 ? '0' : exponent(r, exponentDigits(rel, step))));
    return { values, labels, offset };
  }
  return { values, labels: values.map((v) => exponent(v, exponentDigits(values, step))), offset: 0 };
}

/** The axis title: "x", or "x + 0.12915" when the labels are offsets from 0.12915 below zero. */
export function axisTitle(name: string, offset: number, step: number): string {
  if (offset === 0) return name;
  // Enough digits that the reference is exact to a tenth of a tick step.
  const digits = Math.max(0, precisionFixed(step / 10));
  const text = Math.abs(offset).toFixed(Math.min(digits, 20));
  return `${name} ${offset < 0 ? '+' : '−'} ${text}`;
}
