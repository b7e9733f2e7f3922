#!/usr/bin/env node
// The CLI's launcher (`npm run -s experiment -- …`, or `node bin/experiment.mjs …`): runs the
// prebuilt bundle dist-cli/cli.mjs, building it first when it is missing or older than any file
// it was built from (a stat of each, about a millisecond), so a checkout or an edit never runs
// stale code. The build (bin/build-cli.mjs, esbuild) is loaded only when needed.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist-cli');

function fresh() {
  try {
    const { started, inputs } = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
    statSync(join(dir, 'cli.mjs'));
    return inputs.every((p) => statSync(p).mtimeMs < started);
  } catch {
    return false; // no bundle, no list, or a source gone: build
  }
}

let bundle = join(dir, 'cli.mjs');
if (!fresh()) {
  const { buildCli } = await import('./build-cli.mjs');
  try {
    bundle = await buildCli();
  } catch (e) {
    const first = String(e instanceof Error ? e.message : e).split('\n')[0];
    process.stderr.write(`error: could not build the CLI bundle (bin/build-cli.mjs): ${first}\n`);
    process.exit(2);
  }
}
await import(pathToFileURL(bundle).href);
