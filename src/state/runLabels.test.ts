import { describe, expect, it } from 'vitest';
import type { Run } from '../experiment/types';
import { runLabels } from './runLabels';

describe('runLabels: two different runs never share a label', () => {
  it('names the settings that tell runs apart', () => {
    const runs: Run[] = [
      { optimizer: 'sgd', params: { lr: 0.05 } },
      { optimizer: 'sgd', params: { lr: 0.05, momentum: 0.9 } },
      { optimizer: 'sgd', params: { lr: 0.05, momentum: 0.9, nesterov: true } },
      { optimizer: 'sgd', params: { lr: 0.05 }, gradNoise: 0.1 },
      { optimizer: 'adam', params: { lr: 0.01, betas: [0.9, 0.99] } },
    ];
    expect(runLabels(runs)).toEqual(['SGD lr=0.05', 'SGD lr=0.05 momentum=0.9', 'SGD lr=0.05 momentum=0.9 nesterov', 'SGD lr=0.05 noise=0.1', 'Adam lr=0.01 betas=0.9,0.99']);
  });

  it('adds the start where only the start differs, and numbers copies', () => {
    const a: Run = { optimizer: 'sgd', params: { lr: 0.1 }, start: [1, 0] };
    const labels = runLabels([a, { ...a, start: [0, 1] }, a, { ...a, label: 'mine' }, { optimizer: 'sgd', label: 'mine' }]);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[1]).toBe('SGD lr=0.1 from (0, 1)');
    expect(labels[0]).toBe('SGD lr=0.1 from (1, 0) (run 1)');
    expect(labels[2]).toBe('SGD lr=0.1 from (1, 0) (run 3)');
    expect(labels.slice(3)).toEqual(['mine from (1, 0)', 'mine']);
  });

  it('keeps the engine\'s plain label when runs differ in optimizer or lr', () => {
    expect(runLabels([{ optimizer: 'sgd', params: { lr: 0.1 } }, { optimizer: 'pgd', params: { lr: 0.1 } }])).toEqual(['SGD lr=0.1', 'Perturbed GD lr=0.1']);
  });
});
