// Pieces shared by the tfjs paths (float32, whichever backend is active): the activation and the
// stable logistic loss, written with the same formulas as the float64 reference (../mlp.ts).
import * as tf from '@tensorflow/tfjs-core';
import type { ActivationId } from '../../experiment/types';

export function tfActivation(act: ActivationId, z: tf.Tensor): tf.Tensor {
  switch (act) {
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'sigmoid':
      return tf.sigmoid(z);
  }
}

/** max(z, 0) - y z + log1p(exp(-|z|)), elementwise (y broadcasts against z). */
export function tfLogisticLoss(z: tf.Tensor, y: tf.Tensor): tf.Tensor {
  return tf.add(tf.sub(tf.relu(z), tf.mul(y, z)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
}

/** Makes `name` the active tfjs backend ('cpu' or 'webgl'); false if it cannot start here. */
export async function useTfBackend(name: 'cpu' | 'webgl'): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}
