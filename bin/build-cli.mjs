// Builds the CLI bundle dist-cli/cli.mjs from src/cli.ts with esbuild (one file, plain Node, no
// TypeScript loader at run time: a run starts in ~1.5x the time of `node -e 0` instead of tsx's
// ~10x). dist-cli/inputs.json lists the files it was built from and when the build started, so
// bin/experiment.mjs can tell a stale bundle. Run by `npm run build`, and by bin/experiment.mjs
// when the bundle is missing or older than a source.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = join(ROOT, 'dist-cli');
export const BUNDLE = 'cli.mjs';
export const INPUTS = 'inputs.json';

/** Writes a file whole or not at all (a second build running at once never leaves half a file). */
function writeAtomic(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/** Builds the bundle into `outDir`; resolves to its path. Throws esbuild's error on a build error. */
export async function buildCli(outDir = BUNDLE_DIR) {
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    entryPoints: [join(ROOT, 'src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: join(outDir, BUNDLE),
    metafile: true,
    logLevel: 'silent',
    banner: { js: '// Built from src/cli.ts by bin/build-cli.mjs; do not edit (npm run build rebuilds it).' },
  });
  mkdirSync(outDir, { recursive: true });
  // This script's options shape the bundle too. Installed packages keep their tarballs' old
  // mtimes, so an upgrade shows only in npm's record of the install, rewritten by each install.
  const record = 'node_modules/.package-lock.json';
  const extra = ['bin/build-cli.mjs', ...(existsSync(join(ROOT, record)) ? [record] : [])];
  const inputs = [...Object.keys(result.metafile.inputs), ...extra].map((p) => resolve(ROOT, p));
  writeAtomic(join(outDir, INPUTS), JSON.stringify({ started, inputs }));
  writeAtomic(join(outDir, BUNDLE), result.outputFiles[0].contents);
  return join(outDir, BUNDLE);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? resolve(process.argv[2]) : BUNDLE_DIR;
  await buildCli(out);
}
