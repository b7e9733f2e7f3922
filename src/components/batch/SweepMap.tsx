// Hyperparameter sweep: one run's start, two of its parameters varied over a grid (log axes by
// default), each cell coloured by the steps its run took to reach eps or by its final f.
// A click hands the cell's setting to the explorer through onPickSetting.
import { format, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { useMemo, useState } from 'react';
import type { Experiment, ParamValue } from '../../experiment/types';
import { type AxisScale, BATCH_LIMITS, type SweepAxis, type SweepSettings } from '../../batch/batchSettings';
import { buildSweepJob, sweepValues } from '../../batch/batchJob';
import { REASON } from '../../batch/outcome';
import { BatchStatus } from './BatchStatus';
import { MapCanvas, type MapAxis } from './MapCanvas';
import { cssOf, DIVERGED_RGB, NOT_CONVERGED_RGB, sweepPixels, sweepScale, viridis } from './mapColors';
import { SweepAxisEditor } from './SweepAxisEditor';
import { RunSelect } from './RunSelect';
import { useBatchRun } from './useBatchRun';
import './batch.css';

/** A clicked cell: the run's own parameters with the two swept values set. */
export interface SweepPick {
  run: number;
  params: Record<string, ParamValue>;
  /** Present when an axis sweeps the run's gradient noise. */
  gradNoise?: number;
}

export interface SweepMapProps {
  experiment: Experiment;
  /** Where the swept run starts: its own start, or the surface's default. */
  start: [number, number];
  settings: SweepSettings;
  onSettingsChange: (settings: SweepSettings) => void;
  onPickSetting: (pick: SweepPick) => void;
  size?: number;
}

const RESOLUTIONS = [16, 32, 64, 128].filter((r) => r >= BATCH_LIMITS.sweepResolution.min && r <= BATCH_LIMITS.sweepResolution.max);
const fmt = format('.3~g');
const REASON_TEXT = ['running', 'reached eps', 'used all steps', 'diverged'];

/** An axis of the map: log(1 - v) axes are drawn on a log scale of 1 - v, labelled with v. */
function mapAxis(axis: SweepAxis, size: number): MapAxis {
  const kinds: Record<AxisScale, () => MapAxis> = {
    linear: () => {
      const scale = scaleLinear().domain([axis.min, axis.max]).range([0, size]);
      return { label: axis.param, scale, ticks: scale.ticks(4), format: fmt };
    },
    log: () => {
      const scale = scaleLog().domain([axis.min, axis.max]).range([0, size]);
      const decades = scale.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
      return { label: `${axis.param} (log)`, scale, ticks: decades.length >= 2 ? decades : scale.ticks(4), format: fmt };
    },
    log1m: () => {
      const inner = scaleLog().domain([1 - axis.min, 1 - axis.max]).range([0, size]);
      const scale = ((v: number) => inner(1 - v)) as unknown as ScaleContinuousNumeric<number, number>;
      const ticks = inner.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9).map((t) => 1 - t);
      return { label: `${axis.param} (log 1 - v)`, scale, ticks, format: (v) => fmt(Number(v.toPrecision(12))) };
    },
  };
  return kinds[axis.scale]();
}

export function SweepMap({ experiment, start, settings, onSettingsChange, onPickSetting, size = 320 }: SweepMapProps) {
  const built = useMemo(() => buildSweepJob(experiment, settings, start), [experiment, settings, start]);
  const { state, result, run, cancel } = useBatchRun(async () => null);
  const [hover, setHover] = useState<{ i: number; j: number } | null>(null);
  const stale = result !== null && (!built.ok || JSON.stringify(built.job) !== result.key);
  const runOpt = experiment.runs[settings.run];

  const drawn = useMemo(() => {
    if (!result) return null;
    const scale = sweepScale(result.outcome, settings.color, result.job.maxSteps);
    return { scale, pixels: sweepPixels(result.outcome, scale) };
  }, [result, settings.color]);

  const shown = result?.job.grid.kind === 'sweep' ? result.job.grid : null;
  const xAxis = shown?.x ?? settings.x;
  const yAxis = shown?.y ?? settings.y;
  const n = shown?.nx ?? settings.resolution;
  const own = (name: string): number | undefined => {
    if (!runOpt) return undefined;
    if (name === 'gradNoise') return runOpt.gradNoise ?? 0;
    const p = runOpt.params ?? {};
    if (name === 'beta1' || name === 'beta2') return (p.betas as number[] | undefined)?.[name === 'beta1' ? 0 : 1];
    return typeof p[name] === 'number' ? (p[name] as number) : undefined;
  };
  const mx = own(xAxis.param);
  const my = own(yAxis.param);

  const pick = (i: number, j: number) => {
    if (!result || !runOpt) return;
    const g = result.job.grid;
    if (g.kind !== 'sweep') return;
    const [vx, vy] = sweepValues(result.job, i, j);
    const params: Record<string, ParamValue> = { ...(runOpt.params ?? {}) };
    let gradNoise: number | undefined;
    for (const [param, v] of [[g.x.param, vx], [g.y.param, vy]] as const) {
      if (param === 'gradNoise') gradNoise = v;
      else if (param === 'beta1' || param === 'beta2') {
        const betas = [...((params.betas as number[] | undefined) ?? (result.job.params.betas as number[]))];
        betas[param === 'beta1' ? 0 : 1] = v;
        params.betas = betas;
      } else params[param] = v;
    }
    onPickSetting({ run: settings.run, params, ...(gradNoise !== undefined ? { gradNoise } : {}) });
  };

  return (
    <div className="batch-panel" data-testid="sweep-map">
      <h2>Hyperparameter sweep</h2>
      <div className="batch-controls">
        <RunSelect label={'Sweep run'} runs={experiment.runs} value={settings.run} onChange={(run) => onSettingsChange({ ...settings, run })} />
        <label>
          cells
          <select aria-label="Sweep resolution" value={settings.resolution} onChange={(e) => onSettingsChange({ ...settings, resolution: Number(e.target.value) })}>
            {RESOLUTIONS.map((r) => <option key={r} value={r}>{r} x {r}</option>)}
          </select>
        </label>
        <label>
          colour
          <select aria-label="Sweep colour" value={settings.color} onChange={(e) => onSettingsChange({ ...settings, color: e.target.value as SweepSettings['color'] })}>
            <option value="steps">steps to eps</option>
            <option value="finalF">final f</option>
          </select>
        </label>
      </div>
      {runOpt ? (
        <>
          <SweepAxisEditor name="x" axis={settings.x} optimizer={runOpt.optimizer} onChange={(x) => onSettingsChange({ ...settings, x })} />
          <SweepAxisEditor name="y" axis={settings.y} optimizer={runOpt.optimizer} onChange={(y) => onSettingsChange({ ...settings, y })} />
        </>
      ) : null}
      <MapCanvas
        testId="sweep-canvas"
        nx={n}
        ny={n}
        pixels={drawn?.pixels ?? null}
        size={size}
        x={mapAxis(xAxis, size)}
        y={mapAxis(yAxis, size)}
        stale={stale}
        marks={mx !== undefined && my !== undefined ? [{ x: mx, y: my, kind: 'run', title: `run ${settings.run + 1}'s setting` }] : []}
        onHover={setHover}
        onPick={({ i, j }) => pick(i, j)}
      />
      <div className="batch-readout" data-testid="sweep-readout">
        {hover && result ? <Readout result={result} i={hover.i} j={hover.j} /> : <span className="muted">hover a cell to read it; click to run its setting</span>}
      </div>
      <BatchStatus
        testId="sweep-status"
        state={state}
        report={result?.report ?? null}
        stale={stale}
        blocked={built.ok ? null : built.message}
        onCompute={() => built.ok && void run(built.job)}
        onCancel={cancel}
      />
      {drawn && result ? <Legend scale={drawn.scale} /> : null}
    </div>
  );
}

type Result = NonNullable<ReturnType<typeof useBatchRun<null>>['result']>;

function Readout({ result, i, j }: { result: Result; i: number; j: number }) {
  const g = result.job.grid;
  if (g.kind !== 'sweep') return null;
  const k = j * g.nx + i;
  const [vx, vy] = sweepValues(result.job, i, j);
  const o = result.outcome;
  return (
    <span data-values={`${vx},${vy}`}>
      {g.x.param} = {fmt(vx)}, {g.y.param} = {fmt(vy)}: {REASON_TEXT[o.reason[k]]} after {o.steps[k]} steps
      {o.reason[k] !== REASON.diverged ? `, f = ${fmt(o.f[k])} at (${fmt(o.endX[k])}, ${fmt(o.endY[k])})` : ''}
    </span>
  );
}

function Legend({ scale }: { scale: ReturnType<typeof sweepScale> }) {
  const stops = Array.from({ length: 11 }, (_, k) => `${cssOf(viridis(k / 10))} ${k * 10}%`).join(', ');
  const lo = scale.mode === 'steps' ? '1 step' : `f - min f = ${fmt(10 ** scale.lo)}`;
  const hi = scale.mode === 'steps' ? `${fmt(10 ** scale.hi)} steps` : fmt(10 ** scale.hi);
  return (
    <ul className="batch-legend" data-testid="sweep-legend" data-mode={scale.mode}>
      <li>
        <span className="muted">{lo}</span>
        <span className="batch-ramp" style={{ background: `linear-gradient(to right, ${stops})` }} />
        <span className="muted">{hi}</span>
        <span className="muted">{scale.mode === 'steps' ? '(steps to eps, log)' : '(final f, log)'}</span>
      </li>
      {scale.mode === 'steps' ? (
        <li><span className="batch-swatch" style={{ background: cssOf(NOT_CONVERGED_RGB) }} /> never reached eps</li>
      ) : null}
      <li><span className="batch-swatch" style={{ background: cssOf(DIVERGED_RGB) }} /> diverged</li>
    </ul>
  );
}
