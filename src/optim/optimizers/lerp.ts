// ATen's scalar lerp (aten/src/ATen/native/Lerp.h), which torch 2.x uses for the moving averages
// of Adam, AdamW, Adamax, NAdam, RAdam and centered RMSprop: two formulas, picked by the size of
// the weight, for accuracy at both ends.
export function lerp(self: number, end: number, weight: number): number {
  return Math.abs(weight) < 0.5 ? self + weight * (end - self) : end - (end - self) * (1 - weight);
}
