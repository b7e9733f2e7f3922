// The GLSL form of the run rules against the TS functions the JS engines call: RUN_RULES_GLSL is
// evaluated (a float32 evaluator of its subset, runRulesGlsl.testutil.ts) on a table of cases
// and must give the same answers. The values are float32-exact, so the only way to differ is a
// different rule: another order, comparison, constant or stop code.
import { describe, expect, it } from 'vitest';
import { STOP, stopCodeAt } from './runRules';
import { boxHalfWidth, isOutsideBox, START_ROOM } from './runRulesDivergence';
import { RUN_RULES_GLSL } from './runRulesGlsl';
import { glslFunctions } from './runRulesGlsl.testutil';

const SPECIAL = [NaN, Infinity, -Infinity];

// IEEE comparisons, and comparisons that a GPU compiler assuming no NaN may have rewritten.
describe.each([
  ['IEEE comparisons', false],
  ['any comparison with NaN true', true],
])('RUN_RULES_GLSL agrees with the TS run rules (%s)', (_, nanCompares) => {
  const glsl = glslFunctions(RUN_RULES_GLSL, { nanCompares });

  it('spStopCode = stopCodeAt on every combination of the table', () => {
    let n = 0;
    const seen = new Set<number>();
    for (const f of [1, -2.5, 0, ...SPECIAL]) {
      for (const norm of [0, 0.5, 1, 2, 1e30, ...SPECIAL]) {
        for (const gradTol of [0, 0.5, 1, 2, 1e30]) {
          for (const t of [0, 3, 5, 6]) {
            for (const maxSteps of [0, 5]) {
              const want = stopCodeAt(f, norm, t, gradTol, maxSteps);
              expect(glsl('spStopCode', f, norm, t, gradTol, maxSteps), JSON.stringify([f, norm, t, gradTol, maxSteps])).toBe(want);
              seen.add(want);
              n++;
            }
          }
        }
      }
    }
    expect(n).toBe(6 * 8 * 5 * 4 * 2);
    // every code but maxEvals, which the shader never sees (glslSupports leaves such jobs to JS)
    expect([...seen].sort()).toEqual(Object.values(STOP).filter((c) => c !== STOP.maxEvals).sort());
  });

  it('gradTol 0 disables the stop in both forms, even at an exact critical point', () => {
    expect(stopCodeAt(1, 0, 3, 0, 50)).toBe(STOP.running);
    expect(glsl('spStopCode', 1, 0, 3, 0, 50)).toBe(STOP.running);
  });

  it('spBoxHalfWidth = boxHalfWidth', () => {
    for (const [cx, cy] of [[0, 0], [1, -2], [-3.5, 40]]) {
      for (const sx of [0, 1.5, -40, 1e4, -2.5e5]) {
        for (const sy of [0, 3, -64.25, 8e3]) {
          for (const r0 of [400, 1e3, 0]) {
            expect(glsl('spBoxHalfWidth', sx, sy, cx, cy, r0), JSON.stringify([sx, sy, cx, cy, r0])).toBe(boxHalfWidth(sx, sy, cx, cy, r0));
          }
        }
      }
    }
    expect(boxHalfWidth(1e4, 0, 0, 0, 400)).toBe(START_ROOM * 1e4);
  });

  it('spOutsideBox = isOutsideBox, the edge inside, non-finite points outside', () => {
    const box = { cx: 1, cy: -2, r: 400 };
    const coords = [1, 401, 402, -399, -399.5, -400, 0.25, ...SPECIAL];
    let outside = 0;
    for (const x of coords) {
      for (const y of coords.map((v) => v - 3)) {
        const want = isOutsideBox(box, x, y);
        expect(glsl('spOutsideBox', x, y, box.cx, box.cy, box.r), JSON.stringify([x, y])).toBe(want);
        if (want) outside++;
      }
    }
    expect(isOutsideBox(box, 401, -402)).toBe(false);
    expect(isOutsideBox(box, 401.5, -2)).toBe(true);
    expect(outside).toBeGreaterThan(0);
    expect(outside).toBeLessThan(coords.length * coords.length);
  });
});
