// One representative of the weights that compute the same network function by relabelling hidden
// units. Permuting the units of a hidden layer (rows of W_l and b_l, columns of W_(l+1)) never
// changes the function; for tanh, which is odd, neither does flipping a unit's sign (its row of
// W_l, its b_l and its column of W_(l+1) negated together). So a critical point has up to
// prod_l (n_l! 2^n_l) copies (384 for one layer of 4 tanh units), which weight-space distance
// would count as distinct points. The canonical form, layer by layer from the input:
//  1. tanh only: flip each unit so that its bias is >= 0 (if the bias is 0, its first non-zero
//     incoming weight is > 0);
//  2. sort the units by (bias, incoming weights, outgoing weights), descending, lexicographically.
// The key reads the layer's own incoming side first, which later layers' relabelling never
// touches. ReLU's positive rescaling (a relu(z / a)) and sigmoid's flip (which moves the output
// bias) are not removed. Units whose keys tie to the last bit are interchangeable anyway.
import type { Mlp } from '../mlp';

export const CANONICALIZATION =
  'hidden units of each layer sorted by (bias, incoming weights, outgoing weights) descending; for tanh each unit first sign-flipped so its bias is >= 0; ReLU rescaling and the sigmoid flip are not removed';

/** The canonical copy of w (w is not modified). */
export function canonicalWeights(net: Mlp, w: Float64Array): Float64Array {
  const out = w.slice();
  for (let l = 0; l < net.layers.length - 1; l++) {
    const layer = net.layers[l];
    const next = net.layers[l + 1];
    const { fanIn, fanOut: units } = layer;
    // unit u's numbers: [bias, incoming (fanIn), outgoing (next.fanOut)]
    const key = (u: number): number[] => {
      const k = [out[layer.bOffset + u]];
      for (let i = 0; i < fanIn; i++) k.push(out[layer.wOffset + u * fanIn + i]);
      for (let o = 0; o < next.fanOut; o++) k.push(out[next.wOffset + o * next.fanIn + u]);
      return k;
    };
    const keys = Array.from({ length: units }, (_, u) => key(u));
    if (net.activation === 'tanh') {
      for (const k of keys) {
        const lead = k.slice(0, 1 + fanIn).find((x) => x !== 0) ?? 0;
        if (lead < 0) for (let i = 0; i < k.length; i++) k[i] = -k[i];
      }
    }
    const order = keys.map((_, u) => u).sort((a, b) => compareDescending(keys[a], keys[b]) || a - b);
    order.forEach((u, slot) => {
      const k = keys[u];
      out[layer.bOffset + slot] = k[0];
      for (let i = 0; i < fanIn; i++) out[layer.wOffset + slot * fanIn + i] = k[1 + i];
      for (let o = 0; o < next.fanOut; o++) out[next.wOffset + o * next.fanIn + slot] = k[1 + fanIn + o];
    });
  }
  return out;
}

function compareDescending(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}
