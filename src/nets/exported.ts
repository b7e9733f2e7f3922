// What a network experiment exports, in the CLI's --with-data shapes (src/cli/netData.ts) and the
// app's download: the weights as layers ({ W: outputs x inputs, b } per layer, torch.nn.Linear's
// layout, also Run.init's) and back to the flat vector of ./mlp.ts, and the dataset with its split.
import type { LayerWeights } from '../experiment/types';
import type { NetworkEngine } from './engine';
import type { Mlp } from './mlp';

export interface ExportedData {
  /** Every point of the dataset, the training split first. */
  x: [number, number][];
  y: number[];
  /** Indices into x of the training split (the rest is held out). */
  train: number[];
}

export function exportedData(engine: NetworkEngine): ExportedData {
  const { train, heldOut } = engine.data;
  const x: [number, number][] = [];
  const y: number[] = [];
  for (const set of [train, heldOut]) {
    for (let i = 0; i < set.count; i++) {
      x.push([set.x[2 * i], set.x[2 * i + 1]]);
      y.push(set.y[i]);
    }
  }
  return { x, y, train: Array.from({ length: train.count }, (_, i) => i) };
}


/** The flat weight vector (./mlp.ts layout) as layers. */
export function layerWeights(net: Mlp, w: ArrayLike<number>): LayerWeights[] {
  return net.layers.map(({ fanIn, fanOut, wOffset, bOffset }) => ({
    W: Array.from({ length: fanOut }, (_, o) => Array.from({ length: fanIn }, (_, i) => w[wOffset + o * fanIn + i])),
    b: Array.from({ length: fanOut }, (_, o) => w[bOffset + o]),
  }));
}

/** Layers (already checked against the network: src/experiment/netInit.ts) as the flat vector. */
export function flatWeights(net: Mlp, layers: readonly LayerWeights[]): Float64Array {
  const w = new Float64Array(net.weightCount);
  net.layers.forEach(({ fanIn, fanOut, wOffset, bOffset }, l) => {
    for (let o = 0; o < fanOut; o++) {
      for (let i = 0; i < fanIn; i++) w[wOffset + o * fanIn + i] = layers[l].W[o][i];
      w[bOffset + o] = layers[l].b[o];
    }
  });
  return w;
}
