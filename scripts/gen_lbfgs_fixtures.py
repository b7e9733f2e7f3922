#!/usr/bin/env python3
"""Reference trajectories of torch.optim.LBFGS for src/optim/quasiNewton/lbfgs.test.ts.

Run with Debian's interpreter, which has python3-torch:  /usr/bin/python3 scripts/gen_lbfgs_fixtures.py
Writes fixtures/torch/lbfgs.json. Everything is float64.

One engine step is one torch step() with max_iter=1: the closure gives f and its gradient at the
current point, then one L-BFGS iteration runs (with the strong-Wolfe line search or a fixed
step), the history kept across steps. The closure's gradient is the catalogue's closed form
(transcribed below, and checked against autograd at every evaluation), so torch works on the
numbers the TypeScript surfaces give, and the test can require equal points: any difference is
then the optimizer's, not the gradient's.

torch's early exits are switched off, because the TypeScript module does not apply them inside a
step (the engine has its own stopping rules):
- tolerance_grad=-1.0: `flat_grad.abs().max() <= tolerance_grad` (return before any update) is
  never true;
- tolerance_change=-inf: `gtd > -tolerance_change` (break before moving) is never true. The
  line search does not read the group's tolerance_change (LBFGS calls _strong_wolfe with its
  default 1e-9), and the other checks that use it come after `n_iter == max_iter` breaks.

Each case records x_0 .. x_K (interleaved, K = STEPS unless a step gave a non-finite point),
torch's func_evals of each step, and 'converged': the first k with ||grad f(x_k)|| < 1e-6, or
null. Past it the steps are rounding noise (y's below 1e-10, line-search brackets below
tolerance), which still exercises those branches.

It also records direct calls of torch's _strong_wolfe ("lineSearch": start point, direction -grad f,
trial step t0 (t0Tensor: passed as a 0-dim tensor), max_ls; the accepted t, f, g and
ls_func_evals) for src/optim/lineSearch.test.ts.

The trajectories are the fixture's "cases": src/optim/optimizers/torchFixtures.test.ts replays
every "cases" entry of every file in fixtures/torch through the engine (points to 1e-9, and the
engine's evaluations per step equal to torch's func_evals), and
src/optim/quasiNewton/lbfgs.test.ts replays them through the L-BFGS module alone, bit for bit.
"""
import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'torch')
STEPS = 100
GRAD_STOP = 1e-6


# The catalogue's closed forms (src/surfaces/catalogue), f and gradient, transcribed with the
# catalogue's order of operations: on floats they give the TypeScript surfaces' numbers bit for
# bit, so torch's LBFGS here sees exactly the numbers the TypeScript module sees, and the test can
# ask for equal points. check_transcription compares them with autograd at every evaluation.
def rosenbrock(x, y):
    r = y - x * x
    return (1 - x) * (1 - x) + 100 * r * r, (-2 * (1 - x) - 4 * 100 * x * r, 2 * 100 * r)


def himmelblau(x, y):
    a = x * x + y - 11
    b = x + y * y - 7
    return a * a + b * b, (4 * x * a + 2 * b, 2 * a + 4 * y * b)


def beale(x, y):
    r1, r2, r3 = 1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y
    f = r1 * r1 + r2 * r2 + r3 * r3
    y2 = y * y
    y3 = y2 * y
    r1, r2, r3 = 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y3
    return f, (2 * (r1 * (y - 1) + r2 * (y2 - 1) + r3 * (y3 - 1)), 2 * x * (r1 + 2 * r2 * y + 3 * r3 * y2))


def six_hump_camel(x, y):
    x2 = x * x
    y2 = y * y
    f = (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2
    return f, (8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y, x - 8 * y + 16 * y * y * y)


SURFACES = {'rosenbrock': rosenbrock, 'himmelblau': himmelblau, 'beale': beale, 'sixHumpCamel': six_hump_camel}


def evaluate(surface, p):
    """f and its gradient (a new tensor) at the 2-tensor p, from the closed form, checked by autograd."""
    x, y = float(p[0]), float(p[1])
    f, g = SURFACES[surface](x, y)
    q = torch.tensor([x, y], requires_grad=True)
    f_auto = SURFACES[surface](q[0], q[1])[0]
    f_auto.backward()
    for u, v in zip(g, q.grad.tolist()):
        assert abs(u - v) <= 1e-10 * max(1.0, abs(v)), f'{surface} gradient transcription at {x, y}: {g} vs {q.grad}'
    assert abs(f - float(f_auto)) <= 1e-12 * max(1.0, abs(f)), f'{surface} f transcription at {x, y}'
    return f, torch.tensor(g)


# The catalogue's start first, then a second one.
STARTS = {
    'rosenbrock': [(-1.5, 1.5), (0.5, -0.5)],
    'himmelblau': [(0.0, -1.0), (-1.0, 1.0)],
    'beale': [(1.0, 1.5), (2.0, 0.2)],
    'sixHumpCamel': [(-1.5, -1.0), (1.2, 0.6)],
}
# (params, which start), on every surface. lr = 1 is torch's default; Himmelblau's short-history
# run with fixed steps of 1 leaves the plot, so it takes 0.5.
VARIANTS = [
    ({'lineSearch': 'strongWolfe'}, 0),
    ({'lineSearch': 'strongWolfe', 'historySize': 3}, 1),
    ({'lineSearch': 'none'}, 0),
    ({'lineSearch': 'none', 'historySize': 3}, 1),
]
LR = {('himmelblau', 3): 0.5}


def trajectory(surface, params, start):
    p = torch.tensor(start)
    opt = torch.optim.LBFGS([p], lr=params['lr'], max_iter=1, tolerance_grad=-1.0, tolerance_change=-math.inf,
                            history_size=params.get('historySize', 100),
                            line_search_fn='strong_wolfe' if params['lineSearch'] == 'strongWolfe' else None)

    def closure():
        f, p.grad = evaluate(surface, p)
        return f

    points, evals, converged = [float(p[0]), float(p[1])], [], None
    for k in range(STEPS):
        if converged is None and float(evaluate(surface, p)[1].norm()) < GRAD_STOP:
            converged = k
        before = opt.state[p].get('func_evals', 0)
        opt.step(closure)
        if not all(math.isfinite(float(v)) for v in p):
            break  # past convergence, rounding noise can make a step 0/0 (JSON has no NaN)
        evals.append(opt.state[p]['func_evals'] - before)
        points += [float(p[0]), float(p[1])]
    return points, evals, converged


def case(surface, params, start):
    points, evals, converged = trajectory(surface, params, start)
    name = f'{surface} {params} from {start}'
    assert all(abs(v) < 100 for v in points), f'{name} left the plot'
    print(f'{name}: {len(evals)} steps, {sum(evals)} evaluations, ||g|| < {GRAD_STOP} from step {converged}',
          file=sys.stderr)
    return {'surface': surface, 'optimizer': 'lbfgs', 'params': params, 'start': list(start), 'steps': len(evals),
            'converged': converged, 'evals': evals, 'points': points}


# Direct calls of torch's _strong_wolfe along -grad f, with trial steps from far too short (many
# extrapolations) to far too long (a long zoom), max_ls small enough to run out, and the trial
# step given as a Python float and as a 0-dim tensor (torch's arithmetic differs: see
# src/optim/lineSearch.ts).
LINE_SEARCH_POINTS = {
    'rosenbrock': [(-1.5, 1.5), (0.5, -0.5), (0.9, 0.8)],
    'himmelblau': [(0.0, -1.0), (-1.0, 1.0)],
    'beale': [(1.0, 1.5), (2.0, 0.2)],
    'sixHumpCamel': [(-1.5, -1.0), (1.2, 0.6)],
}
LINE_SEARCH_TRIALS = [1e-9, 1e-6, 1e-3, 0.1, 1.0, 30.0]
LINE_SEARCH_MAX_LS = [25, 3]


def line_search_cases():
    from torch.optim.lbfgs import _strong_wolfe
    cases = []
    for surface, points in LINE_SEARCH_POINTS.items():
        for point in points:
            for t in LINE_SEARCH_TRIALS:
                for max_ls, as_tensor in [(m, k) for m in LINE_SEARCH_MAX_LS for k in (False, True)]:
                    x0 = torch.tensor(point)
                    f, g = evaluate(surface, x0)
                    d = g.neg()

                    def obj_func(x_, t_, d_):  # as LBFGS._directional_evaluate: x + t d by add_
                        return evaluate(surface, x_.clone().add_(d_, alpha=t_))

                    t0 = torch.tensor(t) if as_tensor else t
                    f_new, g_new, t_new, evals = _strong_wolfe(obj_func, x0, t0, d, f, g, g.dot(d), max_ls=max_ls)
                    cases.append({'surface': surface, 'x': list(point), 't0': t, 't0Tensor': as_tensor, 'maxLs': max_ls,
                                  't': float(t_new),
                                  'f': f_new, 'g': [float(v) for v in g_new], 'evals': evals})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = []
    for surface in SURFACES:
        for k, (extra, which) in enumerate(VARIANTS):
            lr = LR.get((surface, k), 1.0)
            cases.append(case(surface, {'lr': lr, **extra}, STARTS[surface][which]))
    doc = {'generator': 'scripts/gen_lbfgs_fixtures.py', 'torch': torch.__version__, 'dtype': 'float64',
           'settings': {'max_iter': 1, 'tolerance_grad': -1.0, 'tolerance_change': '-inf', 'gradStop': GRAD_STOP},
           'cases': cases, 'lineSearch': line_search_cases()}
    with open(os.path.join(OUT, 'lbfgs.json'), 'w') as f:
        json.dump(doc, f, separators=(',', ':'))
        f.write('\n')
    print('written', os.path.normpath(os.path.join(OUT, 'lbfgs.json')), file=sys.stderr)


if __name__ == '__main__':
    main()
