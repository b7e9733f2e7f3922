// The line-search wrapper's verdict notes: each note's count of steps, the notes in the order
// they first appeared (the verdict's order), counted in runs of one note set, so the counts must
// come out right however the sets alternate and whenever notes() is asked.
import { describe, expect, it } from 'vitest';
import { runStream } from '../rng';
import { NOTE, type LineSearchMethod } from '../quasiNewton/types';
import type { StepContext } from '../types';
import { lineSearchInstance } from './lineSearchStep';

/** A method that makes the given note sets, one a step, and nothing else. */
function scripted(sets: number[]): LineSearchMethod {
  let k = 0;
  const result = { evals: 2, t: 0, notes: 0 };
  return {
    step() {
      result.notes = sets[k++];
      return result;
    },
  };
}

const say = (name: string) => (n: number) => `${name} ${n}`;
const WORDS = { historySkipped: say('historySkipped'), updateSkipped: say('updateSkipped'), restart: say('restart'), notDescent: say('notDescent'), stationary: say('stationary'), wolfeNotMet: say('wolfeNotMet') };

function run(sets: number[], askEvery = Infinity): { notes: string[]; evals: number[] } {
  const instance = lineSearchInstance('test', scripted(sets), WORDS);
  const ctx: StepContext = { lr: 1, rng: runStream(1, 0), f: 0, evaluate: () => ({ f: 0, g: new Float64Array(1) }) };
  const evals: number[] = [];
  for (let k = 0; k < sets.length; k++) {
    ctx.evals = 1;
    instance.step(new Float64Array(1), new Float64Array(1), ctx);
    evals.push(ctx.evals);
    if ((k + 1) % askEvery === 0) instance.notes!();
  }
  return { notes: instance.notes!(), evals };
}

describe('lineSearchInstance', () => {
  const { updateSkipped: U, stationary: S, wolfeNotMet: W, notDescent: D } = NOTE;
  const sets = [0, W, W, 0, U | D | W, U | S, U | S, U | S, W, 0, U | S];

  it('counts the steps that made each note, stating them in the order they first appeared', () => {
    // wolfeNotMet first (step 2), then updateSkipped, notDescent (step 5), then stationary
    expect(run(sets).notes).toEqual(['wolfeNotMet 4', 'updateSkipped 5', 'notDescent 1', 'stationary 4']);
  });

  it('gives the same counts when the verdict is asked for between steps', () => {
    for (const every of [1, 2, 3, 5]) expect(run(sets, every).notes).toEqual(run(sets).notes);
  });

  it("states nothing for a run without notes, and passes on the method's evaluations", () => {
    const r = run([0, 0, 0]);
    expect(r.notes).toEqual([]);
    expect(r.evals).toEqual([2, 2, 2]);
  });

  it('leaves out notes it has no words for', () => {
    const instance = lineSearchInstance('test', scripted([NOTE.restart, NOTE.wolfeNotMet]), {});
    const ctx: StepContext = { lr: 1, rng: runStream(1, 0), f: 0, evaluate: () => ({ f: 0, g: new Float64Array(1) }) };
    for (let k = 0; k < 2; k++) instance.step(new Float64Array(1), new Float64Array(1), ctx);
    // wolfeNotMet always has its sentence (the wrapper's own)
    expect(instance.notes!()).toEqual(['the line search ended without the strong Wolfe conditions at 1 step (it took its best point)']);
  });
});
