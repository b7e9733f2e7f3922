// Hyperparameter sweep: one run's start, two of its parameters varied over a grid (log axes by
// default), each cell coloured by the steps its run took to reach eps or by its final f.
// A click hands the cell to the explorer through onPickCell. The job and its run come from the
// state (maps/).
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { useMemo, useState } from 'react';
import type { Experiment } from '../../experiment/types';
import { type AxisScale, BATCH_LIMITS, type SweepAxis, type SweepSettings } from '../../batch/batchSettings';
import { fmtNum } from '../../optim/verdict';
import { ownSetting, sweepCell } from '../../state/maps/mapCells';
import { sweepJob } from '../../state/maps/mapJobs';
import { isStale, type MapResult, type MapRun } from '../../state/maps/mapRuns';
import { BatchStatus } from './BatchStatus';
import { MapCanvas, type MapAxis } from './MapCanvas';
import { cssOf, DIVERGED_RGB, NOT_CONVERGED_RGB, sweepPixels, sweepScale, viridis } from './mapColors';
import { REASON_TEXT } from './reasonText';
import { SweepAxisEditor } from './SweepAxisEditor';
import { RunSelect } from './RunSelect';
import { plural } from '../plural';
import './batch.css';

export interface SweepMapProps {
  experiment: Experiment;
  /** The surface's default start: the swept run starts there unless it has a start of its own. */
  surfaceStart: [number, number];
  settings: SweepSettings;
  onSettingsChange: (settings: SweepSettings) => void;
  /** The map's slot of the state: its job's progress and its last result. */
  run: MapRun;
  onCompute: () => void;
  onCancel: () => void;
  /** Cell (i, j) of the shown result was clicked. */
  onPickCell: (result: MapResult, i: number, j: number) => void;
  size?: number;
}

const RESOLUTIONS = [16, 32, 64, 128].filter((r) => r >= BATCH_LIMITS.sweepResolution.min && r <= BATCH_LIMITS.sweepResolution.max);
/** Three significant digits, as the axes have room for. */
const fmt = (v: number) => fmtNum(v, 2);

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

export function SweepMap({ experiment, surfaceStart, settings, onSettingsChange, run, onCompute, onCancel, onPickCell, size = 320 }: SweepMapProps) {
  const built = useMemo(() => sweepJob(experiment, settings, surfaceStart), [experiment, settings, surfaceStart]);
  const { state, result } = run;
  const [hover, setHover] = useState<{ i: number; j: number } | null>(null);
  const stale = isStale(result, built);
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
  const mx = ownSetting(runOpt, xAxis.param);
  const my = ownSetting(runOpt, yAxis.param);

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
        onPick={({ i, j }) => result && onPickCell(result, i, j)}
      />
      <div className="batch-readout" data-testid="sweep-readout">
        {hover && result ? <Readout result={result} i={hover.i} j={hover.j} /> : <span className="muted">hover a cell to read it; click to run its setting</span>}
      </div>
      <BatchStatus testId="sweep-status" state={state} report={result?.report ?? null} stale={stale} blocked={built.ok ? null : built.message} onCompute={onCompute} onCancel={onCancel} mapName="Sweep map" />
      {drawn && result ? <Legend scale={drawn.scale} /> : null}
    </div>
  );
}

function Readout({ result, i, j }: { result: MapResult; i: number; j: number }) {
  const cell = sweepCell(result, i, j);
  if (!cell) return null;
  const [px, py] = cell.params;
  const [vx, vy] = cell.values;
  return (
    <span data-values={`${vx},${vy}`}>
      {px} = {fmt(vx)}, {py} = {fmt(vy)}: {REASON_TEXT[cell.reason]} after {plural(cell.steps, 'step')}
      {cell.end ? `, f = ${fmt(cell.f!)} at (${fmt(cell.end[0])}, ${fmt(cell.end[1])})` : ''}
    </span>
  );
}

function Legend({ scale }: { scale: ReturnType<typeof sweepScale> }) {
  const stops = Array.from({ length: 11 }, (_, k) => `${cssOf(viridis(k / 10))} ${k * 10}%`).join(', ');
  const lo = scale.mode === 'steps' ? '1 step' : `f - min f = ${fmt(10 ** scale.lo)}`;
  const hi = scale.mode === 'steps' ? plural(10 ** scale.hi, 'step', fmt(10 ** scale.hi)) : fmt(10 ** scale.hi);
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
