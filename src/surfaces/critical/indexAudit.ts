// A second look after Newton, by index theory (see winding.ts): the winding number of grad f
// around a cell of the seed grid equals the sum of the indices of the critical points inside.
// Each point already found gets its index from a small box around it; a cell whose winding
// differs from the sum of its known points' indices holds a point not found yet. Bisection on
// that residual finds it: split the cell in four, keep a quarter whose residual is not 0, repeat.
// That needs neither a Hessian nor smoothness, so it finds what Newton cannot reach: the tip of a
// cone, where ||grad f|| never shrinks; Peano's degenerate origin; a kink minimum where two L1
// creases cross, right beside two saddles Newton did find. What it returns are places to check
// (the caller applies the same tests as to Newton's end points). Points whose indices cancel
// (a minimum and a saddle, both unfound) stay silent, and a cell whose edge passes through a
// point cannot be read; the dense seed grid is the first line, this is the second.
import type { ViewWindow } from '../../experiment/types';
import type { Surface } from '../types';
import { GradientField } from './winding';

/**
 * Where to cut a cell, tried in turn: off-centre, so that symmetric surfaces do not put their
 * point on the cut, and different enough that one of them cuts clear of it.
 */
const SPLITS = [0.4683, 0.6109, 0.3371];
const MAX_LEVELS = 80;

export interface AuditGrid {
  area: ViewWindow;
  /** Points per axis (the seed grid): (n - 1)^2 cells. */
  n: number;
}

/** The smallest box that bisection could shrink a cell to: a point not found yet is inside. */
export interface WindingBox {
  /** Centre. */
  x: number;
  y: number;
  /** Longer side. */
  size: number;
}

interface IndexedPoint {
  x: number;
  y: number;
  index: number;
}

type Box = [number, number, number, number];

/**
 * One box per cell of the grid that holds more than the `known` points, shrunk by bisection to
 * side <= tol where the winding can be followed that far. `indexRadius`: half the side of the
 * box around a known point that reads its index (smaller than the distance between points).
 */
export function locateMissing(
  surface: Surface,
  grid: AuditGrid,
  known: readonly { x: number; y: number }[],
  tol: number,
  indexRadius: number,
): WindingBox[] {
  const { area, n } = grid;
  const field = new GradientField(surface);
  const hx = (area.x[1] - area.x[0]) / (n - 1);
  const hy = (area.y[1] - area.y[0]) / (n - 1);
  const xAt = (i: number) => area.x[0] + hx * i;
  const yAt = (j: number) => area.y[0] + hy * j;

  // Known points by cell; a cell with a point of unreadable index cannot be audited.
  const byCell = new Map<number, IndexedPoint[]>();
  const unreadable = new Set<number>();
  for (const p of known) {
    const i = Math.floor((p.x - area.x[0]) / hx);
    const j = Math.floor((p.y - area.y[0]) / hy);
    if (i < 0 || j < 0 || i > n - 2 || j > n - 2) continue;
    const r = indexRadius;
    const index = field.winding(p.x - r, p.y - r, p.x + r, p.y + r);
    if (index === null) unreadable.add(j * n + i);
    else byCell.set(j * n + i, [...(byCell.get(j * n + i) ?? []), { x: p.x, y: p.y, index }]);
  }

  const angles: (number | null)[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) angles.push(field.angle(xAt(i), yAt(j)));
  const located: WindingBox[] = [];
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      if (unreadable.has(j * n + i)) continue;
      const corners = [angles[j * n + i], angles[j * n + i + 1], angles[(j + 1) * n + i + 1], angles[(j + 1) * n + i]];
      const cell: Box = [xAt(i), yAt(j), xAt(i + 1), yAt(j + 1)];
      const points = byCell.get(j * n + i) ?? [];
      const w = field.winding(...cell, corners);
      if (w === null || w === indexSum(points, cell)) continue;
      located.push(bisect(field, cell, points, tol));
    }
  }
  return located;
}

/**
 * Shrinks a cell onto a point it holds beyond the known ones. A quarter whose winding cannot be
 * told has a point on or right next to a cut; cutting at another fraction moves the cuts away.
 */
function bisect(field: GradientField, box: Box, points: readonly IndexedPoint[], tol: number): WindingBox {
  for (let level = 0; level < MAX_LEVELS && Math.max(box[2] - box[0], box[3] - box[1]) > tol; level++) {
    const next = quarterWithResidual(field, box, points);
    if (!next) break;
    box = next;
  }
  return { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2, size: Math.max(box[2] - box[0], box[3] - box[1]) };
}

function quarterWithResidual(field: GradientField, [x0, y0, x1, y1]: Box, points: readonly IndexedPoint[]): Box | null {
  for (const split of SPLITS) {
    const xm = x0 + split * (x1 - x0);
    const ym = y0 + split * (y1 - y0);
    const quarters: Box[] = [
      [x0, y0, xm, ym],
      [xm, y0, x1, ym],
      [x0, ym, xm, y1],
      [xm, ym, x1, y1],
    ];
    for (const q of quarters) {
      const w = field.winding(...q);
      if (w !== null && w !== indexSum(points, q)) return q;
    }
  }
  return null;
}

function indexSum(points: readonly IndexedPoint[], [x0, y0, x1, y1]: Box): number {
  let sum = 0;
  for (const p of points) if (p.x >= x0 && p.x < x1 && p.y >= y0 && p.y < y1) sum += p.index;
  return sum;
}
