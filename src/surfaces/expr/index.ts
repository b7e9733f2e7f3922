// Custom surfaces from a typed expression: the public API of src/surfaces/expr.
export type { BinaryOp, ExprNode, ParseResult, Variable } from './ast';
export { compileDerivatives, type DerivativeProgram } from './compileDerivatives';
export { CUSTOM_START, CUSTOM_VIEW, compileSurface, type CompileSurfaceResult } from './compileSurface';
export { compileValue, type ValueFn } from './compileValue';
export { EXAMPLE_EXPRESSIONS } from './exampleExpressions';
export { evaluateTree } from './fold';
export { type FunctionName } from './functions';
export { GLSL_PRELUDE, glslFloat } from './glsl';
export { MAX_LENGTH, MAX_NESTING, parseExpression } from './parse';
