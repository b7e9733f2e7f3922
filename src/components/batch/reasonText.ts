// Words for how a pixel's run stopped (outcome.ts's REASON codes), for the maps' readouts.
import { REASON, type ReasonCode } from '../../batch/outcome';

export const REASON_TEXT: Record<ReasonCode, string> = {
  [REASON.running]: 'running',
  [REASON.gradTol]: 'reached eps',
  [REASON.maxSteps]: 'used all steps',
  [REASON.diverged]: 'diverged',
  [REASON.maxEvals]: 'used all evaluations',
};
