// --census prints, byte for byte, what it printed before the census was split into shares
// (solveStarts + mergeCensus): fixtures/census/*.census<N>.json were written by the one-loop
// census (commit c227ecb) from the experiments beside them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it.each([
  ['moons-2-3-1', 12],
  ['moons-2-4-1', 40],
])('--census on %s with %i random starts: the same bytes as before', (name, count) => {
  const experiment = readFileSync(`fixtures/census/${name}.experiment.json`, 'utf8');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', experiment, '--census', String(count)], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(readFileSync(`fixtures/census/${name}.census${count}.json`, 'utf8'));
}, 60_000);
