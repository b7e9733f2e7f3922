// The first page's JavaScript, gzip-compressed: a production build (into a cache folder, so dist/
// is left alone), then the chunks the page loads before anything is clicked, read from Vite's
// manifest: the entry and its static imports, transitively. Lazy chunks (the 3D view with
// three.js, TensorFlow.js for networks) and the workers are listed apart. Budget: 300 KB.
// Writes bench/results/size.json. Run: npx tsx bench/size.bench.ts
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const outDir = 'node_modules/.cache/saddlepoint-size';

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
const sizes = (file: string) => {
  const bytes = readFileSync(join(outDir, file));
  return { file, rawKB: kb(bytes.length), gzipKB: kb(gzipSync(bytes, { level: 9 }).length) };
};

/** The chunk `key` and every chunk it imports statically. */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key].imports ?? []) staticClosure(k, seen);
  return seen;
}

const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
const initialKeys = new Set(entries.flatMap((k) => [...staticClosure(k)]));
const initial = [...initialKeys].map((k) => sizes(manifest[k].file));
const css = [...new Set([...initialKeys].flatMap((k) => manifest[k].css ?? []))].map(sizes);
const lazy = Object.keys(manifest)
  .filter((k) => manifest[k].isDynamicEntry && !initialKeys.has(k))
  .map((k) => ({ chunk: manifest[k].name ?? k, ...sizes(manifest[k].file) }));
const workers = [...new Set(Object.values(manifest).flatMap((c) => c.assets ?? []))].filter((f) => f.endsWith('.js')).map(sizes);
const initialGzipKB = kb(initial.reduce((s, c) => s + c.gzipKB * 1024, 0));

const result = {
  date: new Date().toISOString(),
  what: "gzip -9 of the production build's initial JavaScript: the entry chunk and its static imports (Vite manifest), before any click",
  budgetKB: BUDGET_KB,
  initialGzipKB,
  withinBudget: initialGzipKB <= BUDGET_KB,
  initial,
  initialCss: css,
  lazy,
  workers,
};
writeFileSync('bench/results/size.json', JSON.stringify(result, null, 2) + '\n');
console.log(`initial JS: ${initialGzipKB} KB gzip (budget ${BUDGET_KB} KB)`);
console.table([...initial.map((c) => ({ kind: 'initial', ...c })), ...lazy.map((c) => ({ kind: `lazy ${c.chunk}`, file: c.file, rawKB: c.rawKB, gzipKB: c.gzipKB })), ...workers.map((c) => ({ kind: 'worker', ...c }))]);
if (!result.withinBudget) process.exitCode = 1;
