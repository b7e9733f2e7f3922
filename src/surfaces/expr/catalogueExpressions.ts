// Every catalogue surface written in the expression syntax. The tests check each against its
// closed form (f, gradient and Hessian), which tests the parser and the differentiation on
// real surfaces; the UI can also offer these as starting points for a custom surface.
import type { SurfaceId } from '../../experiment/types';

export const CATALOGUE_EXPRESSIONS: Readonly<Record<SurfaceId, string>> = {
  rosenbrock: '(1 - x)^2 + 100*(y - x^2)^2',
  himmelblau: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  beale: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
  booth: '(x + 2*y - 7)^2 + (2*x + y - 5)^2',
  matyas: '0.26*(x^2 + y^2) - 0.48*x*y',
  threeHumpCamel: '2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2',
  sixHumpCamel: '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
  goldsteinPrice:
    '(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))' +
    ' * (30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))',
  rastrigin: '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
  ackley: '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20',
  styblinskiTang: '(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)/2',
  saddle: 'x^2 - y^2',
  monkeySaddle: 'x^3 - 3*x*y^2',
  doubleWell: 'x^2/2 + (y^2 - 1)^2/4',
};

/** Short examples for the custom-surface input; each one parses (a test checks). */
export const EXAMPLE_EXPRESSIONS: readonly { label: string; expr: string }[] = [
  { label: 'saddle with ripples', expr: 'x^2 - y^2 + 0.1*sin(3*x)' },
  { label: 'monkey saddle', expr: 'x^3 - 3*x*y^2' },
  { label: 'two minima and a saddle', expr: 'x^2/2 + (y^2 - 1)^2/4' },
  { label: 'Peano: a minimum on every line, yet no minimum', expr: '(y - x^2)*(y - 2*x^2)' },
  { label: 'ring of minima', expr: '(x^2 + y^2 - 1)^2' },
  { label: 'tilted egg crate', expr: 'sin(2*x)*cos(2*y) + 0.1*(x + y)' },
  { label: 'narrow valley', expr: 'log(1 + (1 - x)^2 + 100*(y - x^2)^2)' },
  { label: 'two wells of unequal width', expr: '-exp(-((x - 1)^2 + y^2)) - exp(-((x + 1)^2 + y^2)/0.5)' },
];
