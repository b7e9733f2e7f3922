// A 2D test surface: value, gradient and Hessian in closed form, in float64.
// Gradient and Hessian write into caller-owned arrays so the engine's hot loop allocates nothing.

export interface Window2 {
  x: [number, number];
  y: [number, number];
}

export interface Surface {
  /** Catalogue id, or 'custom' for a typed expression. */
  id: string;
  name: string;
  /** The formula as plain text, for display. */
  formula: string;
  /** One sentence on what this surface teaches. */
  teaches: string;
  /** Default view window (the domain of critical-points.json for catalogue surfaces). */
  view: Window2;
  /** Default start of a run. */
  start: [number, number];
  /** Global minimum value where known (for the f - f* chart). */
  globalMin?: number;
  f(x: number, y: number): number;
  /** out[0] = df/dx, out[1] = df/dy. */
  grad(x: number, y: number, out: Float64Array): void;
  /** out[0] = d2f/dx2, out[1] = d2f/dxdy, out[2] = d2f/dy2. */
  hessian(x: number, y: number, out: Float64Array): void;
}
