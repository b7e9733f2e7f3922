// The objective a network run minimizes: the mean logistic loss over the training split plus the
// problem's regularization Omega(w) = l1 ||w||_1 + (l2 / 2) ||w||^2 over every parameter, biases
// included (as torch's weight_decay and as the surfaces' Omega over every coordinate). The L1
// subgradient at 0 is 0; its Hessian is 0 almost everywhere, so only l2 I enters H.
import type { Regularization } from '../experiment/types';
import type { PointSet } from './datasets';
import { hessianVector, type HvpWork, hvpWork } from './hvp';
import { backward, forward, type Mlp, type MlpWork, mlpWork } from './mlp';

export interface Evaluation {
  /** Mean logistic loss plus Omega. */
  loss: number;
  /** Fraction of samples classified right (logit > 0 means class 1). */
  accuracy: number;
}

export class NetObjective {
  readonly dim: number;
  readonly l1: number;
  readonly l2: number;
  private readonly work: MlpWork;
  private hw: HvpWork | null = null;

  constructor(
    readonly net: Mlp,
    readonly train: PointSet,
    readonly heldOut: PointSet,
    reg: Regularization | undefined,
  ) {
    this.dim = net.weightCount;
    this.l1 = reg?.l1 ?? 0;
    this.l2 = reg?.l2 ?? 0;
    this.work = mlpWork(net, Math.max(train.count, heldOut.count));
  }

  penalty(w: Float64Array): number {
    if (this.l1 === 0 && this.l2 === 0) return 0;
    let abs = 0;
    let sq = 0;
    for (let i = 0; i < w.length; i++) {
      abs += Math.abs(w[i]);
      sq += w[i] * w[i];
    }
    return this.l1 * abs + 0.5 * this.l2 * sq;
  }

  /** Objective and accuracy on a whole split (the training split unless told otherwise). */
  evaluate(w: Float64Array, set: PointSet = this.train): Evaluation {
    const data = forward(this.net, w, set, null, set.count, this.work);
    return { loss: data + this.penalty(w), accuracy: this.work.correct / set.count };
  }

  /** Objective only, on the training split: what the landscape slice samples. */
  loss(w: Float64Array): number {
    return forward(this.net, w, this.train, null, this.train.count, this.work) + this.penalty(w);
  }

  /**
   * Objective and its gradient (into g) on the training samples listed in idx (all of them when
   * idx is null). accuracy refers to the same samples.
   */
  lossGrad(w: Float64Array, g: Float64Array, idx: Int32Array | null = null, count = this.train.count): Evaluation {
    g.fill(0);
    const data = forward(this.net, w, this.train, idx, count, this.work);
    const accuracy = this.work.correct / count;
    backward(this.net, w, this.train, idx, count, this.work, g);
    if (this.l1 !== 0 || this.l2 !== 0) {
      for (let i = 0; i < w.length; i++) g[i] += this.l1 * Math.sign(w[i]) + this.l2 * w[i];
    }
    return { loss: data + this.penalty(w), accuracy };
  }

  /** out = H v, H the objective's Hessian on the listed training samples (all when idx is null). */
  hvp(w: Float64Array, v: Float64Array, out: Float64Array, idx: Int32Array | null = null, count = this.train.count): void {
    this.hw ??= hvpWork(this.net, this.train.count);
    out.fill(0);
    hessianVector(this.net, w, v, this.train, idx, count, this.work, this.hw, out);
    if (this.l2 !== 0) for (let i = 0; i < v.length; i++) out[i] += this.l2 * v[i];
  }

  /**
   * The dense Hessian (row-major dim x dim) from dim products with unit vectors, symmetrized.
   * `onColumn(done, dim)` after each product: a large net's Hessian takes seconds, and the app
   * shows how far it is (the callback only reads; the numbers are the same with or without it).
   */
  denseHessian(w: Float64Array, out: Float64Array, idx: Int32Array | null = null, count = this.train.count, onColumn?: (done: number, total: number) => void): void {
    const n = this.dim;
    const e = new Float64Array(n);
    const col = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      e[j] = 1;
      this.hvp(w, e, col, idx, count);
      e[j] = 0;
      for (let i = 0; i < n; i++) out[i * n + j] = col[i];
      onColumn?.(j + 1, n);
    }
    // Exact arithmetic gives a symmetric H; rounding does not quite, and solvers expect symmetry.
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const m = 0.5 * (out[i * n + j] + out[j * n + i]);
        out[i * n + j] = m;
        out[j * n + i] = m;
      }
    }
  }
}
