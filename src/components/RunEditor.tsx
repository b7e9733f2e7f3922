// Every setting of one run: optimizer, its parameters, start, gradient noise, clipping,
// schedule and label. Each change restarts the race from step 0.
import { useEffect, useState } from 'react';
import { LIMITS } from '../experiment/limits';
import { OPTIMIZER_SPECS, resolveParams } from '../optim/optimizers/params';
import { OPTIMIZER_IDS, type OptimizerId, type Run } from '../experiment/types';
import { duplicateRunOfExperiment, editExperiment, removeRunOfExperiment } from '../state/edit';
import { useStore } from '../state/store';
import { runColor } from '../state/traces';
import { NumberField } from './NumberField';
import { ParamControl } from './ParamControl';
import { ScheduleEditor } from './ScheduleEditor';

const ORIGIN: [number, number] = [0, 0];

function editRun(index: number, recipe: (run: Run) => void): boolean {
  return editExperiment((e) => recipe(e.runs[index]));
}

export function RunEditor({ index }: { index: number }) {
  const run = useStore((s) => s.experiment.runs[index]);
  const count = useStore((s) => s.experiment.runs.length);
  const surfaceStart = useStore((s) => s.surface?.start) ?? ORIGIN;
  const label = useStore((s) => (s.mode === 'network' ? s.netTraces : s.traces)[index]?.label ?? `Run ${index + 1}`);
  const runLabel = `Run ${index + 1}`;
  const isSurface = useStore((s) => s.experiment.problem.kind === 'surface');
  const params = resolveParams(run.optimizer, run.params);
  const start = run.start ?? surfaceStart;
  return (
    <fieldset className="run-editor" aria-label={`${runLabel} settings`}>
      <legend>
        <span className="swatch" style={{ background: runColor(index) }} aria-hidden /> {label}
      </legend>
      <div className="param">
        <span className="param-name">optimizer</span>
        <select
          aria-label={`${runLabel} optimizer`}
          value={run.optimizer}
          title={OPTIMIZER_SPECS[run.optimizer].about}
          onChange={(e) =>
            editRun(index, (r) => {
              // Keep the learning rate across optimizers: it is the setting people compare.
              const lr = params.lr;
              r.optimizer = e.target.value as OptimizerId;
              r.params = { lr };
              delete r.label;
            })
          }
        >
          {OPTIMIZER_IDS.map((id) => (
            <option key={id} value={id}>{OPTIMIZER_SPECS[id].name}</option>
          ))}
        </select>
      </div>
      {Object.entries(OPTIMIZER_SPECS[run.optimizer].params).map(([name, spec]) => (
        <ParamControl key={name} name={name} spec={spec} value={params[name]} runLabel={runLabel} onChange={(v) => editRun(index, (r) => void ((r.params ??= {})[name] = v))} />
      ))}
      {isSurface && (
      <div className="param">
        <span className="param-name">start</span>
        <NumberField label={`${runLabel} start x`} value={start[0]} min={LIMITS.coordinate.min} max={LIMITS.coordinate.max} onCommit={(v) => editRun(index, (r) => void (r.start = [v, start[1]]))} width="5em" />
        <NumberField label={`${runLabel} start y`} value={start[1]} min={LIMITS.coordinate.min} max={LIMITS.coordinate.max} onCommit={(v) => editRun(index, (r) => void (r.start = [start[0], v]))} width="5em" />
      </div>
      )}
      {isSurface && (
      <div className="param" title="sigma of Gaussian noise added to each gradient (a model of SGD's noise)">
        <span className="param-name">grad noise</span>
        <NumberField label={`${runLabel} gradient noise`} value={run.gradNoise ?? 0} min={LIMITS.gradNoise.min} max={LIMITS.gradNoise.max} onCommit={(v) => editRun(index, (r) => void (v === 0 ? delete r.gradNoise : (r.gradNoise = v)))} />
      </div>
      )}
      <div className="param" title="clip the gradient to this L2 norm (empty: no clipping)">
        <span className="param-name">clip</span>
        <input
          aria-label={`${runLabel} clip`}
          type="checkbox"
          checked={run.clip !== undefined}
          onChange={(e) => editRun(index, (r) => void (e.target.checked ? (r.clip = 1) : delete r.clip))}
        />
        {run.clip !== undefined && (
          <NumberField label={`${runLabel} clip norm`} value={run.clip} min={LIMITS.clip.min} max={LIMITS.clip.max} onCommit={(v) => editRun(index, (r) => void (r.clip = v))} />
        )}
      </div>
      <ScheduleEditor value={run.schedule} runLabel={runLabel} onChange={(s) => editRun(index, (r) => void (s ? (r.schedule = s) : delete r.schedule))} />
      <div className="param">
        <span className="param-name">label</span>
        <LabelField run={run} index={index} runLabel={runLabel} placeholder={label} />
      </div>
      <div className="run-actions">
        <button type="button" aria-label={`Duplicate ${runLabel}`} disabled={count >= LIMITS.runs.max} onClick={() => duplicateRunOfExperiment(index)}>
          Duplicate
        </button>
        <button type="button" aria-label={`Remove ${runLabel}`} disabled={count <= 1} onClick={() => removeRunOfExperiment(index)}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}

/** The run's label: edited locally, committed on blur or Enter only when it changed. */
function LabelField({ run, index, runLabel, placeholder }: { run: Run; index: number; runLabel: string; placeholder: string }) {
  const [text, setText] = useState(run.label ?? '');
  useEffect(() => setText(run.label ?? ''), [run.label]);
  const commit = () => {
    const next = text.trim();
    if (next === (run.label ?? '')) return;
    editRun(index, (r) => void (next ? (r.label = next) : delete r.label));
  };
  return (
    <input
      aria-label={`${runLabel} label`}
      value={text}
      placeholder={placeholder}
      maxLength={LIMITS.labelLength.max}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
