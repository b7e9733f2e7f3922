// The catalogue of test surfaces, keyed by the ids of experiment-v1.md.
// A surface not implemented yet is simply absent: lookups report it by name.
import type { SurfaceId } from '../../experiment/types';
import type { Surface } from '../types';
import { doubleWell } from './doubleWell';
import { himmelblau } from './himmelblau';
import { rosenbrock } from './rosenbrock';
import { saddle } from './saddle';

export const CATALOGUE: Partial<Record<SurfaceId, Surface>> = {
  rosenbrock,
  himmelblau,
  saddle,
  doubleWell,
};
