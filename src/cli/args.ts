// The CLI's command line, read into options or one printable error (the caller exits 2).
// Flags take their value as the next argument or after '=' (`--format csv`, `--format=csv`).
import { DEFAULT_DIM_FIGURE_SETTINGS, DIM_FIGURE_LIMITS, type DimFigureSettings } from '../experiment/dimFigures';
import { ESCAPE_LIMITS } from '../experiment/escape';
import { LIMITS } from '../experiment/limits';
import { AXIS_SCALES, BATCH_LIMITS, type AxisScale } from '../experiment/maps';
import { parseNumber } from '../experiment/link/numbers';

export const USAGE =
  'usage: npm run -s experiment -- <experiment JSON | file.json | share URL> [--format json|csv] ' +
  '[--critical-points | --map basins|sweep [--resolution N] [--run K] [--x param:min:max[:scale]] [--y param:min:max[:scale]] | --escape-times N [--radius r] [--run K] | ' +
  '--escape-vs-dim d1,d2,...|link [--seeds N] [--radius r] [--saddle nearest|last] | --rates]; ' +
  'npm run -s experiment -- --lessons [--check]';

/** A sweep axis as given on the command line; the scale, when left out, is the app's default for the parameter. */
export interface AxisArg {
  param: string;
  min: number;
  max: number;
  scale?: AxisScale;
}

export interface CliOptions {
  experiment: string;
  format: 'json' | 'csv';
  criticalPoints: boolean;
  map: 'basins' | 'sweep' | null;
  resolution?: number;
  run?: number;
  x?: AxisArg;
  y?: AxisArg;
  /** Networks: add the dataset and the stop weights to each result. */
  withData: boolean;
  /** Networks: add the Hessian spectrum at each stop. */
  spectrum: boolean;
  /** Networks: print the census of critical points from this many random starts (plus the runs' paths). */
  census?: number;
  /** Surfaces: the escape times of a random run over this many seeds (src/cli/escapeTimes.ts). */
  escapeTimes?: number;
  /** The escape ball's radius (else the link's, else the default rule). */
  radius?: number;
  /** Function problems: escape times from the saddle at these dimensions (src/optim/escape.ts). */
  escape?: DimFigureSettings;
  /**
   * Of `escape`, what the flags gave (the rest is the defaults): a share link's `dimfig=` settings
   * fill in what the flags leave out (src/cli/dims.ts, dimEscapeOptions). `--escape-vs-dim link`
   * gives no dimensions: the link's, else the default grid.
   */
  escapeFlags?: Partial<DimFigureSettings>;
  /** The first step at which ||grad f|| <= eps for eps = 1e-1 .. 1e-8, and the log-log slope (src/optim/rates.ts). */
  rates: boolean;
  help: boolean;
}

export type ArgsResult = { ok: true; options: CliOptions } | { ok: false; message: string };

const VALUE_FLAGS = ['--format', '--map', '--resolution', '--run', '--x', '--y', '--census', '--escape-times', '--escape-vs-dim', '--seeds', '--radius', '--saddle'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** The most random starts --census takes (each costs up to 100 dense-Hessian solver iterations). */
export const MAX_CENSUS_STARTS = 10_000;

/** `--escape-vs-dim`: how many dimensions, seeds per dimension (each seed runs every run at every dimension), and the escape ball's default radius: the app's (src/experiment/dimFigures.ts). */
export const DIM_ESCAPE_LIMITS = { dims: DIM_FIGURE_LIMITS.dims, seeds: DIM_FIGURE_LIMITS.seeds.max, defaultSeeds: DEFAULT_DIM_FIGURE_SETTINGS.seeds, defaultRadius: DEFAULT_DIM_FIGURE_SETTINGS.radius } as const;

/** `--escape-vs-dim link`: the dimensions come from the link's `dimfig=` (else the default grid). */
export const DIMS_FROM_LINK = 'link';

/** `10,100,1000`: dimensions of a function problem. */
function parseDims(text: string): number[] {
  const { min, max } = LIMITS.functionDim;
  const parts = text.split(',');
  if (parts.length > DIM_ESCAPE_LIMITS.dims) fail(`--escape-vs-dim takes at most ${DIM_ESCAPE_LIMITS.dims} dimensions (got ${parts.length})`);
  return parts.map((p) => integer('--escape-vs-dim', p, min, max));
}

class ArgError extends Error {}
const fail = (message: string): never => {
  throw new ArgError(message);
};

function integer(flag: string, text: string, min: number, max: number): number {
  const n = parseNumber(text);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) fail(`${flag} must be an integer from ${min} to ${max} (got "${text}")`);
  return n as number;
}

function positive(flag: string, text: string, max: number): number {
  const n = parseNumber(text);
  if (typeof n !== 'number' || !(n > 0) || !(n <= max)) fail(`${flag} must be a number above 0, at most ${max} (got "${text.slice(0, 40)}")`);
  return n as number;
}

/** `lr:1e-4:1` or `momentum:0.5:0.999:log1m`. */
export function parseAxis(flag: string, text: string): AxisArg {
  const parts = text.split(':');
  const shape = `${flag} must be param:min:max[:scale] with scale ${AXIS_SCALES.join(', ')} (got "${text}")`;
  if (parts.length < 3 || parts.length > 4 || parts[0] === '') fail(shape);
  const [param, minText, maxText, scale] = parts;
  const [min, max] = [minText, maxText].map((t) => parseNumber(t));
  const { min: lo, max: hi } = BATCH_LIMITS.axisValue;
  for (const v of [min, max]) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) fail(`${flag}: min and max must be numbers from ${lo} to ${hi} (got "${text}")`);
  }
  if (scale !== undefined && !AXIS_SCALES.includes(scale as AxisScale)) fail(shape);
  // Whether the range suits the scale is the job's check (buildSweepJob), once the scale is known.
  return { param, min: min as number, max: max as number, ...(scale === undefined ? {} : { scale: scale as AxisScale }) };
}

function read(argv: readonly string[]): CliOptions {
  const values = new Map<ValueFlag, string>();
  const positional: string[] = [];
  let criticalPoints = false;
  let rates = false;
  let help = false;
  const flags = { withData: false, spectrum: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUE_FLAGS.includes(name as ValueFlag)) {
      const value = name === a ? argv[++i] : a.slice(eq + 1);
      if (value === undefined) fail(`${name} needs a value; ${USAGE}`);
      if (values.has(name as ValueFlag)) fail(`${name} given twice`);
      values.set(name as ValueFlag, value as string);
    } else if (a === '--critical-points') criticalPoints = true;
    else if (a === '--with-data') flags.withData = true;
    else if (a === '--spectrum') flags.spectrum = true;
    else if (a === '--rates') rates = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a.startsWith('--')) fail(`unknown option ${a.slice(0, 40)}; ${USAGE}`);
    else positional.push(a);
  }
  if (help) return { experiment: '', format: 'json', criticalPoints, map: null, ...flags, rates, help };
  const format = values.get('--format') ?? 'json';
  if (format !== 'json' && format !== 'csv') fail(`--format must be json or csv (got "${format.slice(0, 40)}")`);
  const mapText = values.get('--map');
  if (mapText !== undefined && mapText !== 'basins' && mapText !== 'sweep') fail(`--map must be basins or sweep (got "${mapText.slice(0, 40)}")`);
  const map = (mapText ?? null) as CliOptions['map'];
  if (positional.length !== 1) fail(`expected one experiment argument; ${USAGE}`);
  if (map !== null && criticalPoints) fail('--critical-points and --map are separate outputs: give one');
  for (const flag of ['--resolution', '--run', '--x', '--y'] as const) {
    if (values.has(flag) && map === null && !(flag === '--run' && values.has('--escape-times'))) fail(`${flag} needs --map`);
    if (values.has(flag) && map === 'basins' && (flag === '--x' || flag === '--y')) fail(`${flag} is a sweep axis: it needs --map sweep`);
  }
  const networkFlags = [flags.withData && '--with-data', flags.spectrum && '--spectrum', values.has('--census') && '--census'].filter((f) => f !== false);
  if (networkFlags.length && (map !== null || criticalPoints)) fail(`${networkFlags[0]} is a network output: it does not go with --map or --critical-points`);
  if (networkFlags.length && format !== 'json') fail(`${networkFlags[0]} prints JSON only: leave out --format ${format}`);
  if (values.has('--census') && (flags.withData || flags.spectrum)) fail('--census prints the census instead of the results: leave out --with-data and --spectrum');
  const escapeTimes = values.get('--escape-times');
  if (values.has('--radius') && escapeTimes === undefined && !values.has('--escape-vs-dim')) fail('--radius needs --escape-times or --escape-vs-dim');
  if (escapeTimes !== undefined && (map !== null || criticalPoints || networkFlags.length)) fail('--escape-times is an output of its own: it does not go with --map, --critical-points or the network outputs');
  const dimOutputs = [escapeTimes !== undefined && '--escape-times', values.has('--escape-vs-dim') && '--escape-vs-dim', rates && '--rates'].filter((f) => f !== false);
  for (const flag of ['--seeds', '--saddle'] as const) if (values.has(flag) && !values.has('--escape-vs-dim')) fail(`${flag} needs --escape-vs-dim`);
  if (dimOutputs.length > 1) fail(`${dimOutputs.join(' and ')} are separate outputs: give one`);
  if (dimOutputs.length && (map !== null || criticalPoints || networkFlags.length)) fail(`${dimOutputs[0]} is an output of its own: it does not go with --map, --critical-points or the network outputs`);
  if (dimOutputs.length && dimOutputs[0] !== '--escape-times' && format !== 'json') fail(`${dimOutputs[0]} prints JSON only: leave out --format ${format}`);
  const options: CliOptions = { experiment: positional[0], format: format as CliOptions['format'], criticalPoints, map, ...flags, rates, help };
  const dims = values.get('--escape-vs-dim');
  if (dims !== undefined) {
    const seeds = values.get('--seeds');
    const radiusText = values.get('--radius');
    const radius = radiusText === undefined ? DIM_ESCAPE_LIMITS.defaultRadius : parseNumber(radiusText);
    if (typeof radius !== 'number' || !(radius > 0) || radius > LIMITS.coordinate.max) fail(`--radius must be a number greater than 0 and at most ${LIMITS.coordinate.max} (got "${radiusText}")`);
    const saddle = values.get('--saddle') ?? 'nearest';
    if (saddle !== 'nearest' && saddle !== 'last') fail(`--saddle must be nearest or last (got "${saddle.slice(0, 40)}")`);
    const flags: Partial<DimFigureSettings> = {};
    if (dims !== DIMS_FROM_LINK) flags.dims = parseDims(dims);
    if (seeds !== undefined) flags.seeds = integer('--seeds', seeds, 1, DIM_ESCAPE_LIMITS.seeds);
    if (radiusText !== undefined) flags.radius = radius as number;
    if (values.has('--saddle')) flags.saddle = saddle as DimFigureSettings['saddle'];
    options.escapeFlags = flags;
    options.escape = {
      dims: flags.dims ?? [...DEFAULT_DIM_FIGURE_SETTINGS.dims],
      seeds: flags.seeds ?? DIM_ESCAPE_LIMITS.defaultSeeds,
      radius: radius as number,
      saddle: saddle as DimFigureSettings['saddle'],
    };
  }
  const census = values.get('--census');
  if (census !== undefined) options.census = integer('--census', census, 0, MAX_CENSUS_STARTS);
  if (escapeTimes !== undefined) options.escapeTimes = integer('--escape-times', escapeTimes, ESCAPE_LIMITS.seeds.min, ESCAPE_LIMITS.seeds.max);
  const radius = values.get('--radius');
  if (radius !== undefined && escapeTimes !== undefined) options.radius = positive('--radius', radius, ESCAPE_LIMITS.radius.max);
  const limit = map === 'sweep' ? BATCH_LIMITS.sweepResolution.max : BATCH_LIMITS.basinResolution.max;
  const resolution = values.get('--resolution');
  if (resolution !== undefined) options.resolution = integer('--resolution', resolution, 1, limit);
  const run = values.get('--run');
  if (run !== undefined) options.run = integer('--run', run, BATCH_LIMITS.run.min, BATCH_LIMITS.run.max);
  const x = values.get('--x');
  if (x !== undefined) options.x = parseAxis('--x', x);
  const y = values.get('--y');
  if (y !== undefined) options.y = parseAxis('--y', y);
  return options;
}

export function parseArgs(argv: readonly string[]): ArgsResult {
  try {
    return { ok: true, options: read(argv) };
  } catch (e) {
    if (e instanceof ArgError) return { ok: false, message: e.message };
    throw e;
  }
}
