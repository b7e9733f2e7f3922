// Custom surfaces from a typed expression: the public API of src/surfaces/expr.
export type { BinaryOp, ExprNode, ParseResult, Variable } from './ast';
export { CATALOGUE_EXPRESSIONS, EXAMPLE_EXPRESSIONS } from './catalogueExpressions';
export { compileDerivatives, type DerivativeProgram } from './compileDerivatives';
export { CUSTOM_START, CUSTOM_VIEW, compileSurface, type CompileSurfaceResult } from './compileSurface';
export { compileValue, type ValueFn } from './compileValue';
export { evaluateTree } from './fold';
export { formatExpression } from './format';
export { type FunctionName } from './functions';
export { MAX_LENGTH, MAX_NESTING, parseExpression } from './parse';
export { GLSL_PRELUDE, type GlslNames, toGlsl } from './toGlsl';
