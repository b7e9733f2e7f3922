// Property tests: every valid Experiment survives the link and the JSON file exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../defaults';
import { LIMITS } from '../limits';
import { parseExperiment } from '../parse';
import type { Experiment } from '../types';
import { decodeExperiment, encodeExperiment, exportExperimentJson, importExperimentJson, MAX_LINK_LENGTH } from './index';
import { atStepArb, chartXArb, experimentArb } from './testArbitrary';

describe('link round trip', () => {
  it('decode(encode(e)) is e, with no problems, for any valid experiment', () => {
    fc.assert(
      fc.property(experimentArb, atStepArb, chartXArb, (exp, atStep, chartX) => {
        expect(parseExperiment(exp).ok).toBe(true); // the arbitrary makes only valid experiments
        const hash = encodeExperiment(exp, { atStep, chartX });
        expect(hash.startsWith('v=1&')).toBe(true);
        const decoded = decodeExperiment(hash);
        expect(decoded.problems).toEqual([]);
        expect(decoded.experiment).toStrictEqual(exp);
        expect(decoded.atStep).toBe(atStep);
        // 'steps' is the default and is not written
        expect(decoded.chartX).toBe(chartX === 'steps' ? undefined : chartX);
        // The encoding is canonical: encoding the decoded experiment gives the same text.
        expect(encodeExperiment(decoded.experiment, { atStep, chartX: decoded.chartX })).toBe(hash);
      }),
      { numRuns: 400 },
    );
  });

  it('accepts the hash with "#" and inside a whole URL', () => {
    fc.assert(
      fc.property(experimentArb, (exp) => {
        const hash = encodeExperiment(exp);
        expect(decodeExperiment('#' + hash).experiment).toStrictEqual(exp);
        expect(decodeExperiment(`http://localhost:5173/saddlepoint/?x=1#${hash}`).experiment).toStrictEqual(exp);
        expect(decodeExperiment(` ${hash}\n`).experiment).toStrictEqual(exp);
      }),
      { numRuns: 50 },
    );
  });

  it('writes only characters a URL fragment carries as they are', () => {
    fc.assert(
      fc.property(experimentArb, (exp) => {
        expect(encodeExperiment(exp)).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the largest possible experiment under the decoder length cap', () => {
    // Every character of expr and labels escapes to 9 characters (a 3-byte UTF-8 character).
    const big = -1.2345678901234567e-300;
    const label = '€'.repeat(LIMITS.labelLength.max);
    const exp: Experiment = {
      v: 1,
      problem: { kind: 'surface', expr: '€'.repeat(LIMITS.exprLength.max), regularization: { l1: 1.2345678901234567e-300, l2: 1.2345678901234567e-300 } },
      runs: Array.from({ length: LIMITS.runs.max }, () => ({
        optimizer: 'adamw' as const,
        params: { lr: 1.2345678901234567e-300, betas: [1.2345678901234567e-300, 1.2345678901234567e-300], eps: 1.2345678901234567e-300, amsgrad: false, weightDecay: 1.2345678901234567e-300 },
        start: [big, big] as [number, number],
        gradNoise: 1.2345678901234567e-300,
        clip: 1.2345678901234567e-11,
        schedule: { kind: 'cosine' as const, tMax: 99999, etaMin: 1.2345678901234567e-300 },
        label,
      })),
      stop: { maxSteps: 100000, gradTol: 1.2345678901234567e-300 },
      seed: 4294967295,
      view: { x: [-123456.78901234567, 123456.78901234567], y: [-123456.78901234567, 123456.78901234567] },
    };
    expect(parseExperiment(exp).ok).toBe(true);
    const hash = encodeExperiment(exp, { atStep: 100000 });
    expect(hash.length).toBeLessThan(MAX_LINK_LENGTH);
    expect(hash.length).toBeGreaterThan(MAX_LINK_LENGTH / 2); // the cap leaves room, but not absurdly much
    expect(decodeExperiment(hash)).toStrictEqual({ experiment: exp, problems: [], atStep: 100000 });
  });

  it('leaves out parameters set to undefined (they mean the default)', () => {
    const exp: Experiment = { ...defaultExperiment(), runs: [{ optimizer: 'adam', params: { lr: undefined as unknown as number, eps: 1e-6 } }] };
    expect(encodeExperiment(exp)).toContain('r0=adam,eps:0.000001&');
  });

  it('decodes the empty hash to the default experiment, with no problems', () => {
    for (const empty of ['', '#', '  ', 'http://host/#']) {
      expect(decodeExperiment(empty)).toStrictEqual({ experiment: defaultExperiment(), problems: [] });
    }
  });
});

describe('JSON round trip', () => {
  it('importExperimentJson(exportExperimentJson(e)) is e, with no problems', () => {
    fc.assert(
      fc.property(experimentArb, (exp) => {
        const text = exportExperimentJson(exp);
        // JSON has no -0: compare with what JSON itself keeps.
        const expected = JSON.parse(JSON.stringify(exp));
        expect(importExperimentJson(text)).toStrictEqual({ experiment: expected, problems: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('exports pretty JSON', () => {
    expect(exportExperimentJson(defaultExperiment())).toMatch(/^\{\n {2}"v": 1,\n/);
  });
});
