// The import rules of ../shared/design/ARCHITECTURE.md ("Layout": who may import whom), declared
// once. scripts/lint/gen_oxlintrc.ts turns them into .oxlintrc.json (oxlint's
// no-restricted-imports, one override per folder and depth), and scripts/lint/check_import_rules.ts
// proves on probe files that oxlint enforces exactly this table, so the linter, not memory,
// keeps the arrows pointing one way.
//
// Imports are matched as written (oxlint has no path-resolving import rule), so each folder gets
// one override per directory depth: from src/optim/x.ts the folder is left by '../', from
// src/optim/optimizers/x.ts by '../../'. Non-normalized specifiers ('../optim/../state') are
// refused everywhere, so a path cannot dodge the rules by its spelling.

/** The top-level folders of src that a rule may name. */
export const SRC_FOLDERS = [
  'experiment', 'numeric', 'surfaces', 'functions', 'optim', 'nets', 'batch', 'lessons',
  'cli', 'workers', 'state', 'components',
] as const;
export type SrcFolder = (typeof SRC_FOLDERS)[number];

/** The pure core: it runs in Node, so none of it may reach React, D3, zustand or comlink. */
export const CORE: readonly SrcFolder[] = ['experiment', 'numeric', 'surfaces', 'functions', 'optim', 'nets', 'batch', 'lessons'];

/** Packages of the browser side (a name, or a name and everything under it: 'd3' covers 'd3-scale'). */
export const BROWSER_PACKAGES = ['react', 'react-dom', 'd3', 'zustand', 'comlink'] as const;

export type FolderRule =
  /** Only these folders (and the folder itself); `modules` are single files allowed besides (no extension). */
  | { kind: 'only'; folders: readonly SrcFolder[]; modules?: readonly string[]; packages: 'noBrowser' | 'any'; why: string }
  /** Anything but these folders. */
  | { kind: 'never'; folders: readonly SrcFolder[]; packages: readonly string[]; why: string };

export const IMPORT_RULES: Readonly<Record<SrcFolder, FolderRule>> = {
  experiment: {
    kind: 'only',
    folders: [],
    // The one agreed exception: the optimizer parameter table, which the schema validates against.
    modules: ['optim/optimizers/params'],
    packages: 'noBrowser',
    why: 'src/experiment imports nothing outside itself (but the optimizer parameter table)',
  },
  numeric: { kind: 'only', folders: [], packages: 'noBrowser', why: 'src/numeric imports nothing' },
  surfaces: { kind: 'only', folders: ['experiment', 'numeric'], packages: 'noBrowser', why: 'src/surfaces imports only experiment, numeric' },
  functions: { kind: 'only', folders: ['experiment', 'numeric'], packages: 'noBrowser', why: 'src/functions imports only experiment, numeric' },
  // optim runs the d-dimensional functions too (their engine and spectrum live here).
  optim: { kind: 'only', folders: ['surfaces', 'functions', 'numeric', 'experiment'], packages: 'noBrowser', why: 'src/optim imports only surfaces, functions, numeric, experiment' },
  nets: { kind: 'only', folders: ['optim', 'numeric', 'experiment', 'surfaces'], packages: 'noBrowser', why: 'src/nets imports only optim, numeric, experiment, surfaces' },
  batch: { kind: 'only', folders: ['optim', 'surfaces', 'experiment', 'numeric'], packages: 'noBrowser', why: 'src/batch imports only optim, surfaces, experiment, numeric' },
  lessons: { kind: 'only', folders: ['experiment'], packages: 'noBrowser', why: 'src/lessons imports only experiment' },
  cli: { kind: 'only', folders: CORE, packages: 'noBrowser', why: 'the CLI (src/cli, src/cli.ts) imports only the core' },
  workers: { kind: 'only', folders: CORE, packages: 'any', why: 'workers import only the core (components -> state -> workers -> core)' },
  state: { kind: 'never', folders: ['components'], packages: [], why: 'src/state never imports src/components' },
  components: { kind: 'never', folders: ['workers'], packages: ['comlink'], why: 'components never call workers; they go through src/state' },
};

/** Unit tests of a core folder (`*.test.ts`): any core folder, no browser package. */
export const TEST_RULE: FolderRule = { kind: 'only', folders: CORE, packages: 'noBrowser', why: 'core tests import only the core' };

/** Files at the root of src that belong to a folder's rule (their imports start with './'). */
export const ROOT_FILES: Readonly<Record<string, SrcFolder>> = { 'src/cli.ts': 'cli' };

/**
 * Imports that break a rule today, allowed for now in that one file only. Each names the issue
 * that removes it; check_import_rules.ts fails once the file no longer has that import, so the
 * list only shrinks.
 */
export const KNOWN_VIOLATIONS: readonly { file: string; imports: string; todo: string }[] = [
];

/** The deepest directory level under a folder that gets its own override (src/F/a/b/c/file.ts). */
export const MAX_DEPTH = 3;
