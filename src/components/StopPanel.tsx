// The stopping rule (||grad f|| <= eps, step budget; optionally the second-order test
// lambda_min >= -sqrt(rho eps), and a budget of evaluations) and the seed of every random draw.
import { DEFAULT_RHO } from '../experiment/defaults';
import { LIMITS } from '../experiment/limits';
import { editExperiment } from '../state/edit';
import { useStore } from '../state/store';
import { NumberField } from './NumberField';

export function StopPanel() {
  const stop = useStore((s) => s.experiment.stop);
  const seed = useStore((s) => s.experiment.seed);
  return (
    <div className="stop-panel">
      <h2>Stopping rule</h2>
      <div className="param" title="stop at the first step where ||grad f(x)|| <= eps (0 disables it)">
        <span className="param-name">eps</span>
        <NumberField label="gradient tolerance eps" value={stop.gradTol} min={LIMITS.gradTol.min} max={LIMITS.gradTol.max} onCommit={(v) => editExperiment((e) => void (e.stop.gradTol = v))} />
      </div>
      <div className="param" title="also require lambda_min(Hessian) >= -sqrt(rho eps): stop only at a second-order stationary point, not at a saddle (rho: the Hessian's Lipschitz constant)">
        <label className="param-name">
          <input
            type="checkbox"
            aria-label="second-order stopping rule"
            checked={stop.secondOrder !== undefined}
            onChange={(e) => editExperiment((x) => void (e.target.checked ? (x.stop.secondOrder = { rho: DEFAULT_RHO }) : delete x.stop.secondOrder))}
          />{' '}
          2nd order
        </label>
        {stop.secondOrder && (
          <>
            <span className="param-name">rho</span>
            <NumberField label="Hessian Lipschitz constant rho" value={stop.secondOrder.rho} min={LIMITS.rho.min} max={LIMITS.rho.max} onCommit={(v) => editExperiment((e) => void (e.stop.secondOrder = { rho: v }))} />
          </>
        )}
      </div>
      <div className="param">
        <span className="param-name">max steps</span>
        <NumberField label="maximum steps" value={stop.maxSteps} integer min={LIMITS.maxSteps.min} max={LIMITS.maxSteps.max} onCommit={(v) => editExperiment((e) => void (e.stop.maxSteps = v))} />
      </div>
      <div className="param" title="stop once a run has spent this many evaluations of f and its gradient, line searches included (empty: no limit)">
        <span className="param-name">max evals</span>
        <NumberField
          label="maximum evaluations"
          optional
          value={stop.maxEvals}
          integer
          min={LIMITS.maxEvals.min}
          max={LIMITS.maxEvals.max}
          onCommit={(v) => editExperiment((e) => void (v === undefined ? delete e.stop.maxEvals : (e.stop.maxEvals = v)))}
        />
      </div>
      <div className="param" title="every random draw (noise, perturbations) derives from it">
        <span className="param-name">seed</span>
        <NumberField label="random seed" value={seed} integer min={LIMITS.seed.min} max={LIMITS.seed.max} onCommit={(v) => editExperiment((e) => void (e.seed = v))} />
      </div>
    </div>
  );
}
