// The tfjs paths (float32) against the float64 reference, on tfjs's cpu backend in Node.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../../experiment/types';
import { runStream } from '../../optim/rng';
import { filterNormalizedDirections } from '../directions';
import { evaluateSliceJs, sliceGrid } from '../landscape';
import { tinyObjective } from '../testNets';
import { tfData, tfLossAndGradient } from './tfGradient';
import { evaluateSliceTf } from './tfLandscape';
import { useTfBackend } from './tfOps';

beforeAll(async () => {
  expect(await useTfBackend('cpu')).toBe(true);
});

const maxAbs = (v: Float64Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

describe.each(ACTIVATION_IDS)('tfjs and plain JS agree (%s)', (activation) => {
  const reg = { l1: 1e-3, l2: 1e-2 };
  const { net, objective, w } = tinyObjective(activation, [8, 8], reg, 'spiral', 200);

  it('autodiff gradient = hand-written backward pass, to float32 rounding', async () => {
    const g = new Float64Array(objective.dim);
    const ref = objective.lossGrad(w, g);
    const data = tfData(objective.train);
    const before = tf.memory().numTensors;
    const got = await tfLossAndGradient(net, w, data, reg.l1, reg.l2);
    expect(tf.memory().numTensors).toBe(before); // nothing leaks
    tf.dispose([data.x, data.y]);
    expect(Math.abs(got.loss - ref.loss)).toBeLessThan(1e-6 * Math.max(1, ref.loss));
    const scale = maxAbs(g);
    for (let i = 0; i < g.length; i++) expect(Math.abs(got.grad[i] - g[i])).toBeLessThan(1e-5 * scale);
  });

  it('batched slice = float64 slice, to float32 rounding', async () => {
    const dirs = filterNormalizedDirections(net, w, runStream(3, 0));
    const grid = sliceGrid(7, [1, 0.5]);
    const ref = evaluateSliceJs(objective, w, dirs, grid);
    const before = tf.memory().numTensors;
    const got = await evaluateSliceTf(objective, w, dirs, grid);
    expect(tf.memory().numTensors).toBe(before);
    for (let k = 0; k < ref.length; k++) expect(Math.abs(got[k] - ref[k])).toBeLessThan(1e-5 * Math.max(1, ref[k]));
    expect(got[24]).toBeCloseTo(objective.loss(w), 5); // the centre of a 7 x 7 grid
  });
});
