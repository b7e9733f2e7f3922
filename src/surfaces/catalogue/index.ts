// The catalogue of test surfaces, keyed by the ids of experiment-v1.md. Every id has a surface,
// which the type checks: adding an id to SURFACE_IDS without its surface fails to compile.
// Each entry carries its expression (its single definition) beside its closed forms.
import { SURFACE_IDS, type SurfaceId } from '../../experiment/types';
import type { CatalogueSurface } from '../types';
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

export const CATALOGUE: Record<SurfaceId, CatalogueSurface> = {
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

/** Each surface's expression by id, read from its entry: for code that needs only the text (the GPU program). */
export const CATALOGUE_EXPRESSIONS: Readonly<Record<SurfaceId, string>> = Object.fromEntries(
  SURFACE_IDS.map((id) => [id, CATALOGUE[id].expression]),
) as Record<SurfaceId, string>;
