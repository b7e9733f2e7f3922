#!/usr/bin/env python3
"""Reference trajectories from torch.optim for src/optim/optimizers/torchFixtures.test.ts.

Run with Debian's interpreter, which has python3-torch:  /usr/bin/python3 scripts/gen_torch_fixtures.py
Writes fixtures/torch/*.json. Everything is float64 (torch.set_default_dtype), so that torch's
scalar state (step counters, NAdam's mu_product) is float64 too, as in the TypeScript engine.

Each run follows experiment-v1.md's "Semantics of one run": at x_t, the gradient (autograd on
the surface's closed form), clip_grad_norm_ if the run clips, optimizer.step(), then
scheduler.step(); the points x_0 .. x_T are recorded.

torch here is Debian's 1.13. Its NAdam has the mu_product bug that 2.0 fixed
(mu_product_next = mu_product * mu * mu_next); the engine follows 2.x, so NAdam below is a
hand-written transcription of 2.x's _single_tensor_nadam (class NAdam2). The transcription is
checked against torch 1.13's own NAdam by switching the bug back on (check_nadam_transcription).
The other optimizers are torch's own classes; 1.13 updates some moving averages with
mul_/add_ where 2.x uses lerp_, which differs by rounding only (the tests allow 1e-9).
"""
import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'torch')
STEPS = 200

# The catalogue's closed forms (src/surfaces/catalogue), differentiated by autograd.
SURFACES = {
    'rosenbrock': lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    'himmelblau': lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    'doubleWell': lambda x, y: x * x / 2 + (y * y - 1) ** 2 / 4,
    'beale': lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y * y * y) ** 2,
}
# Two starts per surface; case k uses starts[k % 2]. Learning rates by kind of method: plain
# gradient steps, momentum, and adaptive methods (whose step is about lr per coordinate); RAdam's
# first steps (rho_t <= 5) are bias-corrected momentum steps of size lr * |g|, hence its own.
STARTS = {
    'rosenbrock': [(-1.5, 1.5), (0.5, -0.5)],
    'himmelblau': [(0.5, -1.5), (-1.0, 1.0)],
    'doubleWell': [(1.5, 0.01), (-1.2, 0.5)],
    'beale': [(1.0, 1.5), (2.0, 0.2)],
}
LR = {
    'rosenbrock': {'gd': 5e-4, 'mom': 1e-4, 'ada': 0.02, 'radam': 1e-3},
    'himmelblau': {'gd': 5e-3, 'mom': 1e-3, 'ada': 0.05, 'radam': 0.01},
    'doubleWell': {'gd': 0.1, 'mom': 0.02, 'ada': 0.05, 'radam': 0.05},
    'beale': {'gd': 1e-3, 'mom': 2e-4, 'ada': 0.02, 'radam': 5e-3},
}


def nadam_2x_step(p, grad, state, lr, beta1, beta2, eps, weight_decay, momentum_decay, buggy=False):
    """torch 2.x _single_tensor_nadam for one tensor (differentiable = capturable = False)."""
    state['step'] += 1
    step = state['step']
    exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
    bias_correction2 = 1 - beta2 ** step
    if weight_decay != 0:
        grad = grad.add(p, alpha=weight_decay)
    mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
    mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
    state['mu_product'] *= mu
    mu_product = state['mu_product']
    # 2.x: mu_product * mu_next. buggy=True is 1.13's mu_product * mu * mu_next (for the check).
    mu_product_next = mu_product * mu * mu_next if buggy else mu_product * mu_next
    if buggy:  # 1.13 updates exp_avg with mul_/add_, 2.x with lerp_
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
    else:
        exp_avg.lerp_(grad, 1 - beta1)
    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    denom = exp_avg_sq.div(bias_correction2).sqrt().add_(eps)
    p.addcdiv_(grad, denom, value=(-lr * (1. - mu) / (1. - mu_product)))
    p.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1. - mu_product_next))


class NAdam2(torch.optim.Optimizer):
    """torch.optim.NAdam as in 2.x (see nadam_2x_step); mu_product is a float64 scalar."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3, buggy=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay, buggy=buggy))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group['params']:
                state = self.state[p]
                if not state:
                    state.update(step=0, mu_product=1.0, exp_avg=torch.zeros_like(p), exp_avg_sq=torch.zeros_like(p))
                b1, b2 = group['betas']
                nadam_2x_step(p, p.grad, state, group['lr'], b1, b2, group['eps'], group['weight_decay'],
                              group['momentum_decay'], group['buggy'])


def torch_kwargs(params):
    """Experiment parameter names (camelCase) to torch's keyword arguments."""
    names = {'weightDecay': 'weight_decay', 'lrDecay': 'lr_decay', 'initialAccumulatorValue': 'initial_accumulator_value',
             'momentumDecay': 'momentum_decay'}
    return {names.get(k, k): (tuple(v) if isinstance(v, list) else v) for k, v in params.items()}


OPTIMIZERS = {
    'sgd': lambda ps, kw: torch.optim.SGD(ps, foreach=False, **kw),
    'adagrad': lambda ps, kw: torch.optim.Adagrad(ps, foreach=False, **kw),
    'rmsprop': lambda ps, kw: torch.optim.RMSprop(ps, foreach=False, **kw),
    'adadelta': lambda ps, kw: torch.optim.Adadelta(ps, foreach=False, **kw),
    'adam': lambda ps, kw: torch.optim.Adam(ps, foreach=False, **kw),
    'adamw': lambda ps, kw: torch.optim.AdamW(ps, foreach=False, **kw),
    'adamax': lambda ps, kw: torch.optim.Adamax(ps, foreach=False, **kw),
    'nadam': lambda ps, kw: NAdam2(ps, **kw),
    'radam': lambda ps, kw: torch.optim.RAdam(ps, foreach=False, **kw),
}


def scheduler(opt, schedule):
    if schedule is None or schedule['kind'] == 'constant':
        return None
    k = schedule['kind']
    if k == 'step':
        return torch.optim.lr_scheduler.StepLR(opt, step_size=schedule['stepSize'], gamma=schedule['gamma'])
    if k == 'exponential':
        return torch.optim.lr_scheduler.ExponentialLR(opt, gamma=schedule['gamma'])
    if k == 'cosine':
        return torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=schedule['tMax'], eta_min=schedule['etaMin'])
    if k == 'inverseTime':
        decay = schedule['decay']
        return torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=lambda t: 1.0 / (1.0 + decay * t))
    raise ValueError(k)


def trajectory(surface, optimizer, params, start, steps, clip, schedule, opt_class, jitter=False):
    """x_0 .. x_T interleaved, the learning rate and the (clipped) gradient of every step.
    jitter: after every step, scale x by (1 +- 2^-52) (a rounding error, alternating in sign)."""
    p = torch.tensor(start, requires_grad=True)
    opt = (opt_class or OPTIMIZERS[optimizer])([p], torch_kwargs(params))
    sched = scheduler(opt, schedule)
    points, lrs, grads = [float(p[0]), float(p[1])], [], []
    for _ in range(steps):
        opt.zero_grad()
        SURFACES[surface](p[0], p[1]).backward()
        if clip is not None:
            torch.nn.utils.clip_grad_norm_([p], clip)
        lrs.append(opt.param_groups[0]['lr'])
        grads += [float(p.grad[0]), float(p.grad[1])]
        opt.step()
        if sched is not None:
            sched.step()
        if jitter:
            with torch.no_grad():
                p.mul_(1 + (-1) ** len(lrs) * 2.0 ** -52)
        points += [float(p[0]), float(p[1])]
    return points, lrs, grads


def parting_step(a, b, tol=1e-12):
    """First step where two trajectories differ by more than tol (relative to max(1, |x|)), or None."""
    for i, (u, v) in enumerate(zip(a, b)):
        if abs(u - v) > tol * max(1.0, abs(u)):
            return i // 2
    return None


def run(surface, optimizer, params, start, steps=STEPS, clip=None, schedule=None, opt_class=None):
    points, lrs, grads = trajectory(surface, optimizer, params, start, steps, clip, schedule, opt_class)
    assert all(math.isfinite(v) and abs(v) < 100 for v in points), f'{surface} {optimizer} {params} left the plot'
    case = {'surface': surface, 'optimizer': optimizer, 'params': params, 'start': list(start), 'steps': steps}
    if clip is not None:
        case['clip'] = clip
    if schedule is not None:
        case['schedule'] = schedule
        case['lrs'] = lrs
    # Sensitivity: the same run with a rounding error put into x after every step. Where the two
    # part, the trajectory amplifies rounding (an adaptive method chattering across a valley,
    # say), and no float64 implementation that rounds differently anywhere (autograd vs
    # closed-form gradient, FMA, 1.13's mul_/add_ vs 2.x's lerp_) can follow it further. For such
    # runs the fixture records the step where they part ('horizon') and the gradients torch used,
    # so that the test compares the engine up to there, and the optimizer alone, fed torch's
    # gradients, over every step.
    twin = trajectory(surface, optimizer, params, start, steps, clip, schedule, opt_class, jitter=True)[0]
    h = parting_step(points, twin)
    if h is not None:
        case['horizon'] = h
        case['grads'] = grads
    case['points'] = points  # interleaved x, y of x_0 .. x_T
    return case


def check_nadam_transcription():
    """The 2.x transcription with 1.13's bug switched back on must reproduce torch 1.13's NAdam."""
    for wd in (0, 0.1):
        kw = {'lr': 0.05, 'weightDecay': wd, 'momentumDecay': 0.01}
        ours = run('himmelblau', 'nadam', kw, (0.0, -1.0), opt_class=lambda ps, k: NAdam2(ps, buggy=True, **k))
        theirs = run('himmelblau', 'nadam', kw, (0.0, -1.0), opt_class=lambda ps, k: torch.optim.NAdam(ps, **k))
        assert ours['points'] == theirs['points'], 'NAdam transcription does not reproduce torch 1.13'


# Every flag of every optimizer with a torch counterpart. lr: a key of LR or a number.
FAMILIES = {
    'sgd': [('gd', {}), ('mom', {'momentum': 0.9}), ('mom', {'momentum': 0.9, 'dampening': 0.5}),
            ('mom', {'momentum': 0.9, 'nesterov': True}), ('gd', {'weightDecay': 0.1}),
            ('mom', {'momentum': 0.5, 'weightDecay': 0.05, 'nesterov': True})],
    'adagrad': [(0.1, {}), (0.1, {'lrDecay': 0.01}), (0.1, {'initialAccumulatorValue': 0.5}),
                (0.1, {'weightDecay': 0.1, 'eps': 1e-6})],
    'rmsprop': [('ada', {}), ('ada', {'centered': True}), ('mom', {'momentum': 0.9}),
                ('mom', {'momentum': 0.5, 'centered': True, 'eps': 1e-6}), ('ada', {'weightDecay': 0.1, 'alpha': 0.9})],
    'adadelta': [(1.0, {}), (1.0, {'rho': 0.95, 'eps': 1e-4}), (0.5, {'weightDecay': 0.1})],
    'adam': [('ada', {}), ('ada', {'amsgrad': True}), ('ada', {'weightDecay': 0.1}),
             ('ada', {'betas': [0.8, 0.99], 'eps': 1e-6, 'amsgrad': True})],
    'adamw': [('ada', {}), ('ada', {'amsgrad': True, 'weightDecay': 0.5}),
              ('ada', {'weightDecay': 0, 'betas': [0.85, 0.995], 'eps': 1e-6})],
    'adamax': [('ada', {}), ('ada', {'weightDecay': 0.1, 'betas': [0.8, 0.99], 'eps': 1e-4})],
    'nadam': [('ada', {}), ('ada', {'momentumDecay': 0.01}), ('ada', {'weightDecay': 0.1, 'betas': [0.8, 0.99], 'eps': 1e-6})],
    'radam': [('radam', {}), ('radam', {'weightDecay': 0.1}), ('radam', {'betas': [0.9, 0.99], 'eps': 1e-6})],
}

# Schedules and clipping, on one surface each (the optimizers are covered above).
EXTRAS = [
    ('rosenbrock', 'sgd', 'gd', {}, None, {'kind': 'step', 'stepSize': 30, 'gamma': 0.5}),
    ('himmelblau', 'adam', 'ada', {}, None, {'kind': 'exponential', 'gamma': 0.99}),
    ('doubleWell', 'sgd', 'mom', {'momentum': 0.9}, None, {'kind': 'cosine', 'tMax': 50, 'etaMin': 1e-3}),
    ('beale', 'sgd', 'gd', {}, None, {'kind': 'cosine', 'tMax': 7, 'etaMin': 0}),
    ('himmelblau', 'rmsprop', 'ada', {}, None, {'kind': 'inverseTime', 'decay': 0.05}),
    ('rosenbrock', 'sgd', 1e-3, {}, 1.0, None),
    ('rosenbrock', 'adam', 'ada', {}, 0.5, None),
    ('himmelblau', 'sgd', 'mom', {'momentum': 0.9}, 10.0, None),
    ('beale', 'nadam', 'ada', {}, 2.0, {'kind': 'step', 'stepSize': 40, 'gamma': 0.7}),
]

# Schedules alone, long: the learning rate torch gives at every step (no optimizer state matters).
SCHEDULES = [
    {'kind': 'step', 'stepSize': 7, 'gamma': 0.9},
    {'kind': 'exponential', 'gamma': 0.995},
    {'kind': 'inverseTime', 'decay': 0.3},
    {'kind': 'cosine', 'tMax': 100, 'etaMin': 0},
    {'kind': 'cosine', 'tMax': 13, 'etaMin': 0.09},
    {'kind': 'cosine', 'tMax': 1, 'etaMin': 0.01},
]


def schedule_lrs(schedule, base=0.1, steps=1000):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=base)
    sched = scheduler(opt, schedule)
    lrs = []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]['lr'])
        opt.step()
        sched.step()
    return {'schedule': schedule, 'base': base, 'lrs': lrs}


def lr_of(kind, surface):
    return LR[surface][kind] if isinstance(kind, str) else kind


def write(name, cases):
    doc = {'generator': 'scripts/gen_torch_fixtures.py', 'torch': torch.__version__, 'dtype': 'float64', 'cases': cases}
    with open(os.path.join(OUT, name + '.json'), 'w') as f:
        json.dump(doc, f, separators=(',', ':'))
        f.write('\n')


def main():
    os.makedirs(OUT, exist_ok=True)
    check_nadam_transcription()
    for optimizer, variants in FAMILIES.items():
        cases = []
        for k, (lr, extra) in enumerate(variants):
            for surface in SURFACES:
                params = {'lr': lr_of(lr, surface), **extra}
                cases.append(run(surface, optimizer, params, STARTS[surface][k % 2]))
        write(optimizer, cases)
    extras = []
    for surface, optimizer, lr, extra, clip, schedule in EXTRAS:
        params = {'lr': lr_of(lr, surface), **extra}
        extras.append(run(surface, optimizer, params, STARTS[surface][0], clip=clip, schedule=schedule))
    write('schedules_clip', extras)
    write('lr_schedules', [schedule_lrs(s) for s in SCHEDULES])
    print('fixtures written to', os.path.normpath(OUT), file=sys.stderr)


if __name__ == '__main__':
    main()
