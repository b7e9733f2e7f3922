// One optimizer parameter, as its spec says: a log slider plus a number box for rates,
// a number box, a checkbox, a pair of boxes (betas), or a select of a choice's options.
import type { ParamSpec } from '../optim/optimizers/params';
import type { ParamValue } from '../experiment/types';
import { NumberField } from './NumberField';

const LOG_SLIDER_MIN = 1e-6;

export function ParamControl({ name, spec, value, onChange, runLabel }: { name: string; spec: ParamSpec; value: ParamValue; onChange: (v: ParamValue) => void; runLabel: string }) {
  const label = `${runLabel} ${name}`;
  if (spec.type === 'boolean') {
    return (
      <label className="param" title={spec.help}>
        <input type="checkbox" checked={value as boolean} aria-label={label} onChange={(e) => onChange(e.target.checked)} /> {name}
      </label>
    );
  }
  if (spec.type === 'choice') {
    return (
      <label className="param" title={spec.help}>
        <span className="param-name">{name}</span>
        <select aria-label={label} value={value as string} onChange={(e) => onChange(e.target.value)}>
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (spec.type === 'pair') {
    const [a, b] = value as number[];
    return (
      <div className="param" title={spec.help}>
        <span className="param-name">{name}</span>
        <NumberField label={`${label} 1`} value={a} min={spec.min} max={spec.max} onCommit={(v) => onChange([v, b])} width="5em" />
        <NumberField label={`${label} 2`} value={b} min={spec.min} max={spec.max} onCommit={(v) => onChange([a, v])} width="5em" />
      </div>
    );
  }
  const v = value as number;
  const lo = Math.log10(Math.max(spec.min, LOG_SLIDER_MIN));
  const hi = Math.log10(spec.max);
  return (
    <div className="param" title={spec.help}>
      <span className="param-name">{name}</span>
      {spec.log && (
        <input
          type="range"
          aria-label={`${label} slider`}
          min={lo}
          max={hi}
          step={0.01}
          value={Math.log10(Math.max(v, LOG_SLIDER_MIN))}
          aria-valuetext={`${name} ${v}`}
          onChange={(e) => onChange(Number((10 ** Number(e.target.value)).toPrecision(3)))}
        />
      )}
      <NumberField label={label} value={v} min={spec.min} max={spec.max} integer={spec.integer} onCommit={onChange} />
    </div>
  );
}
