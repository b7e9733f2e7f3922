// The CLI's run output as it was before the stream (for bench/cli.bench.ts to compare): a JS
// array per recorded point (collectResults), then the whole text at once. Surface problems only.
// Usage (bundled by the bench): node cliBefore.mjs <experiment.json> csv|json
import { readFileSync } from 'node:fs';
import { parseExperiment } from '../src/experiment/parse';
import { collectResults, createEngine } from '../src/optim/engine';
import { trajectoryCsv } from '../src/optim/csv';

const [file, format] = process.argv.slice(2);
const parsed = parseExperiment(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const built = createEngine(parsed.value);
if (!built.ok) throw new Error(JSON.stringify(built.errors));
const results = collectResults(parsed.value, built.engine);
process.stdout.write(
  format === 'csv'
    ? trajectoryCsv(results.map((r) => ({ xy: r.points.flat(), f: r.f, gradNorm: r.gradNorm, evals: r.evals, length: r.points.length })))
    : JSON.stringify(results) + '\n',
);
