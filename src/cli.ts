// The headless runner: `npm run -s experiment -- <experiment> [--format json|csv]` prints
// RunResult[] (written from the engine's chunks as they are formatted: src/cli/stream.ts);
// `--critical-points` the surface's critical points (and a warning on stderr when the search may
// have missed some); `--map basins|sweep` the app's basin or sweep map as one object
// (src/cli/maps.ts); `--escape-vs-dim` and `--rates` (function problems; rates on any) as one
// object (src/cli/dims.ts). Bad input: one line on stderr, exit code 2.
import { formatErrors, parseExperiment } from './experiment/parse';
import type { Experiment } from './experiment/types';
import { parseArgs, USAGE, type CliOptions } from './cli/args';
import { readExperimentArg } from './cli/input';
import { basinCsv, sweepCsv } from './cli/format';
import { basinMap, sweepMap, type Progress } from './cli/maps';
import { basinSettings, linkMapsOf, sweepSettings } from './cli/mapSettings';
import { createNetworkEngine } from './nets/engine';
import { createEngine } from './optim/engine';
import { gatherRuns, NETWORK_LAYOUT, SURFACE_LAYOUT, vectorLayout, writeCsv, writeJson, writeRuns, type ChunkBase, type ChunkSource, type OutputLayout } from './cli/stream';
import { dimEscapeOptions, escapeOutput, ratesOutput } from './cli/dims';
import { pathsTooLarge } from './optim/vectorEngine';
import { criticalPointsOf } from './cli/criticalPoints';
import { MAX_ERROR_LINE, printableLine } from './experiment/printable';
import { networkOutput, wantsNetworkOutput } from './cli/netData';
import { censusOutput } from './cli/census';
import { chunkStepsFor, withProgress } from './cli/progress';
import { estimateNote, networkJobEstimate } from './nets/cost';
import { escapeCsv, escapeSettings, escapeTimes } from './cli/escapeTimes';
import { lessonsJson, readLessonsArgs, writeLessonChecks } from './cli/lessonsCli';
import { linkOf } from './cli/mapSettings';

function fail(message: string): never {
  process.stderr.write(`error: ${printableLine(message, MAX_ERROR_LINE)}\n`);
  process.exit(2);
}

/** A progress line on stderr, only for a person watching (stderr is a terminal), at most 5 times a second. */
function terminalProgress(label: string): { progress?: Progress; done: () => void } {
  if (!process.stderr.isTTY) return { done: () => {} };
  let last = 0;
  return {
    progress: (fraction) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      process.stderr.write(`\r${label}: ${(100 * fraction).toFixed(0)}%`);
    },
    done: () => process.stderr.write('\r\x1b[K'),
  };
}

function printMap(options: CliOptions, exp: Experiment): void {
  const link = linkMapsOf(options.experiment);
  const shown = terminalProgress(`${options.map} map`);
  if (options.map === 'basins') {
    const map = basinMap(exp, basinSettings(options, link), shown.progress);
    shown.done();
    if (!map.ok) fail(map.message);
    process.stdout.write(options.format === 'csv' ? basinCsv(map.value) : JSON.stringify(map.value) + '\n');
  } else {
    const map = sweepMap(exp, sweepSettings(options, exp, link), shown.progress);
    shown.done();
    if (!map.ok) fail(`${map.message}; choose the axes with --x/--y param:min:max[:scale]`);
    process.stdout.write(options.format === 'csv' ? sweepCsv(map.value) : JSON.stringify(map.value) + '\n');
  }
}

/** Runs the experiment to the end and writes its runs in the chosen format. */
async function printRuns<C extends ChunkBase & { start: number }>(options: CliOptions, exp: Experiment, engine: ChunkSource<C>, layout: OutputLayout<C>): Promise<void> {
  // A long job says so first (stderr), and shows its progress while stderr is a terminal.
  const note = estimateNote(exp);
  if (note) process.stderr.write(note + '\n');
  const shown = terminalProgress('runs');
  const source = shown.progress ? withProgress(engine, exp.runs.length, exp.stop.maxSteps, shown.progress) : engine;
  const estimate = networkJobEstimate(exp);
  const chunkSteps = estimate ? chunkStepsFor(estimate.stepSeconds) : undefined;
  const runs = gatherRuns(exp, source, chunkSteps);
  shown.done();
  await writeRuns(process.stdout, options.format === 'csv' ? writeCsv : writeJson, layout, runs);
}

/** `--lessons [--check]` (src/cli/lessonsCli.ts): exit 1 when a claim fails. */
function printLessons(check: boolean): void {
  if (!check) {
    process.stdout.write(lessonsJson());
    return;
  }
  const shown = terminalProgress('checking lessons');
  const ok = writeLessonChecks((text) => process.stdout.write(text), (_id, i, count) => shown.progress?.(i / count));
  shown.done();
  if (!ok) process.exitCode = 1;
}

function printEscapeTimes(options: CliOptions, exp: Experiment): void {
  const shown = terminalProgress('escape times');
  const result = escapeTimes(exp, escapeSettings(options, linkOf(options.experiment)?.escape), shown.progress);
  shown.done();
  if (!result.ok) fail(result.message);
  process.stdout.write(options.format === 'csv' ? escapeCsv(result.value) : JSON.stringify(result.value) + '\n');
}

async function main(argv: string[]): Promise<void> {
  const lessons = readLessonsArgs(argv);
  if (lessons) {
    if (!lessons.ok) fail(lessons.message);
    printLessons(lessons.check);
    return;
  }
  const args = parseArgs(argv);
  if (!args.ok) fail(args.message);
  const options = args.options;
  if (options.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const input = readExperimentArg(options.experiment);
  if (!input.ok) fail(input.message);
  const parsed = parseExperiment(input.value);
  if (!parsed.ok) fail(formatErrors(parsed.errors));
  if (options.map !== null) {
    printMap(options, parsed.value);
    return;
  }
  if (options.escapeTimes !== undefined) {
    printEscapeTimes(options, parsed.value);
    return;
  }
  if (options.criticalPoints) {
    const found = criticalPointsOf(parsed.value);
    if (!found.ok) fail(found.message);
    if (found.truncatedReason !== null) process.stderr.write(`warning: ${printableLine(found.truncatedReason, MAX_ERROR_LINE)}\n`);
    // The completeness travels with the points (a script reads it), and a person sees the warning.
    process.stdout.write(JSON.stringify({ criticalPoints: found.points, truncated: found.truncated, truncatedReason: found.truncatedReason }) + '\n');
    return;
  }
  if (options.escape || options.rates) {
    const out = options.escape ? escapeOutput(parsed.value, dimEscapeOptions({ ...options, escape: options.escape }, linkOf(options.experiment)?.dimfig)) : ratesOutput(parsed.value);
    if (!out.ok) fail(out.message);
    process.stdout.write(out.value);
    return;
  }
  if (wantsNetworkOutput(options)) {
    const out = options.census === undefined ? networkOutput(options, parsed.value) : censusOutput(parsed.value, options.census);
    if (!out.ok) fail(out.message);
    process.stdout.write(out.value);
    return;
  }
  if (parsed.value.problem.kind === 'network') {
    const built = createNetworkEngine(parsed.value);
    if (!built.ok) fail(formatErrors(built.errors));
    await printRuns(options, parsed.value, built.engine, NETWORK_LAYOUT);
    return;
  }
  const built = createEngine(parsed.value);
  if (!built.ok) fail(formatErrors(built.errors));
  if (built.engine.kind === 'function') {
    const tooLarge = pathsTooLarge(parsed.value);
    if (tooLarge) fail(tooLarge);
    await printRuns(options, parsed.value, built.engine, vectorLayout(built.engine.instance.dim));
    return;
  }
  await printRuns(options, parsed.value, built.engine, SURFACE_LAYOUT);
}

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is no error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});
void main(process.argv.slice(2));
