// A function in d dimensions (src/functions): which one, its dimension and parameters, and the
// two coordinates whose plane the explorer draws. Every field is checked by the same schema as
// links and the CLI; a relation the function itself checks (k <= d, r dividing d) shows as the
// engine's error.
import { D_FUNCTION_IDS, D_FUNCTIONS } from '../../functions';
import { LIMITS } from '../../experiment/limits';
import type { FunctionProblem } from '../../experiment/types';
import { editExperiment } from '../../state/edit';
import { selectPlaneRun, setPlaneAxes, setPlanePca } from '../../state/plane';
import { useStore } from '../../state/store';
import { NumberField } from '../NumberField';

function editFunction(recipe: (p: FunctionProblem) => void, clearStarts = false): boolean {
  return editExperiment((e) => {
    if (e.problem.kind !== 'function') return;
    recipe(e.problem);
    // A start has one number per coordinate: a new dimension or function starts at its default.
    if (clearStarts) for (const r of e.runs) delete r.start;
  });
}

export function FunctionProblemEditor() {
  const problem = useStore((s) => s.experiment.problem);
  const plane = useStore((s) => s.fn);
  const runs = useStore((s) => s.traces);
  const selectedRun = useStore((s) => s.selectedRun);
  if (problem.kind !== 'function') return null;
  const fn = D_FUNCTIONS[problem.id];
  const { min, max } = LIMITS.functionDim;
  return (
    <div className="function-editor" data-testid="function-editor">
      <div className="param">
        <span className="param-name">function</span>
        <select
          aria-label="Function"
          value={problem.id}
          onChange={(e) => editFunction((p) => {
            p.id = e.target.value as FunctionProblem['id'];
            delete p.params;
          }, true)}
        >
          {D_FUNCTION_IDS.map((id) => <option key={id} value={id}>{D_FUNCTIONS[id].name}</option>)}
        </select>
      </div>
      <div className="param">
        <span className="param-name">d</span>
        <NumberField label="Dimension" value={problem.dim} integer min={min} max={max} onCommit={(v) => editFunction((p) => void (p.dim = v), true)} />
      </div>
      {fn.params.map((spec) => (
        <div className="param" key={spec.key} title={spec.about}>
          <span className="param-name">{spec.key}</span>
          <NumberField
            label={spec.label}
            value={problem.params?.[spec.key] ?? spec.default}
            integer={spec.integer}
            min={spec.min}
            max={spec.max}
            onCommit={(v) => editFunction((p) => void ((p.params ??= {})[spec.key] = v))}
          />
        </div>
      ))}
      {plane && (
        <div className="param" title="the plane drawn: two coordinates, or the selected run's two principal components; through the selected run's point at the shown step">
          <span className="param-name">plane</span>
          <select
            aria-label="Plane"
            value={plane.kind}
            onChange={(e) => (e.target.value === 'pca' ? setPlanePca() : setPlaneAxes(plane.axes))}
          >
            <option value="coordinates">two coordinates</option>
            <option value="pca">principal components (PCA)</option>
          </select>
          {plane.kind === 'coordinates' && (
            <>
              <NumberField label="Horizontal coordinate" value={plane.axes[0] + 1} integer min={1} max={problem.dim} onCommit={(v) => setPlaneAxes([v - 1, plane.axes[1]])} width="4em" />
              <NumberField label="Vertical coordinate" value={plane.axes[1] + 1} integer min={1} max={problem.dim} onCommit={(v) => setPlaneAxes([plane.axes[0], v - 1])} width="4em" />
            </>
          )}
          {runs.length > 1 && (
            <select aria-label="Run of the plane" title="the run whose point the plane goes through (and whose path the PCA is of)" value={selectedRun} onChange={(e) => selectPlaneRun(Number(e.target.value))}>
              {runs.map((t, i) => <option key={i} value={i}>run {i + 1}: {t.label}</option>)}
            </select>
          )}
        </div>
      )}
    </div>
  );
}
