// Basins of attraction: every pixel of the view is a start of one run's optimizer settings;
// its colour names the critical point the run ends at (paler = more steps to get there), or
// marks it diverged / not converged. Hover reads a pixel out; a click hands its start to the
// explorer through onPickStart.
import { format, scaleLinear } from 'd3';
import { useMemo, useState } from 'react';
import type { Experiment, ViewWindow } from '../../experiment/types';
import { type BasinSettings, BATCH_LIMITS } from '../../batch/batchSettings';
import { buildBasinJob, pixelStart } from '../../batch/batchJob';
import { captureRadius, CLASS, classifyEnds } from '../../batch/classifyBasins';
import { REASON } from '../../batch/outcome';
import type { CriticalPoint } from '../../surfaces/critical';
import { batchClient } from '../../workers/batchClient';
import { BatchStatus } from './BatchStatus';
import { MapCanvas, type MapMark } from './MapCanvas';
import { basinPixels, cssOf, DIVERGED_RGB, ELSEWHERE_RGB, NOT_CONVERGED_RGB, pointColors } from './mapColors';
import { RunSelect } from './RunSelect';
import { useBatchRun } from './useBatchRun';
import './batch.css';

export interface BasinMapProps {
  experiment: Experiment;
  /** The plot's window: the map covers it. */
  view: ViewWindow;
  settings: BasinSettings;
  onSettingsChange: (settings: BasinSettings) => void;
  /** A pixel was clicked: start run `run` at (x, y), the pixel's start. */
  onPickStart: (x: number, y: number, run: number) => void;
  /** The surface's default start, marked when the run has no start of its own. */
  defaultStart?: [number, number];
  /** Side of the map in CSS pixels. */
  size?: number;
  /** Names the map's controls; a compared second map needs its own. */
  title?: string;
}

const RESOLUTIONS = [64, 128, 256, 512].filter((r) => r >= BATCH_LIMITS.basinResolution.min && r <= BATCH_LIMITS.basinResolution.max);
const fmt = format('.4~g');
const REASON_TEXT = ['running', 'reached eps', 'used all steps', 'diverged'];

export function BasinMap({ experiment, view, settings, onSettingsChange, onPickStart, defaultStart, size = 320, title = 'Basin map' }: BasinMapProps) {
  const built = useMemo(() => buildBasinJob(experiment, settings, view), [experiment, settings, view]);
  const { state, result, run, cancel } = useBatchRun((job) =>
    job.grid.kind === 'basins' ? batchClient().criticalPoints(job, job.grid.view) : Promise.resolve([] as CriticalPoint[]),
  );
  const [hover, setHover] = useState<{ i: number; j: number } | null>(null);
  const stale = result !== null && (!built.ok || JSON.stringify(built.job) !== result.key);

  const drawn = useMemo(() => {
    if (!result || result.job.grid.kind !== 'basins') return null;
    const points = result.extra;
    const classes = classifyEnds(result.outcome, points, captureRadius(result.job.grid.view));
    const colors = pointColors(points, classes.counts);
    return { points, classes, colors, pixels: basinPixels(result.outcome, classes, colors) };
  }, [result]);

  const shown = result?.job.grid.kind === 'basins' ? result.job.grid : null;
  const win = shown?.view ?? view;
  const n = shown?.nx ?? settings.resolution;
  const axis = (label: string, domain: [number, number]) => {
    const scale = scaleLinear().domain(domain).range([0, size]);
    return { label, scale, ticks: scale.ticks(5), format: fmt };
  };
  const runOpt = experiment.runs[settings.run];
  const marks: MapMark[] = [];
  drawn?.points.forEach((p, c) => {
    if (drawn.classes.counts[c] > 0) marks.push({ x: p.x, y: p.y, kind: 'point', fill: cssOf(drawn.colors[c]), title: `${p.kind} (${fmt(p.x)}, ${fmt(p.y)})` });
  });
  const runStart = runOpt?.start ?? defaultStart;
  if (runStart) marks.push({ x: runStart[0], y: runStart[1], kind: 'run', title: `run ${settings.run + 1} starts here` });

  return (
    <div className="batch-panel" data-testid="basin-map">
      <h2>Basins of attraction</h2>
      <div className="batch-controls">
        <RunSelect label={`${title} run`} runs={experiment.runs} value={settings.run} onChange={(run) => onSettingsChange({ ...settings, run })} />
        <label>
          starts
          <select aria-label={`${title} resolution`} value={settings.resolution} onChange={(e) => onSettingsChange({ ...settings, resolution: Number(e.target.value) })}>
            {RESOLUTIONS.map((r) => <option key={r} value={r}>{r} x {r}</option>)}
          </select>
        </label>
        <span className="muted">{runOpt ? `${runOpt.optimizer}, ${experiment.stop.maxSteps} steps, eps ${fmt(experiment.stop.gradTol)}` : ''}</span>
      </div>
      <MapCanvas
        testId="basin-canvas"
        nx={n}
        ny={n}
        pixels={drawn?.pixels ?? null}
        size={size}
        x={axis('x', win.x)}
        y={axis('y', win.y)}
        stale={stale}
        marks={marks}
        onHover={setHover}
        onPick={({ i, j }) => {
          if (!result) return;
          const [x, y] = pixelStart(result.job, i, j);
          onPickStart(x, y, settings.run);
        }}
      />
      <div className="batch-readout" data-testid="basin-readout">
        {hover && result && drawn ? <Readout result={result} drawn={drawn} i={hover.i} j={hover.j} /> : <span className="muted">hover the map to read a start; click to run from it</span>}
      </div>
      <BatchStatus
        testId="basin-status"
        state={state}
        report={result?.report ?? null}
        stale={stale}
        blocked={built.ok ? null : built.message}
        onCompute={() => built.ok && void run(built.job)}
        onCancel={cancel}
      />
      {drawn && result ? <Legend drawn={drawn} total={result.outcome.reason.length} /> : null}
    </div>
  );
}

type Drawn = { points: CriticalPoint[]; classes: ReturnType<typeof classifyEnds>; colors: ReturnType<typeof pointColors> };
type Result = NonNullable<ReturnType<typeof useBatchRun<CriticalPoint[]>>['result']>;

function Readout({ result, drawn, i, j }: { result: Result; drawn: Drawn; i: number; j: number }) {
  const k = j * result.job.grid.nx + i;
  const [sx, sy] = pixelStart(result.job, i, j);
  const o = result.outcome;
  const c = drawn.classes.classOf[k];
  const where = c >= 0 ? `${drawn.points[c].kind} at (${fmt(drawn.points[c].x)}, ${fmt(drawn.points[c].y)})` : c === CLASS.diverged ? 'diverged' : c === CLASS.elsewhere ? 'eps-stationary away from every critical point' : 'not converged';
  return (
    <span data-class={c} data-start={`${sx},${sy}`} data-target={c >= 0 ? `${drawn.points[c].x},${drawn.points[c].y}` : ''}>
      start ({fmt(sx)}, {fmt(sy)}) → {where}; {REASON_TEXT[o.reason[k]]} after {o.steps[k]} steps
      {o.reason[k] !== REASON.diverged ? `, ends at (${fmt(o.endX[k])}, ${fmt(o.endY[k])})` : ''}
    </span>
  );
}

function Legend({ drawn, total }: { drawn: Drawn; total: number }) {
  const pct = (n: number) => `${((100 * n) / total).toFixed(n / total < 0.01 ? 2 : 1)}%`;
  const { classes, points, colors } = drawn;
  const special: [string, number, number[], string][] = [
    ['diverged', classes.diverged, DIVERGED_RGB, 'diverged'],
    ['notConverged', classes.notConverged, NOT_CONVERGED_RGB, 'not converged (used all steps)'],
    ['elsewhere', classes.elsewhere, ELSEWHERE_RGB, 'eps-stationary, not at a critical point'],
  ];
  return (
    <ul className="batch-legend" data-testid="basin-legend">
      {points.map((p, c) =>
        classes.counts[c] > 0 ? (
          <li key={c} data-testid="basin-legend-item" data-kind={p.kind} data-x={p.x} data-y={p.y} data-color={cssOf(colors[c])} data-count={classes.counts[c]}>
            <span className="batch-swatch" style={{ background: cssOf(colors[c]) }} />
            {p.kind} ({fmt(p.x)}, {fmt(p.y)}), f = {fmt(p.f)}: {pct(classes.counts[c])}
          </li>
        ) : null,
      )}
      {special.map(([kind, count, rgb, text]) =>
        count > 0 ? (
          <li key={kind} data-testid="basin-legend-item" data-kind={kind} data-color={cssOf(rgb as [number, number, number])} data-count={count}>
            <span className="batch-swatch" style={{ background: cssOf(rgb as [number, number, number]) }} />
            {text}: {pct(count)}
          </li>
        ) : null,
      )}
      <li className="muted">paler = more steps to reach eps</li>
    </ul>
  );
}
