// The catalogue of test surfaces, keyed by the ids of experiment-v1.md. Every id has a surface,
// which the type checks: adding an id to SURFACE_IDS without its surface fails to compile.
import type { SurfaceId } from '../../experiment/types';
import type { Surface } from '../types';
import { ackley } from './ackley';
import { beale } from './beale';
import { booth } from './booth';
import { doubleWell } from './doubleWell';
import { goldsteinPrice } from './goldsteinPrice';
import { himmelblau } from './himmelblau';
import { matyas } from './matyas';
import { monkeySaddle } from './monkeySaddle';
import { rastrigin } from './rastrigin';
import { rosenbrock } from './rosenbrock';
import { saddle } from './saddle';
import { sixHumpCamel } from './sixHumpCamel';
import { styblinskiTang } from './styblinskiTang';
import { threeHumpCamel } from './threeHumpCamel';

export const CATALOGUE: Record<SurfaceId, Surface> = {
  rosenbrock,
  himmelblau,
  beale,
  booth,
  matyas,
  threeHumpCamel,
  sixHumpCamel,
  goldsteinPrice,
  rastrigin,
  ackley,
  styblinskiTang,
  saddle,
  monkeySaddle,
  doubleWell,
};
