// The lenient decoder on hand-made links: what loads, what falls back to what, and the report.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STOP, defaultExperiment } from '../defaults';
import { parseExperiment } from '../parse';
import { decodeExperiment, decodeExperimentDetailed, MAX_LINK_LENGTH, linkKey } from './decode';

const surface = 'v=1&surface=himmelblau';
const tail = '&steps=100&tol=0&seed=3';

describe('decodeExperiment, lenient per field', () => {
  it('reads a short hand-written link, taking the defaults it leaves out', () => {
    expect(decodeExperiment('v=1&surface=himmelblau&r0=adam')).toStrictEqual({
      experiment: { v: 1, problem: { kind: 'surface', id: 'himmelblau' }, runs: [{ optimizer: 'adam' }], stop: { ...DEFAULT_STOP }, seed: 0 },
      problems: [],
    });
    expect(decodeExperiment('v=1&surface=booth&r0=sgd&steps=10').experiment.stop).toStrictEqual({ maxSteps: 10, gradTol: DEFAULT_STOP.gradTol });
  });

  it('drops a bad parameter (the optimizer default applies) and names it', () => {
    const { experiment, problems } = decodeExperiment(`${surface}&r0=sgd&r1=adam,lr:1e7,eps:0.5${tail}`);
    expect(experiment.runs[1]).toStrictEqual({ optimizer: 'adam', params: { eps: 0.5 } });
    expect(problems).toStrictEqual([{ field: 'runs[1].params.lr', message: 'must be at most 1e+6 (got 1e+7)' }]);
  });

  it('checks every kind of parameter value', () => {
    const { experiment, problems } = decodeExperiment(`${surface}&r0=adam,lr:abc,betas:0.9;1,amsgrad:yes,eps:NaN,weightDecay:Infinity,foo:1${tail}`);
    expect(experiment.runs).toStrictEqual([{ optimizer: 'adam', params: {} }]);
    expect(problems).toStrictEqual([
      { field: 'runs[0].params.foo', message: 'unknown field "foo"' },
      { field: 'runs[0].params.lr', message: 'must be a number' },
      { field: 'runs[0].params.betas[1]', message: 'must be at most 0.999999 (got 1)' },
      { field: 'runs[0].params.eps', message: 'must be a number' },
      { field: 'runs[0].params.amsgrad', message: 'must be true or false' },
      { field: 'runs[0].params.weightDecay', message: 'must be a finite number' },
    ]);
  });

  it('drops a run with an unknown optimizer and says so', () => {
    const { experiment, problems } = decodeExperiment(`${surface}&r0=sgd&r1=notAnOptimizer,lr:1${tail}`);
    expect(experiment.runs).toStrictEqual([{ optimizer: 'sgd' }]);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('runs[1].optimizer');
    expect(problems[0].message).toMatch(/^unknown value "notAnOptimizer"; expected one of sgd, .*; run dropped$/);
  });

  it('uses the default run when no run is left', () => {
    const { experiment, problems } = decodeExperiment(`${surface}&r0=nope${tail}`);
    expect(experiment.runs).toStrictEqual(defaultExperiment().runs);
    expect(problems.map((p) => p.field)).toStrictEqual(['runs[0].optimizer', 'runs']);
    expect(problems[1].message).toBe('at least 1 run is needed; using the default run');
  });

  it('drops bad run options one by one', () => {
    const { experiment, problems } = decodeExperiment(
      `${surface}&r0=sgd,momentum:0.5,start:1;x,noise:-1,clip:0,sched:step;0;0.5,label:${'x'.repeat(61)},nesterov:true${tail}`,
    );
    expect(experiment.runs).toStrictEqual([{ optimizer: 'sgd', params: { momentum: 0.5, nesterov: true } }]);
    expect(problems.map((p) => p.field)).toStrictEqual(['runs[0].start[1]', 'runs[0].gradNoise', 'runs[0].clip', 'runs[0].schedule.stepSize', 'runs[0].label']);
  });

  it('names nesterov when the momentum rule fails', () => {
    const { experiment, problems } = decodeExperiment(`${surface}&r0=sgd,nesterov:true${tail}`);
    expect(experiment.runs).toStrictEqual([{ optimizer: 'sgd', params: {} }]);
    expect(problems).toStrictEqual([{ field: 'runs[0].params.nesterov', message: 'nesterov needs momentum > 0 and dampening = 0 (as torch.optim.SGD)' }]);
  });

  it('reads every schedule kind and rejects malformed ones', () => {
    const kinds = 'sched:constant|sched:step;10;0.5|sched:exponential;0.99|sched:inverseTime;0.1|sched:cosine;100;0'.split('|');
    const link = `${surface}&${kinds.map((k, i) => `r${i}=sgd,${k}`).join('&')}${tail}`;
    expect(decodeExperiment(link).experiment.runs.map((r) => r.schedule)).toStrictEqual([
      { kind: 'constant' },
      { kind: 'step', stepSize: 10, gamma: 0.5 },
      { kind: 'exponential', gamma: 0.99 },
      { kind: 'inverseTime', decay: 0.1 },
      { kind: 'cosine', tMax: 100, etaMin: 0 },
    ]);
    const bad = decodeExperiment(`${surface}&r0=sgd,sched:warmup;3&r1=sgd,sched:step;10&r2=sgd,sched:exponential;0.9;1${tail}`);
    expect(bad.experiment.runs).toStrictEqual([{ optimizer: 'sgd' }, { optimizer: 'sgd' }, { optimizer: 'sgd' }]);
    expect(bad.problems.map((p) => [p.field, p.message])).toStrictEqual([
      ['runs[2].schedule', 'the exponential schedule takes 1 values (gamma), got 2; schedule dropped'],
      ['runs[0].schedule.kind', 'unknown schedule "warmup"; expected constant, step, exponential, inverseTime or cosine'],
      ['runs[1].schedule.gamma', 'is required'],
    ]);
  });

  it('falls back to the default problem for a bad surface, keeping the rest', () => {
    const { experiment, problems } = decodeExperiment(`v=1&surface=nowhere&r0=adam${tail}`);
    expect(experiment.problem).toStrictEqual(defaultExperiment().problem);
    expect(experiment.runs).toStrictEqual([{ optimizer: 'adam' }]);
    expect(problems[0].field).toBe('problem.id');
    expect(problems[0].message).toMatch(/; using the default problem$/);
    const long = decodeExperiment(`v=1&expr=${'x'.repeat(501)}&r0=adam`);
    expect(long.problems).toStrictEqual([{ field: 'problem.expr', message: 'expression too long (max 500 characters); using the default problem' }]);
    const both = decodeExperiment('v=1&surface=booth&expr=x&r0=adam');
    expect(both.problems).toStrictEqual([{ field: 'problem', message: 'a surface problem needs exactly one of "id" or "expr"; using the default problem' }]);
    expect(decodeExperiment('v=1&r0=adam').problems).toStrictEqual([{ field: 'problem', message: 'is required; using the default problem' }]);
  });

  it('drops a bad regularization term only', () => {
    const { experiment, problems } = decodeExperiment(`${surface}&reg=l1:-1;l2:0.5;l3:2&r0=sgd${tail}`);
    expect(experiment.problem).toStrictEqual({ kind: 'surface', id: 'himmelblau', regularization: { l2: 0.5 } });
    expect(problems).toStrictEqual([
      { field: 'problem.regularization.l3', message: 'unknown field "l3"' },
      { field: 'problem.regularization.l1', message: 'must be at least 0 (got -1)' },
    ]);
  });

  it('reads network problems and rejects a bad one whole', () => {
    const ok = decodeExperiment('v=1&data=moons&samples=200&noise=0.1&hidden=8;8&act=tanh&batch=0&r0=adam');
    expect(ok.experiment.problem).toStrictEqual({ kind: 'network', dataset: 'moons', samples: 200, noise: 0.1, hidden: [8, 8], activation: 'tanh', batchSize: 0 });
    expect(ok.problems).toStrictEqual([]);
    const bad = decodeExperiment('v=1&data=moons&samples=5&noise=0.1&hidden=&act=tanh&batch=0&r0=adam');
    expect(bad.experiment.problem).toStrictEqual(defaultExperiment().problem);
    expect(bad.problems).toStrictEqual([{ field: 'problem.samples', message: 'must be at least 10 (got 5); using the default problem' }]);
  });

  it('uses the defaults for a bad stop rule, seed, view and step', () => {
    const { experiment, problems, atStep } = decodeExperiment(`${surface}&r0=sgd&steps=0&tol=-1&seed=1.5&view=1;0;0;1&t=-2`);
    expect(experiment.stop).toStrictEqual(DEFAULT_STOP);
    expect(experiment.seed).toBe(0);
    expect(experiment.view).toBeUndefined();
    expect(atStep).toBeUndefined();
    expect(problems.map((p) => p.field)).toStrictEqual(['atStep', 'view.x', 'stop.maxSteps', 'stop.gradTol', 'seed']);
    expect(decodeExperiment(`${surface}&r0=sgd&view=1;2;3`).problems).toStrictEqual([
      { field: 'view', message: "must be 4 numbers x0;x1;y0;y1 (got 3); using the surface's default window" },
    ]);
  });

  it('reports unknown and repeated keys, keeping the first value', () => {
    const { experiment, problems } = decodeExperiment(`${surface}&r0=sgd,lr:0.1,lr:0.2&seed=4&seed=5&zoom=2&r0=adam`);
    expect(experiment.runs).toStrictEqual([{ optimizer: 'sgd', params: { lr: 0.1 } }]);
    expect(experiment.seed).toBe(4);
    expect(problems).toStrictEqual([
      { field: 'runs[0].params.lr', message: 'given twice; the first value is used' },
      { field: 'seed', message: 'given twice in the link; the first value is used' },
      { field: 'zoom', message: 'unknown link field "zoom"' },
      { field: 'r0', message: 'given twice in the link; the first value is used' },
    ]);
  });

  it('keeps at most 8 runs', () => {
    const runs = Array.from({ length: 10 }, (_, i) => `r${i}=sgd`).join('&');
    const { experiment, problems } = decodeExperiment(`${surface}&${runs}`);
    expect(experiment.runs).toHaveLength(8);
    expect(problems.map((p) => p.field)).toStrictEqual(['runs[8]', 'runs[9]']);
  });

  it('cannot be polluted through __proto__, constructor or prototype', () => {
    const { experiment, problems } = decodeExperiment(`${surface}&__proto__=1&constructor=2&r0=sgd,__proto__:1,prototype:3,constructor:4&reg=__proto__:1`);
    expect(parseExperiment(experiment).ok).toBe(true);
    expect(problems.map((p) => p.field)).toStrictEqual([
      '__proto__', 'constructor', 'problem.regularization.__proto__', 'runs[0].params.__proto__', 'runs[0].params.prototype', 'runs[0].params.constructor',
    ]);
    expect(Object.getPrototypeOf(experiment.runs[0].params)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles versions: missing, unknown, newer', () => {
    expect(decodeExperiment('surface=booth&r0=sgd').problems).toStrictEqual([{ field: 'v', message: 'is required; read as version 1' }]);
    const newer = decodeExperiment('v=7&surface=booth&r0=sgd');
    expect(newer).toStrictEqual({ experiment: defaultExperiment(), problems: [{ field: 'v', message: 'link version 7 is newer than this app (reads 1); using the default experiment' }] });
    expect(decodeExperiment('v=0&surface=booth').problems[0].message).toBe('link version "0" is not one this app knows (reads 1); using the default experiment');
    expect(decodeExperiment('v=x&surface=booth').problems[0].message).toBe('link version "x" is not one this app knows (reads 1); using the default experiment');
  });

  it('refuses input over the length cap', () => {
    const { experiment, problems } = decodeExperiment('v=1&' + 'a'.repeat(MAX_LINK_LENGTH));
    expect(experiment).toStrictEqual(defaultExperiment());
    expect(problems[0].message).toMatch(/^link too long/);
  });

  it('caps the number of problems', () => {
    const { problems } = decodeExperiment(`${surface}&r0=sgd&` + Array.from({ length: 200 }, (_, i) => `k${i}=1`).join('&'));
    expect(problems).toHaveLength(51);
    expect(problems[50]).toStrictEqual({ field: '', message: 'and 150 more problems' });
  });

  it('gives the fallback apart in the detailed form', () => {
    expect(decodeExperimentDetailed('v=1&surface=x&r0=sgd').problems[0]).toMatchObject({ field: 'problem.id', fallback: 'using the default problem' });
  });

  it("keeps a hand-typed '#' of a bare hash, and cuts a URL at its first '#'", () => {
    expect(decodeExperiment('v=1&surface=booth&r0=sgd,label:#1').experiment.runs[0].label).toBe('#1');
    expect(decodeExperiment('#v=1&surface=booth&r0=sgd,label:#1').experiment.runs[0].label).toBe('#1');
    expect(decodeExperiment('http://h/#v=1&surface=booth&r0=sgd,label:#1').experiment.runs[0].label).toBe('#1');
  });

  it('reads escaped text and malformed escapes leniently', () => {
    const { experiment } = decodeExperiment('v=1&expr=x%5E2%20+%20y%zz%&r0=sgd,label:caf%C3%A9%20%26%20%23%3D%2C%FF');
    expect(experiment.problem).toStrictEqual({ kind: 'surface', expr: 'x^2 + y%zz%' });
    expect(experiment.runs[0].label).toBe('café & #=,\uFFFD');
  });
});

describe('linkKey: a notice names the link\'s own keys', () => {
  it('maps every rejected field of a broken link to the key a person sees in it', () => {
    const link = 'v=1&surface=himmelblau&r0=adam,lr:1e9,betas:0.9;7&r1=adamm,lr:0.1&r2=sgd,lr:0.01,start:1;x,sched:step;0&steps=-5&tol=-1&seed=xyz&t=-3&view=1;2';
    const fields = decodeExperiment(link).problems.map((p) => linkKey(p.field));
    expect(fields).toEqual(expect.arrayContaining(['r0 lr', 'r0 betas', 'r1', 'r2 start', 'steps', 'tol', 'seed', 't', 'view']));
    expect(fields.some((f) => /runs\[|params|stop\.|atStep/.test(f))).toBe(false);
  });

  it('names network keys and regularization terms by their link keys', () => {
    expect(linkKey('problem.dataset')).toBe('data');
    expect(linkKey('problem.batchSize')).toBe('batch');
    expect(linkKey('problem.hidden[1]')).toBe('hidden');
    expect(linkKey('problem.regularization.l1')).toBe('reg l1');
    expect(linkKey('problem.id')).toBe('surface');
    expect(linkKey('runs[3].gradNoise')).toBe('r3 noise');
    expect(linkKey('runs[0].schedule.gamma')).toBe('r0 sched');
    expect(linkKey('__proto__')).toBe('__proto__');
  });
});
