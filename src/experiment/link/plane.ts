// The `plane=` field of the link: a function problem's drawing plane, `plane=1;3` (coordinates
// x1 and x3, numbered from 1 as on screen) or `plane=pca` (the selected run's principal
// components). Written only when the app gives one (its plane differs from the function's
// suggested one). Reading is lenient: a value that is not one of these forms, or that names a
// coordinate the problem lacks (checked in decode.ts once the dimension is known), is reported
// once and the function's own plane is drawn.
import type { PlaneChoice } from '../plane';
import { PLANE_PCA } from './format';
import type { ProblemLog } from './problems';

/** A real value is under 12 characters; the rest of a longer one is not read. */
const MAX_PLANE_LENGTH = 40;
export const PLANE_FALLBACK = "the function's own plane is drawn";

export function encodePlane(choice: PlaneChoice): string {
  return choice.kind === 'pca' ? PLANE_PCA : choice.axes.map((a) => String(a + 1)).join(';');
}

/** The plane a `plane=` value stands for, or undefined (logged under `plane`). */
export function readPlane(value: string, log: ProblemLog): PlaneChoice | undefined {
  const text = value.slice(0, MAX_PLANE_LENGTH);
  if (text === PLANE_PCA) return { kind: 'pca' };
  const m = /^([1-9][0-9]{0,3});([1-9][0-9]{0,3})$/.exec(text);
  if (m) {
    const axes: [number, number] = [Number(m[1]) - 1, Number(m[2]) - 1];
    if (axes[0] !== axes[1]) return { kind: 'coordinates', axes };
  }
  log.add('plane', `could not use "${text.slice(0, 20)}": expected ${PLANE_PCA} or two different coordinates i;j (from 1)`, PLANE_FALLBACK);
  return undefined;
}
