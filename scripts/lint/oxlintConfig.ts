// IMPORT_RULES -> oxlint's configuration (no-restricted-imports with gitignore-style groups, one
// override per folder and directory depth). Written to .oxlintrc.json by gen_oxlintrc.ts.
import { CORE, IMPORT_RULES, KNOWN_VIOLATIONS, TEST_RULE, MAX_DEPTH, ROOT_FILES, SRC_FOLDERS, type FolderRule, type SrcFolder } from './importRules';

/** Package patterns (gitignore style, as ESLint's `group`) for the browser-only packages. */
export const BROWSER_PACKAGE_GROUP = ['react', 'react/**', 'react-dom', 'react-dom/**', 'd3', 'd3/**', 'd3-*', 'zustand', 'zustand/**', 'comlink', 'comlink/**'];

/** './a/../b', '../x/./y': a spelling that could walk around the folder rules. */
export const NON_NORMALIZED = '(^|[^.])/\\.\\.?(/|$)|^\\./\\.\\.?(/|$)';
const NORMALIZED_PATTERN = { regex: NON_NORMALIZED, message: 'write relative imports normalized (no "/./" or "x/../")' };

interface Pattern {
  group?: string[];
  regex?: string;
  message: string;
}

interface Override {
  files: string[];
  rules: { 'no-restricted-imports': ['error', { patterns: Pattern[] }] };
}

/** The folder groups seen from a file whose way out of its folder is `up` ('../', '../../', or './' at src's root). */
function folderGroup(folder: SrcFolder, rule: FolderRule, up: string): string[] {
  const under = (f: string) => [`${up}${f}`, `${up}${f}/**`];
  if (rule.kind === 'never') return rule.folders.flatMap(under);
  const leave = up === './' ? ['./**', '../**'] : [`${up}**`];
  const allowed = [folder, ...rule.folders.filter((f) => f !== folder)];
  return [...leave, ...allowed.flatMap(under).map((p) => `!${p}`), ...(rule.modules ?? []).map((m) => `!${up}${m}`)];
}

function packageGroup(rule: FolderRule): string[] {
  if (rule.kind === 'never') return rule.packages.flatMap((p) => [p, `${p}/**`]);
  return rule.packages === 'noBrowser' ? BROWSER_PACKAGE_GROUP : [];
}

function patterns(folder: SrcFolder, up: string, allow: readonly string[] = [], rule: FolderRule = IMPORT_RULES[folder]): Pattern[] {
  const unless = allow.map((spec) => `!${spec}`);
  // The regex first: oxlint stops at a group whose '!' pattern lets an import through.
  const out: Pattern[] = [NORMALIZED_PATTERN, { group: [...folderGroup(folder, rule, up), ...unless], message: rule.why }];
  const packages = packageGroup(rule);
  if (packages.length > 0) out.push({ group: [...packages, ...unless], message: rule.why });
  return out;
}

const override = (files: string[], p: Pattern[]): Override => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: p }] } });

/** Where a file sits: its folder's rule and its way out of that folder. */
function placeOf(file: string): { folder: SrcFolder; up: string } {
  if (Object.hasOwn(ROOT_FILES, file)) return { folder: ROOT_FILES[file], up: './' };
  const parts = file.split('/');
  const folder = parts[1] as SrcFolder;
  if (parts[0] !== 'src' || !SRC_FOLDERS.includes(folder)) throw new Error(`${file} is not under a folder of IMPORT_RULES`);
  return { folder, up: '../'.repeat(parts.length - 2) };
}

export function oxlintConfig(): object {
  const overrides: Override[] = [];
  for (const folder of SRC_FOLDERS) {
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      overrides.push(override([`src/${folder}/${'*/'.repeat(depth)}*`], patterns(folder, '../'.repeat(depth + 1))));
    }
  }
  // Tests of the core may reach any core folder (a function's test may check it with the
  // optimizer's spectrum), never the browser side: after their folder's override, so they win.
  for (const folder of CORE) {
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      overrides.push(override([`src/${folder}/${'*/'.repeat(depth)}*.test.ts`], patterns(folder, '../'.repeat(depth + 1), [], TEST_RULE)));
    }
  }
  for (const [file, folder] of Object.entries(ROOT_FILES)) overrides.push(override([file], patterns(folder, './')));
  // Last, so that they win over their folder's override for that one file.
  for (const file of new Set(KNOWN_VIOLATIONS.map((k) => k.file))) {
    const { folder, up } = placeOf(file);
    const allowed = KNOWN_VIOLATIONS.filter((k) => k.file === file).map((k) => k.imports);
    overrides.push(override([file], patterns(folder, up, allowed)));
  }
  return {
    $schema: './node_modules/oxlint/configuration_schema.json',
    categories: { correctness: 'off' },
    ignorePatterns: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NORMALIZED_PATTERN] }] },
    overrides,
  };
}

const HEADER = '// Generated from scripts/lint/importRules.ts by `npx tsx scripts/lint/gen_oxlintrc.ts`: edit the table, not this file.\n';

export const configText = (): string => HEADER + JSON.stringify(oxlintConfig(), null, 2) + '\n';
