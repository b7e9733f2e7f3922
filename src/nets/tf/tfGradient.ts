// The network's objective and its gradient by tfjs automatic differentiation (float32), the
// check on the hand-written float64 backward pass (../mlp.ts) and the benchmark's tfjs training
// path. Needs tfjs-core's gradient registry, which only loads as ES modules: fine in Vitest and
// the browser, not under plain `tsx` (its CommonJS build has no gradients), so the engine and the
// CLI never import this file.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { PointSet } from '../datasets';
import type { Mlp } from '../mlp';
import { tfActivation, tfLogisticLoss } from './tfOps';

export interface TfData {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
}

export function tfData(set: PointSet): TfData {
  return { x: tf.tensor2d(Float32Array.from(set.x), [set.count, 2]), y: tf.tensor2d(Float32Array.from(set.y), [set.count, 1]) };
}

/** Mean logistic loss + Omega as a function of the flat weight vector, in tfjs ops. */
function objective(net: Mlp, data: TfData, l1: number, l2: number): (w: tf.Tensor) => tf.Scalar {
  return (w) => {
    let h: tf.Tensor = data.x;
    net.layers.forEach(({ fanIn, fanOut, wOffset, bOffset }, l) => {
      const wl = tf.reshape(tf.slice(w, [wOffset], [fanIn * fanOut]), [fanOut, fanIn]);
      const bl = tf.slice(w, [bOffset], [fanOut]);
      const z = tf.add(tf.matMul(h, wl, false, true), bl);
      h = l < net.layers.length - 1 ? tfActivation(net.activation, z) : z;
    });
    let loss = tf.mean(tfLogisticLoss(h, data.y));
    if (l1 !== 0) loss = tf.add(loss, tf.mul(l1, tf.sum(tf.abs(w))));
    if (l2 !== 0) loss = tf.add(loss, tf.mul(0.5 * l2, tf.sum(tf.square(w))));
    return loss as tf.Scalar;
  };
}

/** Objective and gradient at w by tfjs autodiff on the active backend. */
export async function tfLossAndGradient(net: Mlp, w: Float64Array, data: TfData, l1 = 0, l2 = 0): Promise<{ loss: number; grad: Float64Array }> {
  const wt = tf.tensor1d(Float32Array.from(w));
  const { value, grad } = tf.valueAndGrad(objective(net, data, l1, l2))(wt);
  const [lossValue, gradValues] = await Promise.all([value.data(), grad.data()]);
  tf.dispose([wt, value, grad]);
  return { loss: lossValue[0], grad: Float64Array.from(gradValues) };
}
