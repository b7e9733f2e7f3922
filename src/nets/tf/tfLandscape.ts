// The landscape slice in ONE batched tfjs computation per chunk of grid points (float32, on the
// active backend: WebGL in the browser when it wins the benchmark, cpu otherwise):
//   layer 1 by linearity: Z1(a, b) = (X W^T + c) + a (X D^T + dc) + b (X E^T + ec), three
//     N x h products shared by every grid point;
//   later layers: the G weight matrices W + a_g D + b_g E stacked into a G x out x in tensor and
//     one batched matMul of the G x N x in activations.
// Omega is added in float64 in JS (cheap: n^2 x dim). The result approximates the float64
// reference (../landscape.ts evaluateSliceJs) to float32 rounding; tf.test.ts checks how closely.
import * as tf from '@tensorflow/tfjs-core';
import type { PointSet } from '../datasets';
import type { Directions } from '../directions';
import type { SliceGrid } from '../landscape';
import type { Mlp } from '../mlp';
import type { NetObjective } from '../objective';
import { tfActivation, tfLogisticLoss } from './tfOps';

/** Floats of the largest activation tensor of one chunk (16 MB in float32). */
const CHUNK_FLOATS = 4_000_000;

interface LayerTensors {
  w: tf.Tensor2D;
  d: tf.Tensor2D;
  e: tf.Tensor2D;
  b: tf.Tensor1D;
  db: tf.Tensor1D;
  eb: tf.Tensor1D;
}

function layerTensors(net: Mlp, center: Float64Array, dirs: Directions): LayerTensors[] {
  return net.layers.map(({ fanIn, fanOut, wOffset, bOffset }) => {
    const mat = (v: Float64Array) => tf.tensor2d(Float32Array.from(v.subarray(wOffset, wOffset + fanIn * fanOut)), [fanOut, fanIn]);
    const vec = (v: Float64Array) => tf.tensor1d(Float32Array.from(v.subarray(bOffset, bOffset + fanOut)));
    return { w: mat(center), d: mat(dirs.d1), e: mat(dirs.d2), b: vec(center), db: vec(dirs.d1), eb: vec(dirs.d2) };
  });
}

/** Mean logistic loss at each of the G grid points (ga, gb of shape G x 1 x 1): a G vector. */
function chunkLoss(net: Mlp, x: tf.Tensor2D, y: tf.Tensor, layers: LayerTensors[], ga: tf.Tensor, gb: tf.Tensor): tf.Tensor1D {
  const first = layers[0];
  const base = tf.add(tf.matMul(x, first.w, false, true), first.b);
  const alongA = tf.add(tf.matMul(x, first.d, false, true), first.db);
  const alongB = tf.add(tf.matMul(x, first.e, false, true), first.eb);
  let z: tf.Tensor = tf.add(tf.add(tf.expandDims(base, 0), tf.mul(ga, tf.expandDims(alongA, 0))), tf.mul(gb, tf.expandDims(alongB, 0)));
  for (let l = 1; l < layers.length; l++) {
    const { w, d, e, b, db, eb } = layers[l];
    const h = tfActivation(net.activation, z) as tf.Tensor3D;
    const wg = tf.add(tf.add(tf.expandDims(w, 0), tf.mul(ga, tf.expandDims(d, 0))), tf.mul(gb, tf.expandDims(e, 0))) as tf.Tensor3D;
    const out = b.shape[0];
    const row = (v: tf.Tensor1D) => tf.reshape(v, [1, 1, out]);
    const bg = tf.add(tf.add(row(b), tf.mul(ga, row(db))), tf.mul(gb, row(eb)));
    z = tf.add(tf.matMul(h, wg, false, true), bg);
  }
  const logits = tf.squeeze(z, [2]); // G x N
  return tf.mean(tfLogisticLoss(logits, y), 1) as tf.Tensor1D;
}

/** The slice values on the active tfjs backend, row-major like evaluateSliceJs. */
export async function evaluateSliceTf(objective: NetObjective, center: Float64Array, dirs: Directions, grid: SliceGrid): Promise<Float64Array> {
  const net = objective.net;
  const train: PointSet = objective.train;
  const total = grid.n * grid.n;
  const widest = Math.max(...net.sizes);
  const chunk = Math.max(1, Math.min(total, Math.floor(CHUNK_FLOATS / (train.count * widest))));
  const x = tf.tensor2d(Float32Array.from(train.x), [train.count, 2]);
  const y = tf.tensor2d(Float32Array.from(train.y), [1, train.count]);
  const layers = layerTensors(net, center, dirs);
  const out = new Float64Array(total);
  try {
    for (let start = 0; start < total; start += chunk) {
      const g = Math.min(chunk, total - start);
      const av = new Float32Array(g);
      const bv = new Float32Array(g);
      for (let k = 0; k < g; k++) {
        av[k] = grid.a[(start + k) % grid.n];
        bv[k] = grid.b[Math.floor((start + k) / grid.n)];
      }
      const losses = tf.tidy(() => chunkLoss(net, x, y, layers, tf.tensor3d(av, [g, 1, 1]), tf.tensor3d(bv, [g, 1, 1])));
      const values = await losses.data();
      losses.dispose();
      for (let k = 0; k < g; k++) out[start + k] = values[k];
    }
  } finally {
    tf.dispose([x, y, ...layers.flatMap((l) => [l.w, l.d, l.e, l.b, l.db, l.eb])]);
  }
  if (objective.l1 !== 0 || objective.l2 !== 0) {
    const w = new Float64Array(center.length);
    for (let k = 0; k < total; k++) {
      const a = grid.a[k % grid.n];
      const b = grid.b[Math.floor(k / grid.n)];
      for (let i = 0; i < w.length; i++) w[i] = center[i] + a * dirs.d1[i] + b * dirs.d2[i];
      out[k] += objective.penalty(w);
    }
  }
  return out;
}
