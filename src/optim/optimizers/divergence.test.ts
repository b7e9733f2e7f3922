// Every optimizer at lr = 1e6 (the schema's largest) on every catalogue surface: the run must end
// with reason 'diverged' and a message, every recorded point finite, and no hang. The most
// reported "bug" of optimizer visualizers is NaN at a high learning rate (ARCHITECTURE.md).
// Methods whose step is bounded by about lr per coordinate (Adam, Adamax, Adagrad, Adadelta)
// jump about 1e6 and back; they are diverged only under a bound tied to the surface's domain,
// not under an absolute |x| <= 1e6 (see the failure messages, which give the excursion).
// A line search (bfgs, cg; lbfgs with lineSearch 'strongWolfe') takes lr only as its first trial
// step and cuts it back until f decreases enough: those runs need not diverge, and are held to
// finite points, and a message where they do (on the surfaces unbounded below).
import { describe, expect, test } from 'vitest';
import { type Experiment, OPTIMIZER_IDS, type OptimizerId, type SurfaceId } from '../../experiment/types';
import { CATALOGUE } from '../../surfaces/catalogue';
import { createEngine } from '../engine';
import { OPTIMIZERS } from './index';
import { resolveParams } from './params';

/** The step length comes from a line search, with lr only its first trial. */
const searches = (id: OptimizerId) => OPTIMIZERS[id].needsEvaluator === true && resolveParams(id, {}).lineSearch !== 'none';

const MAX_STEPS = 1000;
const combos = (Object.keys(OPTIMIZERS) as OptimizerId[]).flatMap((optimizer) =>
  (Object.keys(CATALOGUE) as SurfaceId[]).map((surface): [OptimizerId, SurfaceId] => [optimizer, surface]),
);

describe('lr = 1e6 diverges, with a message and finite points', () => {
  test('every optimizer and surface is covered', () => {
    expect(Object.keys(OPTIMIZERS)).toEqual([...OPTIMIZER_IDS]);
    expect(combos.length).toBe(OPTIMIZER_IDS.length * Object.keys(CATALOGUE).length);
  });

  test.each(combos)('%s on %s', (optimizer, surface) => {
    const exp: Experiment = {
      v: 1,
      problem: { kind: 'surface', id: surface },
      runs: [{ optimizer, params: { lr: 1e6 } }],
      stop: { maxSteps: MAX_STEPS, gradTol: 0 },
      seed: 7,
    };
    const created = createEngine(exp);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const chunk = created.engine.advance(MAX_STEPS + 1)[0];
    // How far the run went, in spans of the surface's own domain (its default view): the
    // diagnosis when a run at lr = 1e6 is not called diverged.
    const { x, y } = CATALOGUE[surface].view;
    const span = Math.max(x[1] - x[0], y[1] - y[0]);
    let spans = 0;
    for (let i = 0; i < chunk.f.length; i++) {
      const d = Math.max(Math.abs(chunk.xy[2 * i] - (x[0] + x[1]) / 2), Math.abs(chunk.xy[2 * i + 1] - (y[0] + y[1]) / 2));
      spans = Math.max(spans, d / span);
    }
    const why = `stopped by ${chunk.stop?.reason} at step ${chunk.stop?.step}, after going ${spans.toExponential(1)} domain spans out`;
    if (!searches(optimizer) || chunk.stop?.reason === 'diverged') {
      expect(chunk.stop?.reason, why).toBe('diverged');
      expect(chunk.stop?.message).toMatch(/diverged at step \d+/);
    }
    expect(Array.from(chunk.xy).every(Number.isFinite)).toBe(true);
    expect(Array.from(chunk.f).every(Number.isFinite)).toBe(true);
  });
});
