// Test data: a few critical points of each catalogue surface, copied from
// shared/design/critical-points.json (Newton-refined in float64, coordinates to ~1e-9).
// They check the expressions of catalogueExpressions.ts independently of the closed forms.
// Ackley's origin is left out: it is a cusp, where the gradient is undefined.
import type { SurfaceId } from '../../experiment/types';

export interface CriticalPointSample {
  x: number;
  y: number;
  f: number;
  kind: 'minimum' | 'saddle' | 'maximum' | 'degenerate';
  hessianEigenvalues: [number, number];
}

export const CRITICAL_POINT_SAMPLES: Record<SurfaceId, CriticalPointSample[]> = {
  rosenbrock: [
    { x: 1.0, y: 1.0, f: 3.08148791102e-27, kind: 'minimum', hessianEigenvalues: [0.399360767, 1001.60064] },
  ],
  himmelblau: [
    { x: -3.779310253, y: -3.283185991, f: 7.88860905221e-31, kind: 'minimum', hessianEigenvalues: [70.7143547, 133.785615] },
    { x: 3.58442834, y: -1.848126527, f: 1.26217744835e-29, kind: 'minimum', hessianEigenvalues: [28.6906772, 105.418908] },
    { x: 3.385154184, y: 0.07385188, f: 13.3119262704, kind: 'saddle', hessianEigenvalues: [-14.1351785, 97.5478781] },
    { x: -0.127961347, y: -1.95371498, f: 178.337239202, kind: 'saddle', hessianEigenvalues: [-50.6102393, 20.28405] },
    { x: -0.270844591, y: -0.923038556, f: 181.616521523, kind: 'maximum', hessianEigenvalues: [-45.6052293, -16.0660197] },
  ],
  beale: [
    { x: 3.0, y: 0.5, f: 2.20090105311e-23, kind: 'minimum', hessianEigenvalues: [0.301463647, 48.9797864] },
    { x: 0.100537937, y: -2.644513585, f: 9.86451228476, kind: 'saddle', hessianEigenvalues: [-0.781027173, 867.752179] },
    { x: 0.0, y: 1.0, f: 14.203125, kind: 'saddle', hessianEigenvalues: [-27.75, 27.75] },
  ],
  booth: [
    { x: 1.0, y: 3.0, f: 9.15078650056e-29, kind: 'minimum', hessianEigenvalues: [2.0, 18.0] },
  ],
  matyas: [
    { x: 0.0, y: 0.0, f: 1.13595970352e-30, kind: 'minimum', hessianEigenvalues: [0.04, 1.0] },
  ],
  threeHumpCamel: [
    { x: 0.0, y: 0.0, f: 7.24021138924e-37, kind: 'minimum', hessianEigenvalues: [1.58578644, 4.41421356] },
    { x: 1.747552346, y: -0.873776173, f: 0.298638442237, kind: 'minimum', hessianEigenvalues: [1.90244515, 12.2506441] },
    { x: 1.070542292, y: -0.535271146, f: 0.877361557763, kind: 'saddle', hessianEigenvalues: [-4.03868817, 2.16559888] },
    { x: -1.070542292, y: 0.535271146, f: 0.877361557763, kind: 'saddle', hessianEigenvalues: [-4.03868817, 2.16559888] },
  ],
  sixHumpCamel: [
    { x: -0.089842013, y: 0.712656403, f: -1.03162845349, kind: 'minimum', hessianEigenvalues: [7.68225141, 16.4931952] },
    { x: -1.607104753, y: -0.568651455, f: 2.10425031031, kind: 'minimum', hessianEigenvalues: [7.12151212, 10.0216025] },
    { x: 0.0, y: 0.0, f: 0.0, kind: 'saddle', hessianEigenvalues: [-8.06225775, 8.06225775] },
    { x: 1.296070267, y: 0.605084388, f: 2.22947081803, kind: 'saddle', hessianEigenvalues: [-6.17718213, 9.63758849] },
    { x: 1.230229876, y: 0.162334584, f: 2.49629535102, kind: 'maximum', hessianEigenvalues: [-8.01490716, -5.95372417] },
    { x: -1.230229876, y: -0.162334584, f: 2.49629535102, kind: 'maximum', hessianEigenvalues: [-8.01490716, -5.95372417] },
  ],
  goldsteinPrice: [
    { x: 0.0, y: -1.0, f: 3.0, kind: 'minimum', hessianEigenvalues: [402.831012, 965.168988] },
    { x: 1.2, y: 0.8, f: 840.0, kind: 'minimum', hessianEigenvalues: [2061.41439, 13202.5856] },
    { x: -0.4, y: -0.6, f: 35.0, kind: 'saddle', hessianEigenvalues: [-300.67559, 5028.67559] },
    { x: 0.6, y: 0.4, f: 990.0, kind: 'saddle', hessianEigenvalues: [-1389.18609, 15393.1861] },
    { x: 0.8, y: 0.2, f: 1155.0, kind: 'maximum', hessianEigenvalues: [-10372.5346, -1603.46536] },
  ],
  rastrigin: [
    { x: 0.0, y: 0.0, f: 0.0, kind: 'minimum', hessianEigenvalues: [396.784176, 396.784176] },
    { x: 4.974691391, y: 4.974691391, f: 49.7474458691, kind: 'minimum', hessianEigenvalues: [391.803243, 391.803243] },
    { x: -0.502546037, y: 0.0, f: 20.251272991, kind: 'saddle', hessianEigenvalues: [-392.733662, 396.784176] },
    { x: 4.974691391, y: 4.52299366, f: 65.2270131284, kind: 'saddle', hessianEigenvalues: [-388.671257, 391.803243] },
    { x: -0.502546037, y: -0.502546037, f: 40.502545982, kind: 'maximum', hessianEigenvalues: [-392.733662, -392.733662] },
    { x: 4.52299366, y: 4.52299366, f: 80.7065803877, kind: 'maximum', hessianEigenvalues: [-388.671257, -388.671257] },
  ],
  ackley: [
    { x: 0.0, y: -0.952166546, f: 2.57992755703, kind: 'minimum', hessianEigenvalues: [47.4669002, 55.063803] },
    { x: 4.986180457, y: 4.986180457, f: 12.6322689915, kind: 'minimum', hessianEigenvalues: [52.7040029, 53.401546] },
    { x: -0.625780617, y: 0.0, f: 3.25246924511, kind: 'saddle', hessianEigenvalues: [-22.2528572, 27.0291278] },
    { x: 4.958562227, y: 4.537850773, f: 13.9906644618, kind: 'saddle', hessianEigenvalues: [-19.6735891, 18.3737577] },
    { x: -0.67309652, y: -0.67309652, f: 4.60893240189, kind: 'maximum', hessianEigenvalues: [-15.838682, -3.16582552] },
    { x: 4.59753475, y: 4.59753475, f: 14.3026675003, kind: 'maximum', hessianEigenvalues: [-10.1671733, -6.95233379] },
  ],
  styblinskiTang: [
    { x: -2.903534028, y: -2.903534028, f: -78.3323314075, kind: 'minimum', hessianEigenvalues: [34.5830591, 34.5830591] },
    { x: 2.746802771, y: 2.746802771, f: -50.0588933106, kind: 'minimum', hessianEigenvalues: [29.2695528, 29.2695528] },
    { x: -2.903534028, y: 0.156731257, f: -38.9705533447, kind: 'saddle', hessianEigenvalues: [-15.8526119, 34.5830591] },
    { x: 2.746802771, y: 0.156731257, f: -24.8338342962, kind: 'saddle', hessianEigenvalues: [-15.8526119, 29.2695528] },
    { x: 0.156731257, y: 0.156731257, f: 0.391224718111, kind: 'maximum', hessianEigenvalues: [-15.8526119, -15.8526119] },
  ],
  saddle: [
    { x: 0.0, y: 0.0, f: 0.0, kind: 'saddle', hessianEigenvalues: [-2.0, 2.0] },
  ],
  monkeySaddle: [
    { x: 0.0, y: 0.0, f: 0.0, kind: 'degenerate', hessianEigenvalues: [0.0, 0.0] },
  ],
  doubleWell: [
    { x: 0.0, y: -1.0, f: 0.0, kind: 'minimum', hessianEigenvalues: [1.0, 2.0] },
    { x: 0.0, y: 1.0, f: 0.0, kind: 'minimum', hessianEigenvalues: [1.0, 2.0] },
    { x: 0.0, y: 0.0, f: 0.25, kind: 'saddle', hessianEigenvalues: [-1.0, 1.0] },
  ],
};
