// The parameters of every optimizer: names (torch.optim's, in camelCase), defaults and limits.
// One table serves the schema (validation), the optimizer definitions (defaults) and the UI
// (which control to show). Defaults are PyTorch's where PyTorch has the optimizer.
import type { OptimizerId, ParamValue } from './types';

export type ParamSpec =
  | { type: 'number'; default: number; min: number; max: number; log?: boolean; integer?: boolean; help: string }
  | { type: 'boolean'; default: boolean; help: string }
  | { type: 'pair'; default: [number, number]; min: number; max: number; help: string };

export interface OptimizerSpec {
  name: string;
  /** One line for the UI: what the method is and where it comes from. */
  about: string;
  params: Record<string, ParamSpec>;
}

const LR_MAX = 1e6;
const lr = (d: number): ParamSpec => ({ type: 'number', default: d, min: 0, max: LR_MAX, log: true, help: 'learning rate' });
const weightDecay = (d = 0): ParamSpec => ({
  type: 'number', default: d, min: 0, max: 1e3, help: 'L2 penalty added to the gradient (decoupled for AdamW)',
});
const eps = (d: number): ParamSpec => ({ type: 'number', default: d, min: 0, max: 1, log: true, help: 'term added to the denominator for numerical stability' });
const betas = (): ParamSpec => ({ type: 'pair', default: [0.9, 0.999], min: 0, max: 0.999999, help: 'decay rates of the first and second moment estimates' });

export const OPTIMIZER_SPECS: Record<OptimizerId, OptimizerSpec> = {
  sgd: {
    name: 'SGD',
    about: 'Gradient descent, with optional (Nesterov) momentum: torch.optim.SGD.',
    params: {
      lr: lr(1e-3),
      momentum: { type: 'number', default: 0, min: 0, max: 1, help: 'momentum factor' },
      dampening: { type: 'number', default: 0, min: 0, max: 1, help: 'dampening for momentum' },
      nesterov: { type: 'boolean', default: false, help: 'Nesterov momentum (needs momentum > 0 and dampening = 0)' },
      weightDecay: weightDecay(),
    },
  },
  adagrad: {
    name: 'Adagrad',
    about: 'Per-coordinate steps scaled by the sum of past squared gradients: torch.optim.Adagrad.',
    params: {
      lr: lr(1e-2),
      lrDecay: { type: 'number', default: 0, min: 0, max: 1e3, help: 'learning-rate decay' },
      initialAccumulatorValue: { type: 'number', default: 0, min: 0, max: 1e6, help: 'starting value of the squared-gradient sum' },
      eps: eps(1e-10),
      weightDecay: weightDecay(),
    },
  },
  rmsprop: {
    name: 'RMSprop',
    about: 'Steps scaled by a moving average of squared gradients: torch.optim.RMSprop.',
    params: {
      lr: lr(1e-2),
      alpha: { type: 'number', default: 0.99, min: 0, max: 1, help: 'smoothing constant' },
      eps: eps(1e-8),
      momentum: { type: 'number', default: 0, min: 0, max: 1, help: 'momentum factor' },
      centered: { type: 'boolean', default: false, help: 'normalize by the estimated variance of the gradient' },
      weightDecay: weightDecay(),
    },
  },
  adadelta: {
    name: 'Adadelta',
    about: 'Steps scaled by the ratio of running RMS of updates and gradients: torch.optim.Adadelta.',
    params: {
      lr: lr(1.0),
      rho: { type: 'number', default: 0.9, min: 0, max: 1, help: 'decay of the running averages' },
      eps: eps(1e-6),
      weightDecay: weightDecay(),
    },
  },
  adam: {
    name: 'Adam',
    about: 'Bias-corrected first and second moment estimates: torch.optim.Adam.',
    params: {
      lr: lr(1e-3),
      betas: betas(),
      eps: eps(1e-8),
      amsgrad: { type: 'boolean', default: false, help: 'use the maximum of past second moments (AMSGrad)' },
      weightDecay: weightDecay(),
    },
  },
  adamw: {
    name: 'AdamW',
    about: 'Adam with decoupled weight decay: torch.optim.AdamW.',
    params: {
      lr: lr(1e-3),
      betas: betas(),
      eps: eps(1e-8),
      amsgrad: { type: 'boolean', default: false, help: 'use the maximum of past second moments (AMSGrad)' },
      weightDecay: weightDecay(1e-2),
    },
  },
  adamax: {
    name: 'Adamax',
    about: 'Adam with the infinity norm in place of the second moment: torch.optim.Adamax.',
    params: { lr: lr(2e-3), betas: betas(), eps: eps(1e-8), weightDecay: weightDecay() },
  },
  nadam: {
    name: 'NAdam',
    about: 'Adam with Nesterov momentum and a momentum schedule: torch.optim.NAdam (2.x).',
    params: {
      lr: lr(2e-3),
      betas: betas(),
      eps: eps(1e-8),
      momentumDecay: { type: 'number', default: 4e-3, min: 0, max: 1, help: 'momentum decay (psi)' },
      weightDecay: weightDecay(),
    },
  },
  radam: {
    name: 'RAdam',
    about: 'Adam with a rectified adaptive learning rate: torch.optim.RAdam.',
    params: { lr: lr(1e-3), betas: betas(), eps: eps(1e-8), weightDecay: weightDecay() },
  },
  pgd: {
    name: 'Perturbed GD',
    about: 'Gradient descent that adds a random kick from a ball when the gradient is small (Jin et al. 2017).',
    params: {
      lr: lr(0.05),
      radius: { type: 'number', default: 0.1, min: 0, max: 1e3, log: true, help: 'radius of the perturbation ball' },
      gThreshold: { type: 'number', default: 1e-3, min: 0, max: 1e3, log: true, help: 'perturb when ||grad f|| is at most this' },
      tThreshold: { type: 'number', default: 200, min: 1, max: 100_000, integer: true, help: 'steps to wait after a perturbation before the next' },
    },
  },
  noisySgd: {
    name: 'Noisy GD',
    about: 'Gradient descent plus isotropic Gaussian noise every step (Ge et al. 2015).',
    params: {
      lr: lr(0.05),
      sigma: { type: 'number', default: 0.01, min: 0, max: 1e3, log: true, help: 'standard deviation of the noise added to the gradient' },
    },
  },
  newton: {
    name: 'Newton',
    about: "Damped Newton's method: x <- x - lr (H + damping I)^-1 grad f. Attracted to saddles.",
    params: {
      lr: lr(1),
      damping: { type: 'number', default: 0, min: 0, max: 1e6, help: "added to the Hessian's diagonal" },
    },
  },
  cubic: {
    name: 'Cubic Newton',
    about: 'Cubic-regularized Newton (Nesterov and Polyak 2006): minimizes the cubic model exactly; escapes strict saddles.',
    params: {
      lr: lr(1),
      M: { type: 'number', default: 10, min: 1e-9, max: 1e9, log: true, help: 'Lipschitz constant of the Hessian (cubic weight M/6)' },
    },
  },
};

/** The full parameter set of a run: its own values over the table's defaults. */
export function resolveParams(optimizer: OptimizerId, params: Record<string, ParamValue> | undefined): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(OPTIMIZER_SPECS[optimizer].params)) {
    const given = params?.[name];
    out[name] = given === undefined ? (Array.isArray(spec.default) ? [...spec.default] : spec.default) : given;
  }
  return out;
}
