// The settings of a `--map` run: the share link's `maps=` field when the experiment argument is a
// link that has one, else the app's defaults; then the command line's flags over them.
import { existsSync } from 'node:fs';
import { defaultScale } from '../batch/batchSettings';
import { decodeExperiment, type DecodedLink } from '../experiment/link/decode';
import { defaultBatchSettings, type BasinSettings, type BatchSettings, type SweepAxis, type SweepSettings } from '../experiment/maps';
import type { Experiment } from '../experiment/types';
import type { AxisArg, CliOptions } from './args';

/**
 * The `maps=` settings of the experiment argument, when it is a share link that carries them.
 * The argument is a link exactly when readExperimentArg (input.ts) reads it as one: a URL or
 * '#...', or 'v=...' that is not an existing file; it has already been read strictly there, so
 * a damaged `maps=` never gets here.
 */
export function linkMapsOf(arg: string): BatchSettings | undefined {
  return linkOf(arg)?.maps;
}

/** The experiment argument decoded as a link, when it is one (see linkMapsOf); undefined otherwise. */
export function linkOf(arg: string): DecodedLink | undefined {
  const text = arg.trim();
  const link = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('#') || (text.startsWith('v=') && !existsSync(text));
  return link ? decodeExperiment(text) : undefined;
}

function axis(given: AxisArg | undefined, base: SweepAxis, exp: Experiment, run: number): SweepAxis {
  if (given === undefined) return base;
  const optimizer = (exp.runs[run] ?? exp.runs[0]).optimizer;
  return { param: given.param, min: given.min, max: given.max, scale: given.scale ?? defaultScale(given.param, optimizer) };
}

export function basinSettings(options: CliOptions, base: BatchSettings = defaultBatchSettings()): BasinSettings {
  return { resolution: options.resolution ?? base.basins.resolution, run: options.run ?? base.basins.run };
}

export function sweepSettings(options: CliOptions, exp: Experiment, base: BatchSettings = defaultBatchSettings()): SweepSettings {
  const run = options.run ?? base.sweep.run;
  return { ...base.sweep, resolution: options.resolution ?? base.sweep.resolution, run, x: axis(options.x, base.sweep.x, exp, run), y: axis(options.y, base.sweep.y, exp, run) };
}
