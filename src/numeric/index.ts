// Public entry of the deterministic math library; see detMath.ts for why it exists.
export { detMath } from './detMath';
export type { DetMath } from './detMath';
export { exp, expm1 } from './exp';
export { log, log1p, log2, log10 } from './log';
export { sin, cos, tan } from './trig';
export { asin, acos, atan, atan2 } from './inverseTrig';
export { sinh, cosh, tanh } from './hyperbolic';
export { pow } from './pow';
