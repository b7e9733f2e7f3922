// Every numeric limit of an Experiment, in one table. The decoder enforces these, not the UI.
export const LIMITS = {
  runs: { min: 1, max: 8 },
  maxSteps: { min: 1, max: 100_000 },
  /** stop.maxEvals: a line search spends at most 26 evaluations a step (torch's max_ls = 25, + 1). */
  maxEvals: { min: 1, max: 2_600_000 },
  gradTol: { min: 0, max: 1e3 },
  /** stop.secondOrder.rho, the Hessian's Lipschitz constant: > 0. */
  rho: { min: 0, max: 1e6 },
  /** A run's random stream id: 0 .. 255 (the app uses 0 .. 7; rng.ts jumps the generator once per id). */
  stream: { min: 0, max: 255 },
  seed: { min: 0, max: 0xffff_ffff },
  coordinate: { min: -1e6, max: 1e6 },
  viewSpan: { min: 1e-9 },
  exprLength: { max: 500 },
  labelLength: { max: 60 },
  regularization: { min: 0, max: 1e3 },
  gradNoise: { min: 0, max: 1e3 },
  clip: { min: 1e-12, max: 1e12 },
  scheduleSteps: { min: 1, max: 100_000 },
  scheduleGamma: { min: 1e-6, max: 10 },
  scheduleDecay: { min: 0, max: 1e3 },
  scheduleEtaMin: { min: 0, max: 1e6 },
  // The largest network job these allow takes days (src/nets/cost.ts: ~0.3 s of CPU a step of
  // the 12,737-weight net on 4,000 points); the CLI says so before it starts (README, "Long network jobs").
  /** Dimension of a function problem (src/functions: MAX_DIM). */
  functionDim: { min: 2, max: 1000 },
  /** Methods that need the dense Hessian every step (newton, cubic, saddleFreeNewton) up to this d (src/functions: DENSE_MAX_DIM). */
  denseHessianDim: { max: 200 },
  startRadius: { min: 0, max: 1e6 },
  network: {
    samples: { min: 10, max: 5000 },
    noise: { min: 0, max: 10 },
    hiddenLayers: { min: 0, max: 4 },
    units: { min: 1, max: 64 },
    batchSize: { min: 0, max: 5000 },
    /** A run's initial weights (Run.init): each weight's magnitude. */
    initWeight: { min: -1e6, max: 1e6 },
  },
} as const;
