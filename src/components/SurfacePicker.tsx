// Choosing the surface: a catalogue entry (name and formula) or a typed expression in x and y.
// The expression is checked while typing; an error shows inline with its column, and the last
// valid surface stays on screen.
import { useEffect, useState } from 'react';
import { SURFACE_IDS, type Experiment, type SurfaceId } from '../experiment/types';
import { CATALOGUE } from '../surfaces/catalogue';
import { EXAMPLE_EXPRESSIONS } from '../surfaces/expr';
import { resolveSurface } from '../surfaces/resolve';
import { editExperiment } from '../state/edit';
import { useStore } from '../state/store';
import { NetworkProblemEditor } from './NetworkProblemEditor';
import { FunctionProblemEditor } from './dims/FunctionProblemEditor';

const CUSTOM = '__custom__';
const NETWORK = '__network__';
const FUNCTION = '__function__';

/** Where a function in d dimensions starts: GD stuck at a strict saddle in d = 10, perturbed GD escaping it. */
function defaultFunctionRace(e: Experiment): void {
  e.problem = { kind: 'function', id: 'strictSaddle', dim: 10, params: { k: 2 } };
  e.runs = [
    { optimizer: 'sgd', params: { lr: 0.05 } },
    { optimizer: 'pgd', params: { lr: 0.05, tThreshold: 1000 } },
  ];
  e.stop = { maxSteps: 3000, gradTol: 1e-6 };
  delete e.view;
}

/** Where a network race starts: a small tanh network on moons, Adam against SGD with momentum. */
function defaultNetworkRace(e: Experiment): void {
  e.problem = { kind: 'network', dataset: 'moons', samples: 300, noise: 0.15, hidden: [8, 8], activation: 'tanh', batchSize: 0 };
  e.runs = [
    { optimizer: 'adam', params: { lr: 0.02 } },
    { optimizer: 'sgd', params: { lr: 0.2, momentum: 0.9 } },
  ];
  e.stop = { maxSteps: 1000, gradTol: 1e-4 };
  delete e.view;
}

export function SurfacePicker() {
  const problem = useStore((s) => s.experiment.problem);
  const surface = useStore((s) => s.surface);
  const isCustom = problem.kind === 'surface' && 'expr' in problem;
  const [expr, setExpr] = useState(isCustom ? problem.expr : 'x^2 - y^2 + 0.1*sin(3*x)');
  const [exprError, setExprError] = useState<{ message: string; column?: number } | null>(null);
  const [mode, setMode] = useState<string>(problem.kind === 'network' ? NETWORK : problem.kind === 'function' ? FUNCTION : isCustom ? CUSTOM : 'id' in problem ? problem.id : 'rosenbrock');
  useEffect(() => {
    if (problem.kind === 'network') setMode(NETWORK);
    if (problem.kind === 'function') setMode(FUNCTION);
    if (problem.kind === 'surface') setMode('expr' in problem ? CUSTOM : problem.id);
    if (problem.kind === 'surface' && 'expr' in problem) setExpr(problem.expr);
  }, [problem]);

  const choose = (value: string) => {
    setMode(value);
    if (value === CUSTOM) applyExpr(expr);
    else if (value === NETWORK) editExperiment(defaultNetworkRace);
    else if (value === FUNCTION) editExperiment(defaultFunctionRace);
    else
      editExperiment((e) => {
        if (e.problem.kind !== 'surface') e.runs = [{ optimizer: 'sgd', params: { lr: 0.01 } }];
        for (const r of e.runs) delete r.startRadius;
        e.problem = { kind: 'surface', id: value as SurfaceId };
        delete e.view;
        for (const r of e.runs) delete r.start;
      });
  };

  const applyExpr = (text: string) => {
    const current = useStore.getState().experiment.problem;
    if (current.kind === 'surface' && 'expr' in current && current.expr === text) return;
    const res = resolveSurface({ kind: 'surface', expr: text });
    if (!res.ok) {
      setExprError(res);
      return;
    }
    setExprError(null);
    editExperiment((e) => {
      if (e.problem.kind !== 'surface') e.runs = [{ optimizer: 'sgd', params: { lr: 0.01 } }];
      e.problem = { kind: 'surface', expr: text };
      for (const r of e.runs) delete r.start;
    });
  };

  return (
    <div className="surface-picker">
      <h2>Problem</h2>
      <select aria-label="Surface" value={mode} onChange={(e) => choose(e.target.value)}>
        {SURFACE_IDS.filter((id) => CATALOGUE[id]).map((id) => (
          <option key={id} value={id}>
            {CATALOGUE[id]!.name} — {CATALOGUE[id]!.expression}
          </option>
        ))}
        <option value={CUSTOM}>Custom expression…</option>
        <option value={NETWORK}>Neural network (2D classification)…</option>
        <option value={FUNCTION}>Function in d dimensions…</option>
      </select>
      {mode === NETWORK && <NetworkProblemEditor />}
      {mode === FUNCTION && <FunctionProblemEditor />}
      {mode === CUSTOM && (
        <div className="expr-box">
          <input
            list="expression-examples"
            aria-label="Custom expression"
            aria-invalid={exprError !== null}
            value={expr}
            spellCheck={false}
            onChange={(e) => {
              setExpr(e.target.value);
              const res = resolveSurface({ kind: 'surface', expr: e.target.value });
              setExprError(res.ok ? null : res);
            }}
            onKeyDown={(e) => e.key === 'Enter' && applyExpr(expr)}
            onBlur={() => applyExpr(expr)}
          />
          <datalist id="expression-examples">
            {EXAMPLE_EXPRESSIONS.map((e) => (
              <option key={e.expr} value={e.expr}>{e.label}</option>
            ))}
          </datalist>
          {exprError && (
            <div className="field-error" role="status" data-testid="expr-error">
              {exprError.column !== undefined && (
                <pre className="caret" aria-hidden>
                  {expr + '\n' + ' '.repeat(Math.max(0, exprError.column - 1)) + '^'}
                </pre>
              )}
              {exprError.message}
            </div>
          )}
        </div>
      )}
      {surface && mode !== NETWORK && (
        <div className="surface-info">
          <code>{surface.formula}</code>
          <p>{surface.teaches}</p>
        </div>
      )}
    </div>
  );
}
