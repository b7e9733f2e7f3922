// What a derivative program is made of, shared by its two orders: dual numbers (value and
// gradient, for grad, which the engine calls every step) and second-order jets (value,
// gradient and Hessian). Each node of the tree owns `stride` numbers of one Float64Array.
import type { SelectFunction, UnaryFunction } from './functions';

export type Step = () => void;

/** A compiled subtree: the step that fills its slot (NOTHING for x, y and numbers) and the slot. */
export interface Operand {
  run: Step;
  offset: number;
}

export const NOTHING: Step = () => {};

export interface StepSet {
  /** Numbers per slot: 3 (value, d/dx, d/dy) or 6 (and d2/dx2, d2/dxdy, d2/dy2). */
  stride: number;
  negate(t: Float64Array, A: Operand, o: number): Step;
  add(t: Float64Array, A: Operand, B: Operand, o: number): Step;
  subtract(t: Float64Array, A: Operand, B: Operand, o: number): Step;
  /** a + c, or a - c when subtract is set. */
  addConstant(t: Float64Array, A: Operand, c: number, subtract: boolean, o: number): Step;
  multiply(t: Float64Array, A: Operand, B: Operand, o: number): Step;
  multiplyConstant(t: Float64Array, A: Operand, c: number, o: number): Step;
  divide(t: Float64Array, A: Operand, B: Operand, o: number): Step;
  divideConstant(t: Float64Array, A: Operand, c: number, o: number): Step;
  unary(t: Float64Array, A: Operand, spec: UnaryFunction, o: number): Step;
  select(t: Float64Array, A: Operand, B: Operand, spec: SelectFunction, o: number): Step;
  /** u^c; `multiplied` when c is a small integer, computed with powInt as compileValue does. */
  powerConstant(t: Float64Array, A: Operand, c: number, o: number, multiplied: boolean): Step;
  power(t: Float64Array, A: Operand, B: Operand, o: number): Step;
}

/** g * d, except that a structurally zero derivative stays 0 even when g is infinite. */
export function scaled(g: number, d: number): number {
  return d === 0 ? 0 : g * d;
}
