// Proves that .oxlintrc.json enforces the import rules of scripts/lint/importRules.ts, exactly:
// 1. the committed config is the one the table generates;
// 2. on probe files (every folder, several depths, an import of every folder and of the browser
//    packages, spelled several ways) oxlint flags an import if and only if the table forbids it,
//    judged here by resolving each import's path, independently of the generated patterns;
// 3. every known violation still exists (so the exception list only shrinks).
// Run by `npm run lint` after oxlint itself. Exit 1 with one line per disagreement.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_PACKAGES, IMPORT_RULES, KNOWN_VIOLATIONS, ROOT_FILES, SRC_FOLDERS, type SrcFolder } from './importRules';
import { configText } from './oxlintConfig';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OXLINT = join(ROOT, 'node_modules', '.bin', 'oxlint');
const failures: string[] = [];

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const isBrowserPackage = (name: string) => BROWSER_PACKAGES.some((p) => name === p || (p === 'd3' && name.startsWith('d3-')));

/** Whether the table forbids `spec` in `file` (a path relative to the repository root). */
export function forbidden(file: string, folder: SrcFolder, spec: string): boolean {
  const rule = IMPORT_RULES[folder];
  if (spec.startsWith('.')) {
    if (posix.normalize(spec) !== spec && `./${posix.normalize(spec)}` !== spec) return true;
    const target = posix.join(posix.dirname(file), spec);
    const [top, name] = target.split('/');
    if (top !== 'src') return rule.kind === 'only';
    if (name === folder) return false;
    const into = name as SrcFolder;
    if (rule.kind === 'never') return rule.folders.includes(into);
    return !rule.folders.includes(into) && !(rule.modules ?? []).some((m) => target === `src/${m}`);
  }
  const pkg = packageName(spec);
  if (rule.kind === 'never') return rule.packages.includes(pkg);
  return rule.packages === 'noBrowser' && isBrowserPackage(pkg);
}

/** The imports tried from a file whose way out of its folder is `up`. */
function probeSpecs(folder: SrcFolder, up: string): string[] {
  const specs = SRC_FOLDERS.flatMap((f) => [`${up}${f}/probe`, `${up}${f}`]);
  specs.push(`${up}optim/optimizers/params`, `${up}optim/optimizers/adam`, `${up}../bench/probe`, './sibling', `${up}${folder}/./probe`, './a/../b');
  if (up !== './') specs.push(`${up}${folder}/../state/probe`);
  specs.push('react', 'react-dom/client', 'd3', 'd3-scale', 'zustand', 'zustand/middleware', 'comlink', 'valibot', 'node:fs');
  return specs;
}

interface Probe {
  file: string;
  folder: SrcFolder;
  specs: string[];
}

function probes(): Probe[] {
  const out: Probe[] = [];
  for (const folder of SRC_FOLDERS) {
    for (let depth = 0; depth <= 2; depth++) {
      const file = `src/${folder}/${'sub/'.repeat(depth)}probe.ts`;
      out.push({ file, folder, specs: probeSpecs(folder, '../'.repeat(depth + 1)) });
    }
  }
  for (const [file, folder] of Object.entries(ROOT_FILES)) out.push({ file, folder, specs: probeSpecs(folder, './') });
  return out;
}

function checkConfigIsGenerated(): void {
  if (readFileSync(join(ROOT, '.oxlintrc.json'), 'utf8') !== configText()) {
    failures.push('.oxlintrc.json is not what scripts/lint/importRules.ts says; run npx tsx scripts/lint/gen_oxlintrc.ts');
  }
}

function checkProbes(): void {
  const dir = mkdtempSync(join(tmpdir(), 'import-rules-'));
  try {
    writeFileSync(join(dir, '.oxlintrc.json'), configText());
    const all = probes();
    for (const p of all) {
      mkdirSync(join(dir, dirname(p.file)), { recursive: true });
      writeFileSync(join(dir, p.file), p.specs.map((s, i) => `import * as m${i} from '${s}';`).join('\n') + '\n');
    }
    const run = spawnSync(OXLINT, ['-f', 'json', '-c', '.oxlintrc.json', 'src'], { cwd: dir, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { diagnostics: { filename: string; labels: { span: { line: number } }[] }[] };
    const flagged = new Set(report.diagnostics.map((d) => `${d.filename}:${d.labels[0].span.line}`));
    let checked = 0;
    for (const p of all) {
      p.specs.forEach((spec, i) => {
        const expected = forbidden(p.file, p.folder, spec);
        const got = flagged.has(`${p.file}:${i + 1}`);
        checked++;
        if (expected !== got) failures.push(`${p.file}: import '${spec}' is ${expected ? 'forbidden' : 'allowed'} by the table but oxlint ${got ? 'flags' : 'lets'} it`);
      });
    }
    if (checked < 500) failures.push(`only ${checked} probe imports were checked`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkKnownViolations(): void {
  for (const { file, imports } of KNOWN_VIOLATIONS) {
    const path = join(ROOT, file);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (!text.includes(`'${imports}'`)) failures.push(`${file} no longer imports '${imports}': remove it from KNOWN_VIOLATIONS`);
  }
}

checkConfigIsGenerated();
checkProbes();
checkKnownViolations();
if (failures.length > 0) {
  process.stderr.write(failures.map((f) => `import rules: ${f}\n`).join(''));
  process.exit(1);
}
