// The learning-rate schedule of a run, as torch.optim.lr_scheduler offers them.
import type { Schedule } from '../experiment/types';
import { LIMITS } from '../experiment/limits';
import { NumberField } from './NumberField';

const DEFAULTS: Record<Schedule['kind'], Schedule> = {
  constant: { kind: 'constant' },
  step: { kind: 'step', stepSize: 100, gamma: 0.5 },
  exponential: { kind: 'exponential', gamma: 0.99 },
  inverseTime: { kind: 'inverseTime', decay: 0.01 },
  cosine: { kind: 'cosine', tMax: 1000, etaMin: 0 },
};

export function ScheduleEditor({ value, onChange, runLabel }: { value: Schedule | undefined; onChange: (s: Schedule | undefined) => void; runLabel: string }) {
  const s = value ?? DEFAULTS.constant;
  const L = LIMITS;
  const set = (patch: Partial<Schedule>) => onChange({ ...s, ...patch } as Schedule);
  return (
    <div className="param">
      <span className="param-name">schedule</span>
      <select
        aria-label={`${runLabel} schedule`}
        value={s.kind}
        onChange={(e) => onChange(e.target.value === 'constant' ? undefined : DEFAULTS[e.target.value as Schedule['kind']])}
      >
        {Object.keys(DEFAULTS).map((k) => (
          <option key={k} value={k}>{k}</option>
        ))}
      </select>
      {s.kind === 'step' && (
        <>
          <NumberField label={`${runLabel} step size`} value={s.stepSize} integer min={L.scheduleSteps.min} max={L.scheduleSteps.max} onCommit={(v) => set({ stepSize: v })} width="4.5em" />
          <NumberField label={`${runLabel} gamma`} value={s.gamma} min={L.scheduleGamma.min} max={L.scheduleGamma.max} onCommit={(v) => set({ gamma: v })} width="4.5em" />
        </>
      )}
      {s.kind === 'exponential' && (
        <NumberField label={`${runLabel} gamma`} value={s.gamma} min={L.scheduleGamma.min} max={L.scheduleGamma.max} onCommit={(v) => set({ gamma: v })} width="4.5em" />
      )}
      {s.kind === 'inverseTime' && (
        <NumberField label={`${runLabel} decay`} value={s.decay} min={L.scheduleDecay.min} max={L.scheduleDecay.max} onCommit={(v) => set({ decay: v })} width="4.5em" />
      )}
      {s.kind === 'cosine' && (
        <>
          <NumberField label={`${runLabel} T max`} value={s.tMax} integer min={L.scheduleSteps.min} max={L.scheduleSteps.max} onCommit={(v) => set({ tMax: v })} width="4.5em" />
          <NumberField label={`${runLabel} eta min`} value={s.etaMin} min={L.scheduleEtaMin.min} max={L.scheduleEtaMin.max} onCommit={(v) => set({ etaMin: v })} width="4.5em" />
        </>
      )}
    </div>
  );
}
