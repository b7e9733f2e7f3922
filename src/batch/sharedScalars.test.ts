// Shared step scalars: which parameters a sequence reads is observed correctly, pixels share a
// sequence exactly when those parameters agree, and a shared sequence gives every optimizer's
// own values, step for step (the registry is iterated).
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../optim/optimizers';
import { resolveParams } from '../optim/optimizers/params';
import { ScalarKeys, scalarDeps, scalarKey, SharedScalars } from './sharedScalars';

describe('scalarDeps', () => {
  it('records the parameters a sequence reads', () => {
    expect(scalarDeps(OPTIMIZERS.adam.stepScalars, resolveParams('adam', {}))).toEqual(['betas']);
    expect(scalarDeps(OPTIMIZERS.nadam.stepScalars, resolveParams('nadam', {}))).toEqual(['betas', 'momentumDecay']);
    expect(scalarDeps(OPTIMIZERS.sgd.stepScalars, resolveParams('sgd', {}))).toEqual([]);
  });
});

describe('SharedScalars', () => {
  it('shares one sequence between parameter sets that differ only where the scalars do not read', () => {
    const shared = new SharedScalars(OPTIMIZERS.adam.stepScalars);
    const a = shared.sequenceFor(resolveParams('adam', { lr: 0.1 }));
    const b = shared.sequenceFor(resolveParams('adam', { lr: 0.2, eps: 1e-6 }));
    const c = shared.sequenceFor(resolveParams('adam', { lr: 0.1, betas: [0.8, 0.999] }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(shared.size).toBe(2);
  });

  for (const def of Object.values(OPTIMIZERS)) {
    it(`${def.id}: a shared sequence gives the optimizer's own scalars at every step`, () => {
      const params = [resolveParams(def.id, {}), resolveParams(def.id, { lr: 0.5 })];
      if ('betas' in params[0]) params.push(resolveParams(def.id, { betas: [0.7, 0.95] }));
      const shared = new SharedScalars(def.stepScalars);
      const seqs = params.map((p) => shared.sequenceFor(p));
      const own = params.map((p) => def.stepScalars.start(p));
      for (let s = 0; s < 300; s++) {
        shared.advance();
        for (let k = 0; k < params.length; k++) {
          const mine = Array.from(seqs[k].next());
          // a sequence is read once per step by each of its pixels: every read gives the same values
          expect(Array.from(seqs[k].next())).toEqual(mine);
          expect(mine).toEqual(Array.from(own[k].next()));
        }
      }
    });
  }
});

describe('ScalarKeys', () => {
  for (const def of Object.values(OPTIMIZERS)) {
    it(`${def.id}: gives scalarKey's partition of parameter sets, observing only sets no earlier one covers`, () => {
      const sets = [0.1, 0.2, -0, 0].flatMap((lr) => {
        const base = resolveParams(def.id, { lr });
        return 'betas' in base ? [base, resolveParams(def.id, { lr, betas: [0.7, 0.95] }), resolveParams(def.id, { lr, betas: [-0, 0.95] })] : [base];
      });
      const keys = new ScalarKeys(def.stepScalars);
      const mine = sets.map((p) => keys.of(p));
      const own = sets.map((p) => scalarKey(def.stepScalars, p));
      for (let a = 0; a < sets.length; a++) for (let b = 0; b < sets.length; b++) expect(mine[a] === mine[b]).toBe(own[a] === own[b]);
    });
  }

  it('tells -0 from 0 and arrays by their values', () => {
    const keys = new ScalarKeys(OPTIMIZERS.adam.stepScalars);
    const k = [[0.9, 0.999], [-0, 0.999], [0, 0.999], [0.9, 0.99]].map((betas) => keys.of(resolveParams('adam', { betas })));
    expect(new Set(k).size).toBe(4);
  });
});
