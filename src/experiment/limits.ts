// Every numeric limit of an Experiment, in one table. The decoder enforces these, not the UI.
export const LIMITS = {
  runs: { min: 1, max: 8 },
  maxSteps: { min: 1, max: 100_000 },
  gradTol: { min: 0, max: 1e3 },
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
  },
} as const;
