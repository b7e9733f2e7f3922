// The shape of an optimizer's parameter table (names are torch.optim's, in camelCase; defaults
// are PyTorch's where PyTorch has the optimizer), and the specs several optimizers share. One
// table per optimizer, in its own module, serves the schema (validation), the link codec, the
// definition (defaults, via resolveParams) and the UI (which control to show).

export type ParamSpec =
  | { type: 'number'; default: number; min: number; max: number; log?: boolean; integer?: boolean; help: string }
  | { type: 'boolean'; default: boolean; help: string }
  | { type: 'pair'; default: [number, number]; min: number; max: number; help: string }
  /** One of a few named options (a link writes the name; the UI shows a select). */
  | { type: 'choice'; default: string; options: readonly string[]; help: string };

export interface OptimizerSpec {
  name: string;
  /** One line for the UI: what the method is and where it comes from. */
  about: string;
  params: Record<string, ParamSpec>;
}

const LR_MAX = 1e6;

export const lr = (d: number): ParamSpec => ({ type: 'number', default: d, min: 0, max: LR_MAX, log: true, help: 'learning rate' });

export const weightDecay = (d = 0): ParamSpec => ({
  type: 'number', default: d, min: 0, max: 1e3, help: 'L2 penalty added to the gradient (decoupled for AdamW)',
});

export const eps = (d: number): ParamSpec => ({ type: 'number', default: d, min: 0, max: 1, log: true, help: 'term added to the denominator for numerical stability' });

export const betas = (): ParamSpec => ({ type: 'pair', default: [0.9, 0.999], min: 0, max: 0.999999, help: 'decay rates of the first and second moment estimates' });

export const momentum = (): ParamSpec => ({ type: 'number', default: 0, min: 0, max: 1, help: 'momentum factor' });

export const amsgrad = (): ParamSpec => ({ type: 'boolean', default: false, help: 'use the maximum of past second moments (AMSGrad)' });
