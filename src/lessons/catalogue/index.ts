// Every lesson, in the order the lessons menu shows them. Data only: imports nothing but types.
import type { Lesson } from '../types';
import { adaptiveSteps } from './adaptiveSteps';
import { basins } from './basins';
import { bfgsAndSaddles } from './bfgsAndSaddles';
import { divergenceBound } from './divergenceBound';
import { gradientGrowsWhileLossFalls } from './gradientGrowsWhileLossFalls';
import { momentumInTheValley } from './momentumInTheValley';
import { newtonAndSaddles } from './newtonAndSaddles';
import { optimizationIsNotGeneralization } from './optimizationIsNotGeneralization';
import { perturbationsEscape } from './perturbationsEscape';
import { saddleFreeNewton } from './saddleFreeNewton';
import { saddlesOutnumberMinima } from './saddlesOutnumberMinima';
import { slowEscape } from './slowEscape';
import { stationaryIsNotMinimum } from './stationaryIsNotMinimum';

export const LESSONS: readonly Lesson[] = [
  stationaryIsNotMinimum,
  slowEscape,
  perturbationsEscape,
  newtonAndSaddles,
  bfgsAndSaddles,
  saddleFreeNewton,
  saddlesOutnumberMinima,
  basins,
  momentumInTheValley,
  adaptiveSteps,
  divergenceBound,
  gradientGrowsWhileLossFalls,
  optimizationIsNotGeneralization,
];
