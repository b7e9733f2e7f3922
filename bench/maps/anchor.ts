// The anchor of issue 19: the basin map of ericphanson/newtons-method (commit 73556f8), written
// here as that project runs it for fixed-step gradient descent, so its speed can be measured on
// this machine beside ours. Sources, read with the fetch tool:
//   src/utils/basinComputation.ts   computeBasinPoint / computeBasinIncremental (per pixel)
//   src/algorithms/gradient-descent.ts   runGradientDescent (per step)
//   src/algorithms/terminationUtils.ts   getTerminationMessage
//   src/problems/rosenbrock.tsx   objective (Math.pow), gradient, as closures over arrays
//   src/shared-utils.ts   norm, scale, add on number[]
// Kept: the per-pixel call with its parameter object spread, the arrays allocated per step, the
// iteration record pushed per step (with its copies), the summary and message per pixel, the
// pixel grid of computeBasinIncremental. Left out: requestAnimationFrame, the 10 ms frame
// budget and the console timing (browser scheduling, not computation), so this is, if anything,
// faster than the original. Its pixel-steps are counted as the number of iterations it records.

type Vec = number[];
interface ProblemFunctions {
  objective: (w: Vec) => number;
  gradient: (w: Vec) => Vec;
  dimensionality: number;
}

const dot = (a: Vec, b: Vec): number => a.reduce((sum, ai, i) => sum + ai * b[i], 0);
const norm = (v: Vec): number => Math.sqrt(dot(v, v));
const scale = (v: Vec, s: number): Vec => v.map((x) => x * s);
const add = (a: Vec, b: Vec): Vec => a.map((x, i) => x + b[i]);

export function rosenbrockProblem(b = 100): ProblemFunctions {
  return {
    // newtons-method uses Math.pow here (our engine may not: it needs the same bits everywhere)
    objective: (w) => Math.pow(1 - w[0], 2) + b * Math.pow(w[1] - w[0] * w[0], 2),
    gradient: (w) => {
      const [w0, w1] = w;
      return [-2 * (1 - w0) - 4 * b * w0 * (w1 - w0 * w0), 2 * b * (w1 - w0 * w0)];
    },
    dimensionality: 2,
  };
}

interface Iteration {
  iter: number;
  w: Vec;
  loss: number;
  grad: Vec;
  gradNorm: number;
  direction: Vec;
  alpha: number;
  wNew: Vec;
  newLoss: number;
}

function terminationMessage(criterion: string, gradNorm: number, gtol: number, maxIter: number): string {
  switch (criterion) {
    case 'gradient':
      return `First-order convergence: gradient norm ${gradNorm.toExponential(2)} < ${gtol.toExponential(2)}`;
    case 'maxiter':
      return `Not converged: maximum iterations (${maxIter}) reached (grad norm: ${gradNorm.toExponential(2)})`;
    default:
      return 'Diverged: NaN or Inf detected';
  }
}

function runGradientDescent(problem: ProblemFunctions, options: { maxIter: number; alpha: number; initialPoint: Vec; tolerance?: number }) {
  const { maxIter, alpha, initialPoint, tolerance = 1e-6 } = options;
  const iterations: Iteration[] = [];
  let w = initialPoint || [0.1, 0.1];
  for (let iter = 0; iter < maxIter; iter++) {
    const loss = problem.objective(w);
    const grad = problem.gradient(w);
    const gradNorm = norm(grad);
    const direction = scale(grad, -1);
    const wNew = add(w, scale(direction, alpha));
    const newLoss = problem.objective(wNew);
    iterations.push({ iter, w: [...w], loss, grad: [...grad], gradNorm, direction, alpha, wNew: [...wNew], newLoss });
    w = wNew;
    if (gradNorm < tolerance) break;
  }
  const last = iterations[iterations.length - 1];
  const finalGradNorm = last ? last.gradNorm : Infinity;
  const finalLoss = last ? last.newLoss : Infinity;
  const finalLocation = last ? last.wNew : w;
  const converged = finalGradNorm < tolerance;
  const diverged = !Number.isFinite(finalLoss) || !Number.isFinite(finalGradNorm);
  const criterion = diverged ? 'diverged' : converged ? 'gradient' : 'maxiter';
  const summary = {
    converged,
    diverged,
    stalled: false,
    finalLocation,
    finalLoss,
    finalGradNorm,
    iterationCount: iterations.length,
    convergenceCriterion: criterion,
    terminationMessage: terminationMessage(criterion, finalGradNorm, tolerance, maxIter),
  };
  return { iterations, summary };
}

interface BasinPoint {
  convergenceLoc: [number, number];
  iterations: number;
  converged: boolean;
  diverged: boolean;
  stalled: boolean;
}

function computeBasinPoint(initialPoint: [number, number], problem: ProblemFunctions, algorithmParams: Record<string, unknown>): BasinPoint {
  const { diagPrecondLineSearch, newtonLineSearch, ...params } = algorithmParams;
  void diagPrecondLineSearch;
  void newtonLineSearch;
  const result = runGradientDescent(problem, { ...(params as { maxIter: number; alpha: number }), initialPoint });
  return {
    convergenceLoc: result.summary.finalLocation.slice(0, 2) as [number, number],
    iterations: result.summary.iterationCount,
    converged: result.summary.converged,
    diverged: result.summary.diverged,
    stalled: result.summary.stalled,
  };
}

/**
 * Rows `rows` of the anchor's resolution x resolution basin map of GD on Rosenbrock over
 * [-2, 2] x [-1, 3] (its domain); returns the pixel-steps done.
 */
export function anchorBasinRows(resolution: number, rows: number, maxIter: number, alpha: number): number {
  const problem = rosenbrockProblem(100);
  const bounds = { minW0: -2, maxW0: 2, minW1: -1, maxW1: 3 };
  const grid: BasinPoint[][] = [];
  let work = 0;
  for (let i = 0; i < rows; i++) {
    grid.push([]);
    for (let j = 0; j < resolution; j++) {
      const w0 = bounds.minW0 + (j / (resolution - 1)) * (bounds.maxW0 - bounds.minW0);
      const w1 = bounds.minW1 + (i / (resolution - 1)) * (bounds.maxW1 - bounds.minW1);
      const point = computeBasinPoint([w0, w1], problem, { maxIter, alpha });
      grid[i][j] = point;
      work += point.iterations;
    }
  }
  return work;
}
