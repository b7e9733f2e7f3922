// Basins of attraction: every pixel of the view is a start of one run's optimizer settings;
// its colour names the critical point the run ends at (paler = more steps to get there), or
// marks it diverged / not converged. Hover reads a pixel out; a click hands the pixel to the
// explorer through onPickPixel. The job, its run and the basins come from the state (maps/).
import { scaleLinear } from 'd3';
import { useMemo, useState } from 'react';
import type { Experiment, ViewWindow } from '../../experiment/types';
import { type BasinSettings, BATCH_LIMITS } from '../../batch/batchSettings';
import { CLASS } from '../../batch/classifyBasins';
import { fmtNum as fmt } from '../../optim/verdict';

import { basinCell } from '../../state/maps/mapCells';
import { runLabels } from '../../state/runLabels';
import { basinJob } from '../../state/maps/mapJobs';
import { isStale, type MapResult, type MapRun } from '../../state/maps/mapRuns';
import { BatchStatus } from './BatchStatus';
import { MapCanvas, type MapMark } from './MapCanvas';
import { basinPixels, cssOf, DIVERGED_RGB, ELSEWHERE_RGB, NOT_CONVERGED_RGB, pointColors } from './mapColors';
import { REASON_TEXT } from './reasonText';
import { RunSelect } from './RunSelect';
import { plural } from '../plural';
import './batch.css';

export interface BasinMapProps {
  experiment: Experiment;
  /** The plot's window: the map covers it. */
  view: ViewWindow;
  settings: BasinSettings;
  onSettingsChange: (settings: BasinSettings) => void;
  /** The map's slot of the state: its job's progress and its last result. */
  run: MapRun;
  onCompute: () => void;
  onCancel: () => void;
  /** Pixel (i, j) of the shown result was clicked. */
  onPickPixel: (result: MapResult, i: number, j: number) => void;
  /** The surface's default start, marked when the run has no start of its own. */
  defaultStart?: [number, number];
  /** Side of the map in CSS pixels. */
  size?: number;
  /** Names the map's controls; a compared second map needs its own. */
  title?: string;
}

const RESOLUTIONS = [64, 128, 256, 512].filter((r) => r >= BATCH_LIMITS.basinResolution.min && r <= BATCH_LIMITS.basinResolution.max);

export function BasinMap({ experiment, view, settings, onSettingsChange, run, onCompute, onCancel, onPickPixel, defaultStart, size = 320, title = 'Basin map' }: BasinMapProps) {
  const built = useMemo(() => basinJob(experiment, settings, view), [experiment, settings, view]);
  const { state, result } = run;
  const [hover, setHover] = useState<{ i: number; j: number } | null>(null);
  const stale = isStale(result, built);

  const drawn = useMemo(() => {
    if (!result?.basins) return null;
    const { points, classes } = result.basins;
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
        <span className="muted">{runOpt ? `${runLabels(experiment.runs)[settings.run]}, ${plural(experiment.stop.maxSteps, 'step')}, eps ${fmt(experiment.stop.gradTol)}` : ''}</span>
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
        onPick={({ i, j }) => result && onPickPixel(result, i, j)}
      />
      <div className="batch-readout" data-testid="basin-readout">
        {hover && result ? <Readout result={result} i={hover.i} j={hover.j} /> : <span className="muted">hover the map to read a start; click to run from it</span>}
      </div>
      <BatchStatus testId="basin-status" state={state} report={result?.report ?? null} stale={stale} blocked={built.ok ? null : built.message} onCompute={onCompute} onCancel={onCancel} mapName={title} />
      {drawn && result ? <Legend drawn={drawn} total={result.outcome.reason.length} /> : null}
    </div>
  );
}

type Drawn = { points: NonNullable<MapResult['basins']>['points']; classes: NonNullable<MapResult['basins']>['classes']; colors: ReturnType<typeof pointColors> };

function Readout({ result, i, j }: { result: MapResult; i: number; j: number }) {
  const cell = basinCell(result, i, j);
  if (!cell) return null;
  const { start, basin, point, end } = cell;
  const where = point ? `${point.kind} at (${fmt(point.x)}, ${fmt(point.y)})` : basin === CLASS.diverged ? 'diverged' : basin === CLASS.elsewhere ? 'eps-stationary away from every critical point' : 'not converged';
  return (
    <span data-class={basin} data-start={`${start[0]},${start[1]}`} data-target={point ? `${point.x},${point.y}` : ''}>
      start ({fmt(start[0])}, {fmt(start[1])}) → {where}; {REASON_TEXT[cell.reason]} after {plural(cell.steps, 'step')}
      {end ? `, ends at (${fmt(end[0])}, ${fmt(end[1])})` : ''}
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
