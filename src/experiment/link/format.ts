// The link format, version 1, declared once (as tensorflow/playground's state table): the
// top-level keys, the items of a run, and the slots of each schedule kind. Example:
//   v=1&surface=rosenbrock&r0=adam,lr:0.01,betas:0.9;0.99,start:-1.5;1.5,label:fast&steps=2000&tol=0.0001&seed=0
// A run is `optimizer[,item]*`; an item is `name:value`, where a name is either one of
// RUN_OPTION_KEYS or a parameter of the optimizer (torch.optim's name). The bare item
// `defaults` stands for an empty params object (`params: {}`), so even that round-trips.

/** Top-level keys and the Experiment field each carries. */
export const TOP_KEYS = {
  v: 'version',
  surface: 'problem.id',
  expr: 'problem.expr',
  reg: 'problem.regularization (l1:a;l2:b)',
  data: 'problem.dataset',
  samples: 'problem.samples',
  noise: 'problem.noise',
  hidden: 'problem.hidden (widths separated by ;)',
  act: 'problem.activation',
  batch: 'problem.batchSize',
  fn: 'problem.id of a function problem',
  dim: 'problem.dim',
  fp: 'problem.params of a function problem (k:3;seed:5)',
  steps: 'stop.maxSteps',
  tol: 'stop.gradTol',
  rho: 'stop.secondOrder.rho (present: the second-order stopping rule is on)',
  evals: 'stop.maxEvals (written only when set)',
  seed: 'seed',
  view: 'view (x0;x1;y0;y1)',
  t: 'atStep (the step a shared link points at; not part of the Experiment)',
  maps: 'the basin and sweep maps\' settings (MAPS_LAYOUT; not part of the Experiment)',
  xaxis: "the charts' x axis, steps or evals (CHART_X_AXES; written only when evals; not part of the Experiment)",
  escape: 'the escape-time distribution\'s settings (ESCAPE_SLOTS; not part of the Experiment)',
  view3d: 'the 2D / 3D layout, the 3D heights and camera (VIEW3D_SLOTS; not part of the Experiment)',
  census: 'the network census\'s settings (CENSUS_SLOTS; not part of the Experiment)',
  dimfig: 'the settings of escape time against d (DIMFIG_SLOTS; not part of the Experiment)',
  plane: 'a function problem\'s drawing plane: i;j (coordinates from 1) or pca (PLANE_PCA; not part of the Experiment)',
} as const;
export type TopKey = keyof typeof TOP_KEYS;

/** `r0` .. `r7`: one key per run, numbered from 0. */
export const RUN_KEY = /^r(0|[1-9][0-9]{0,8})$/;

/** Network-problem keys and the NetworkProblem field each fills. */
export const NETWORK_KEYS = {
  data: 'dataset',
  samples: 'samples',
  noise: 'noise',
  hidden: 'hidden',
  act: 'activation',
  batch: 'batchSize',
} as const;

/**
 * Function-problem keys and the FunctionProblem field each fills. Example:
 *   v=1&fn=strictSaddle&dim=100&fp=k:3&r0=sgd,lr:0.05&r1=pgd,srad:0.001&steps=5000&tol=0.000001&seed=0
 * A run's start on a function problem is its `dim` numbers (start:0;0;1;...). A link is read only
 * up to MAX_LINK_LENGTH characters, so full-precision starts of hundreds of coordinates do not fit:
 * such an experiment travels as a JSON file (MAX_JSON_LENGTH holds the largest one).
 */
export const FUNCTION_KEYS = {
  fn: 'id',
  dim: 'dim',
  fp: 'params',
} as const;

/** Run items other than parameters: link name -> Run field. No optimizer parameter may use these names. */
export const RUN_OPTION_KEYS = {
  start: 'start',
  srad: 'startRadius',
  noise: 'gradNoise',
  clip: 'clip',
  sched: 'schedule',
  label: 'label',
  stream: 'stream',
} as const;

export const EMPTY_PARAMS_ITEM = 'defaults';

/** The values of a schedule after its kind, in order: `sched:step;100;0.5`. */
export const SCHEDULE_SLOTS = {
  constant: [],
  step: ['stepSize', 'gamma'],
  exponential: ['gamma'],
  inverseTime: ['decay'],
  cosine: ['tMax', 'etaMin'],
} as const satisfies Record<string, readonly string[]>;

/**
 * The `maps=` value, written only when the settings differ from their defaults: parts separated
 * by ';', each the listed slots separated by ','; the last part (the compared basin map) only
 * when there is one. Example (the defaults):
 *   maps=128,0;32,0,steps;lr,0.0001,1,log;momentum,0.5,0.999,log1m
 * Numbers are written as String(n); reading is lenient (sanitizeBatchSettings clamps every slot)
 * and a value that does not read back to itself is reported.
 */
export const MAPS_LAYOUT = [
  { part: 'basins', slots: ['resolution', 'run'] },
  { part: 'sweep', slots: ['resolution', 'run', 'color'] },
  { part: 'sweep.x', slots: ['param', 'min', 'max', 'scale'] },
  { part: 'sweep.y', slots: ['param', 'min', 'max', 'scale'] },
  { part: 'compare', slots: ['resolution', 'run'], optional: true },
] as const;

/** Slots of MAPS_LAYOUT that hold text; the others are numbers. */
export const MAPS_TEXT_SLOTS: ReadonlySet<string> = new Set(['color', 'param', 'scale']);

/**
 * The `escape=` value, written only when the settings differ from their defaults: the slots
 * separated by ','; the run and the radius are numbers or `auto` (the first run with randomness;
 * the default radius rule). Examples: escape=1,500,0.25 and escape=auto,1000,auto.
 */
export const ESCAPE_SLOTS = ['run', 'seeds', 'radius'] as const;
export const ESCAPE_AUTO = 'auto';

/**
 * The `census=` value (src/experiment/census.ts), written only when the settings differ from
 * their defaults: the slots separated by ',', numbers as String(n). Example: census=200,1e-10.
 */
export const CENSUS_SLOTS = ['starts', 'eps'] as const;

/**
 * The `dimfig=` value (src/experiment/dimFigures.ts), written only when the settings differ from
 * their defaults: these slots separated by ',', the dimensions separated by ';', numbers as
 * String(n). Example (the defaults): dimfig=2;5;10;20;50;100;200;500;1000,10,0.5,nearest.
 */
export const DIMFIG_SLOTS = ['dims', 'seeds', 'radius', 'saddle'] as const;
export const DIMFIG_LIST_SEPARATOR = ';';

/**
 * A lesson's own link, apart from experiment links: `lesson=<id>&step=<n>`, n counted from 1 (the
 * first step when left out). The app opens the lesson and loads that step's experiment link.
 */
export const LESSON_LINK_KEYS = {
  lesson: 'the lesson\'s id (src/lessons)',
  step: 'the step, counted from 1',
} as const;

/**
 * The `view3d=` value (src/experiment/view3d.ts), written only when the settings differ from
 * their defaults: these slots separated by ',', numbers as String(n). Example:
 *   view3d=both,log,-60,32,4.2,0,0,0.25
 * Reading is lenient (sanitizeView3d clamps every slot) and a value that does not read back to
 * itself is reported.
 */
export const VIEW3D_SLOTS = [
  'layout',
  'heights',
  'camera.azimuth',
  'camera.elevation',
  'camera.distance',
  'camera.target.0',
  'camera.target.1',
  'camera.target.2',
] as const;

/** Slots of VIEW3D_SLOTS that hold text; the others are numbers. */
export const VIEW3D_TEXT_SLOTS: ReadonlySet<string> = new Set(['layout', 'heights']);

/**
 * The `plane=` value (src/experiment/plane.ts), written only when the app's plane is not the
 * function's own: two coordinates numbered from 1 separated by ';' (plane=1;3), or this word for
 * the plane of the selected run's two principal components (plane=pca).
 */
export const PLANE_PCA = 'pca';
