// encodeExperiment: Experiment -> the link's hash (without '#'), in the format of format.ts.
// Synchronous and total: it writes what it is given, valid or not (the decoder judges).
import { OPTIMIZER_SPECS } from '../../optim/optimizers/params';
import type { CensusSettings } from '../census';
import type { DimFigureSettings } from '../dimFigures';
import type { EscapeSettings } from '../escape';
import type { BatchSettings } from '../maps';
import type { View3dSettings } from '../view3d';
import type { PlaneChoice } from '../plane';
import type { ChartXAxis, Experiment, Regularization, Run, Schedule } from '../types';
import { EMPTY_PARAMS_ITEM, SCHEDULE_SLOTS } from './format';
import { encodeCensus } from './census';
import { encodeDimfig } from './dimfig';
import { encodeEscape } from './escape';
import { encodeMaps } from './maps';
import { encodeView3d } from './view3d';
import { encodePlane } from './plane';
import { CURRENT_LINK_VERSION } from './migrations';
import { formatNumber, formatParamValue } from './numbers';
import { escapeText } from './percent';

export interface EncodeOptions {
  /** The step the link points at ("copy link at this step"); written as `t`. */
  atStep?: number;
  /** The basin and sweep maps' settings; written as `maps` when they are not the defaults. */
  maps?: BatchSettings;
  /** The charts' x axis; written as `xaxis` when it is not 'steps'. */
  chartX?: ChartXAxis;
  /** The escape-time distribution's settings; written as `escape` when they are not the defaults. */
  escape?: EscapeSettings;
  /** The 2D / 3D layout, heights and camera; written as `view3d` when they are not the defaults. */
  view3d?: View3dSettings;
  /** The network census's settings; written as `census` when they are not the defaults. */
  census?: CensusSettings;
  /** The settings of escape time against d; written as `dimfig` when they are not the defaults. */
  dimfig?: DimFigureSettings;
  /** A function problem's drawing plane; written as `plane` when given (the app gives it when it is not the function's own). */
  plane?: PlaneChoice;
}

const pair = (xs: readonly number[]) => xs.map(formatNumber).join(';');

function encodeRegularization(r: Regularization): string {
  const items: string[] = [];
  if (r.l1 !== undefined) items.push(`l1:${formatNumber(r.l1)}`);
  if (r.l2 !== undefined) items.push(`l2:${formatNumber(r.l2)}`);
  return items.join(';');
}

/** A function's parameters as name:value;name:value (names escaped, undefined ones left out: the default). */
function encodeTerms(params: Record<string, number>): string {
  return Object.keys(params)
    .filter((name) => params[name] !== undefined)
    .map((name) => `${escapeText(name, 'item')}:${formatNumber(params[name])}`)
    .join(';');
}

function encodeSchedule(s: Schedule): string {
  const slots: readonly string[] = SCHEDULE_SLOTS[s.kind] ?? [];
  const values = slots.map((slot) => formatNumber((s as unknown as Record<string, number>)[slot]));
  return [s.kind, ...values].join(';');
}

function encodeRun(run: Run): string {
  const items: string[] = [escapeText(run.optimizer, 'item')];
  if (run.params) {
    // The table's order first (lr leads), so links read alike; then any name the table lacks.
    const known = Object.keys(OPTIMIZER_SPECS[run.optimizer]?.params ?? {});
    // A name set to undefined is left out, as the schema reads it: the default.
    const params = run.params;
    const given = (n: string) => Object.hasOwn(params, n) && params[n] !== undefined;
    const names = [...known.filter(given), ...Object.keys(params).filter((n) => !known.includes(n) && given(n))];
    if (names.length === 0) items.push(EMPTY_PARAMS_ITEM);
    for (const name of names) items.push(`${escapeText(name, 'item')}:${formatParamValue(params[name])}`);
  }
  if (run.start) items.push(`start:${pair(run.start)}`);
  if (run.startRadius !== undefined) items.push(`srad:${formatNumber(run.startRadius)}`);
  if (run.gradNoise !== undefined) items.push(`noise:${formatNumber(run.gradNoise)}`);
  if (run.clip !== undefined) items.push(`clip:${formatNumber(run.clip)}`);
  if (run.schedule) items.push(`sched:${encodeSchedule(run.schedule)}`);
  if (run.label !== undefined) items.push(`label:${escapeText(run.label, 'item')}`);
  if (run.stream !== undefined) items.push(`stream:${formatNumber(run.stream)}`);
  return items.join(',');
}

export function encodeExperiment(exp: Experiment, options: EncodeOptions = {}): string {
  const parts = [`v=${CURRENT_LINK_VERSION}`];
  const p = exp.problem;
  if (p.kind === 'surface') {
    if ('id' in p && p.id !== undefined) parts.push(`surface=${escapeText(p.id, 'field')}`);
    else if ('expr' in p) parts.push(`expr=${escapeText(p.expr, 'field')}`);
  } else if (p.kind === 'function') {
    parts.push(`fn=${escapeText(p.id, 'field')}`, `dim=${formatNumber(p.dim)}`);
    if (p.params) parts.push(`fp=${encodeTerms(p.params)}`);
  } else {
    parts.push(
      `data=${escapeText(p.dataset, 'field')}`,
      `samples=${formatNumber(p.samples)}`,
      `noise=${formatNumber(p.noise)}`,
      `hidden=${pair(p.hidden)}`,
      `act=${escapeText(p.activation, 'field')}`,
      `batch=${formatNumber(p.batchSize)}`,
    );
  }
  if (p.kind !== 'function' && p.regularization) parts.push(`reg=${encodeRegularization(p.regularization)}`);
  exp.runs.forEach((run, i) => parts.push(`r${i}=${encodeRun(run)}`));
  // Stop and seed are always written, so a link keeps its meaning if the defaults change.
  parts.push(`steps=${formatNumber(exp.stop.maxSteps)}`, `tol=${formatNumber(exp.stop.gradTol)}`);
  // Only when on: a link without `rho` is a first-order stop, as every link before the rule.
  if (exp.stop.secondOrder) parts.push(`rho=${formatNumber(exp.stop.secondOrder.rho)}`);
  // maxEvals only when set: a link without it has no budget, as every link before it
  if (exp.stop.maxEvals !== undefined) parts.push(`evals=${formatNumber(exp.stop.maxEvals)}`);
  parts.push(`seed=${formatNumber(exp.seed)}`);
  if (exp.view) parts.push(`view=${pair([...exp.view.x, ...exp.view.y])}`);
  if (options.atStep !== undefined) parts.push(`t=${formatNumber(options.atStep)}`);
  const maps = options.maps === undefined ? null : encodeMaps(options.maps);
  if (maps !== null) parts.push(`maps=${maps}`);
  if (options.chartX !== undefined && options.chartX !== 'steps') parts.push(`xaxis=${escapeText(options.chartX, 'field')}`);
  const escape = options.escape === undefined ? null : encodeEscape(options.escape);
  if (escape !== null) parts.push(`escape=${escape}`);
  const view3d = options.view3d === undefined ? null : encodeView3d(options.view3d);
  if (view3d !== null) parts.push(`view3d=${view3d}`);
  const census = options.census === undefined ? null : encodeCensus(options.census);
  if (census !== null) parts.push(`census=${census}`);
  const dimfig = options.dimfig === undefined ? null : encodeDimfig(options.dimfig);
  if (dimfig !== null) parts.push(`dimfig=${dimfig}`);
  if (options.plane !== undefined && p.kind === 'function') parts.push(`plane=${encodePlane(options.plane)}`);
  return parts.join('&');
}
