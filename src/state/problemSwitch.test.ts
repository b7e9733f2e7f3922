// Switching surfaces keeps each run's optimizer; a gradient-descent run on a default learning
// rate takes the new surface's recommended one, and that rate shows the surface's lesson.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STOP, openingExperiment } from '../experiment/defaults';
import { SURFACE_IDS, type Experiment, type Run, type SurfaceId } from '../experiment/types';
import { collectResults, createEngine } from '../optim/engine';
import { CATALOGUE } from '../surfaces/catalogue';
import { runsForSurface } from './problemSwitch';

const surface = (id: SurfaceId) => ({ kind: 'surface' as const, id });

function run(exp: Experiment) {
  const built = createEngine(exp);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return collectResults(exp, built.engine);
}

describe('runsForSurface', () => {
  it('keeps optimizers; a gradient-descent run on a default lr takes the recommended one; a chosen lr stays', () => {
    const runs: Run[] = [
      { optimizer: 'sgd', params: { lr: 1e-3 }, start: [-1.5, 1.5] }, // Rosenbrock's recommendation
      { optimizer: 'sgd', params: { lr: 0.042, momentum: 0.9 } }, // chosen by hand
      { optimizer: 'pgd' }, // unset
      { optimizer: 'adam', params: { lr: 1e-3 } }, // adaptive: its own lr
      { optimizer: 'cubic', params: {} },
    ];
    const moved = runsForSurface(runs, surface('rosenbrock'), surface('doubleWell'));
    expect(moved.map((r) => r.optimizer)).toEqual(['sgd', 'sgd', 'pgd', 'adam', 'cubic']);
    expect(moved.map((r) => r.params?.lr)).toEqual([0.1, 0.042, 0.1, 1e-3, undefined]);
    expect(moved[1].params?.momentum).toBe(0.9);
    expect(moved.every((r) => r.start === undefined)).toBe(true);
    // and back: the double well's recommendation counts as a default too
    expect(runsForSurface(moved, surface('doubleWell'), surface('rosenbrock')).map((r) => r.params?.lr)).toEqual([1e-3, 0.042, 1e-3, 1e-3, undefined]);
  });

  it("makes the double well's sentence true on screen: SGD switched over from Rosenbrock stops at the saddle", () => {
    const from: Run[] = [{ optimizer: 'sgd', params: { lr: 1e-3 }, start: [-1.5, 1.5] }];
    const runs = runsForSurface(from, surface('rosenbrock'), surface('doubleWell'));
    const [r] = run({ v: 1, problem: surface('doubleWell'), runs, stop: { ...DEFAULT_STOP }, seed: 0 });
    expect(CATALOGUE.doubleWell.teaches).toMatch(/stops at the saddle/);
    expect(r.stop).toMatchObject({ reason: 'gradTol', kind: 'saddle' });
  });

  it('every recommended lr keeps gradient descent finite on the surfaces that are bounded below', () => {
    const unbounded = new Set<SurfaceId>(['saddle', 'monkeySaddle']); // their lesson is the escape
    for (const id of SURFACE_IDS.filter((s) => !unbounded.has(s))) {
      const [r] = run({ v: 1, problem: surface(id), runs: [{ optimizer: 'sgd', params: { lr: CATALOGUE[id].recommendedLr } }], stop: { ...DEFAULT_STOP }, seed: 0 });
      expect(r.stop.reason, id).not.toBe('diverged');
    }
  });
});

describe('openingExperiment', () => {
  it('is the race: GD stops at the saddle, perturbed and noisy GD and cubic Newton reach a minimum', () => {
    const results = run(openingExperiment());
    expect(results.map((r) => [r.optimizer, r.stop.reason, r.stop.kind])).toEqual([
      ['sgd', 'gradTol', 'saddle'],
      ['pgd', 'gradTol', 'minimum'],
      ['noisySgd', 'gradTol', 'minimum'],
      ['cubic', 'gradTol', 'minimum'],
    ]);
  });
});
