// One axis of the sweep: which parameter, its range and its scale. A range is committed only
// when valid for the scale (log needs min > 0, log(1 - v) needs max < 1); until then the box
// is marked and the last valid axis stays in force.
import { useEffect, useState } from 'react';
import type { OptimizerId } from '../../experiment/types';
import { type AxisScale, axisRangeError, defaultScale, type SweepAxis, sweepableParams } from '../../batch/batchSettings';

export interface SweepAxisEditorProps {
  name: 'x' | 'y';
  axis: SweepAxis;
  optimizer: OptimizerId;
  onChange: (axis: SweepAxis) => void;
}

const SCALES: [AxisScale, string][] = [
  ['log', 'log'],
  ['log1m', 'log(1 - v)'],
  ['linear', 'linear'],
];

/** Sensible starting ranges per parameter, so switching the parameter gives a usable axis. */
function defaultRange(param: string): [number, number] {
  switch (param) {
    case 'lr':
      return [1e-4, 1];
    case 'momentum':
    case 'beta1':
      return [0.5, 0.999];
    case 'beta2':
    case 'alpha':
    case 'rho':
      return [0.9, 0.9999];
    case 'gradNoise':
    case 'sigma':
      return [1e-3, 10];
    case 'eps':
      return [1e-10, 1e-1];
    default:
      return [1e-3, 1];
  }
}

function Bound({ label, value, onCommit }: { label: string; value: number; onCommit: (v: number) => void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const valid = text.trim() !== '' && Number.isFinite(Number(text));
  return (
    <input
      aria-label={label}
      aria-invalid={!valid}
      value={text}
      style={{ width: '5.5em' }}
      inputMode="decimal"
      onChange={(e) => setText(e.target.value)}
      onBlur={() => valid && Number(text) !== value && onCommit(Number(text))}
      onKeyDown={(e) => e.key === 'Enter' && valid && onCommit(Number(text))}
    />
  );
}

export function SweepAxisEditor({ name, axis, optimizer, onChange }: SweepAxisEditorProps) {
  const [error, setError] = useState<string | null>(null);
  const commit = (next: SweepAxis) => {
    const problem = axisRangeError(next);
    setError(problem);
    if (!problem) onChange(next);
  };
  const params = sweepableParams(optimizer);
  return (
    <div className="batch-axis-row">
      <span>{name}</span>
      <select
        aria-label={`Sweep ${name} parameter`}
        value={params.includes(axis.param) ? axis.param : ''}
        onChange={(e) => {
          const param = e.target.value;
          const [min, max] = defaultRange(param);
          commit({ param, min, max, scale: defaultScale(param, optimizer) });
        }}
      >
        {params.includes(axis.param) ? null : <option value="">({axis.param}?)</option>}
        {params.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
      <Bound label={`Sweep ${name} min`} value={axis.min} onCommit={(min) => commit({ ...axis, min })} />
      <span className="muted">to</span>
      <Bound label={`Sweep ${name} max`} value={axis.max} onCommit={(max) => commit({ ...axis, max })} />
      <select aria-label={`Sweep ${name} scale`} value={axis.scale} onChange={(e) => commit({ ...axis, scale: e.target.value as AxisScale })}>
        {SCALES.map(([s, text]) => <option key={s} value={s}>{text}</option>)}
      </select>
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}
