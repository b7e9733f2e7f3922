// Starting points for a custom surface, offered under the expression input (a datalist).
// The two that are catalogue surfaces read the entry's expression rather than a copy of it.
import { doubleWell } from '../catalogue/doubleWell';
import { monkeySaddle } from '../catalogue/monkeySaddle';

/** Each one compiles to finite values at the custom start (exampleExpressions.test.ts checks). */
export const EXAMPLE_EXPRESSIONS: readonly { label: string; expr: string }[] = [
  { label: 'saddle with ripples', expr: 'x^2 - y^2 + 0.1*sin(3*x)' },
  { label: 'monkey saddle', expr: monkeySaddle.expression },
  { label: 'two minima and a saddle', expr: doubleWell.expression },
  { label: 'Peano: a minimum on every line, yet no minimum', expr: '(y - x^2)*(y - 2*x^2)' },
  { label: 'ring of minima', expr: '(x^2 + y^2 - 1)^2' },
  { label: 'tilted egg crate', expr: 'sin(2*x)*cos(2*y) + 0.1*(x + y)' },
  { label: 'narrow valley', expr: 'log(1 + (1 - x)^2 + 100*(y - x^2)^2)' },
  { label: 'two wells of unequal width', expr: '-exp(-((x - 1)^2 + y^2)) - exp(-((x + 1)^2 + y^2)/0.5)' },
];
