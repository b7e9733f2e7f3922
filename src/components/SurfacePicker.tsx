// Choosing the surface: a catalogue entry (name and formula) or a typed expression in x and y.
// The expression is checked while typing; an error shows inline with its column, and the last
// valid surface stays on screen.
import { useEffect, useState } from 'react';
import { SURFACE_IDS, type SurfaceId } from '../experiment/types';
import { CATALOGUE } from '../surfaces/catalogue';
import { EXAMPLE_EXPRESSIONS } from '../surfaces/expr';
import { resolveSurface } from '../surfaces/resolve';
import { chooseFunction, chooseNetwork, chooseSurface, chooseSurfaceProblem } from '../state/problemSwitch';
import { useStore } from '../state/store';
import { NetworkProblemEditor } from './NetworkProblemEditor';
import { FunctionProblemEditor } from './dims/FunctionProblemEditor';

const CUSTOM = '__custom__';
const NETWORK = '__network__';
const FUNCTION = '__function__';

type ExprError = { message: string; column?: number } | null;
const checkExpr = (text: string): ExprError => {
  const res = resolveSurface({ kind: 'surface', expr: text });
  return res.ok ? null : res;
};

export function SurfacePicker() {
  const problem = useStore((s) => s.experiment.problem);
  const surface = useStore((s) => s.surface);
  // A link's or file's expression that did not compile: kept in the box, with its error, for editing.
  const rejected = useStore((s) => s.rejectedExpr);
  const isCustom = problem.kind === 'surface' && 'expr' in problem;
  const [expr, setExpr] = useState(rejected ?? (isCustom ? problem.expr : 'x^2 - y^2 + 0.1*sin(3*x)'));
  const [exprError, setExprError] = useState<ExprError>(rejected === null ? null : checkExpr(rejected));
  const [mode, setMode] = useState<string>(rejected !== null ? CUSTOM : problem.kind === 'network' ? NETWORK : problem.kind === 'function' ? FUNCTION : isCustom ? CUSTOM : 'id' in problem ? problem.id : 'rosenbrock');
  useEffect(() => {
    if (rejected !== null) {
      setMode(CUSTOM);
      setExpr(rejected);
      setExprError(checkExpr(rejected));
      return;
    }
    if (problem.kind === 'network') setMode(NETWORK);
    if (problem.kind === 'function') setMode(FUNCTION);
    if (problem.kind === 'surface') setMode('expr' in problem ? CUSTOM : problem.id);
    if (problem.kind === 'surface' && 'expr' in problem) setExpr(problem.expr);
  }, [problem, rejected]);

  const choose = (value: string) => {
    setMode(value);
    if (value === CUSTOM) applyExpr(expr);
    else if (value === NETWORK) {
      useStore.setState({ rejectedExpr: null });
      chooseNetwork();
    } else if (value === FUNCTION) chooseFunction();
    else chooseSurface(value as SurfaceId);
  };

  const applyExpr = (text: string) => {
    const current = useStore.getState().experiment.problem;
    if (current.kind === 'surface' && 'expr' in current && current.expr === text) return;
    const error = checkExpr(text);
    setExprError(error);
    if (error) return;
    useStore.setState({ rejectedExpr: null });
    chooseSurfaceProblem({ kind: 'surface', expr: text });
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
              setExprError(checkExpr(e.target.value));
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
      {rejected !== null && surface && (
        <p className="muted" data-testid="expr-fallback">Showing {surface.name} until the expression is fixed.</p>
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
