// The headless runner: `npm run -s experiment -- <experiment> [--format json|csv]`.
// Prints RunResult[] on stdout. Bad input: one line on stderr naming the field, exit code 2.
import { formatErrors, parseExperiment } from './experiment/parse';
import { readExperimentArg } from './cli/input';
import { toCsv } from './cli/format';
import { collectNetworkResults, createNetworkEngine } from './nets/engine';
import { networkCsv } from './nets/csv';
import { collectResults, createEngine } from './optim/engine';
import { criticalPointsOf } from './cli/criticalPoints';
import { MAX_ERROR_LINE, printableLine } from './experiment/printable';

const USAGE = 'usage: npm run -s experiment -- <experiment JSON | file.json | share URL> [--format json|csv] [--critical-points]';

function fail(message: string): never {
  process.stderr.write(`error: ${printableLine(message, MAX_ERROR_LINE)}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let format = 'json';
  let criticalPoints = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') format = argv[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--critical-points') criticalPoints = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return;
    } else if (a.startsWith('--')) fail(`unknown option ${a}; ${USAGE}`);
    else positional.push(a);
  }
  if (format !== 'json' && format !== 'csv') fail(`--format must be json or csv (got "${format}")`);
  if (positional.length !== 1) fail(`expected one experiment argument; ${USAGE}`);
  const input = readExperimentArg(positional[0]);
  if (!input.ok) fail(input.message);
  const parsed = parseExperiment(input.value);
  if (!parsed.ok) fail(formatErrors(parsed.errors));
  if (criticalPoints) {
    const found = criticalPointsOf(parsed.value);
    if (!found.ok) fail(found.message);
    process.stdout.write(JSON.stringify(found.points) + '\n');
    return;
  }
  if (parsed.value.problem.kind === 'network') {
    const built = createNetworkEngine(parsed.value);
    if (!built.ok) fail(formatErrors(built.errors));
    const results = collectNetworkResults(parsed.value, built.engine);
    process.stdout.write(format === 'csv' ? networkCsv(results.map((r) => ({ ...r, length: r.f.length }))) : JSON.stringify(results) + '\n');
    return;
  }
  const built = createEngine(parsed.value);
  if (!built.ok) fail(formatErrors(built.errors));
  const results = collectResults(parsed.value, built.engine);
  process.stdout.write(format === 'csv' ? toCsv(results) : JSON.stringify(results) + '\n');
}

main(process.argv.slice(2));
