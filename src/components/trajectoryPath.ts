// SVG path data of a run's path, decimated in pixel space (points closer than half a pixel to
// the last drawn one are skipped) and built incrementally: a trace only grows, so while the
// scales stay the same only the new points are processed.
import type { RunTrace } from '../state/traces';
import type { PlotScales } from './usePlotScales';

interface PathCache {
  scales: PlotScales;
  /** Points processed so far and the path of all of them but the last. */
  done: number;
  body: string;
  lx: number;
  ly: number;
  /** The last processed point, always drawn at the end. */
  tail: string;
}

const cache = new WeakMap<RunTrace, PathCache>();

const seg = (d: string, px: number, py: number) => (d === '' ? 'M' : 'L') + px.toFixed(1) + ',' + py.toFixed(1);

/** The path of points [from, n) of the trace; incremental when from = 0. */
export function trajectoryPath(t: RunTrace, s: PlotScales, n: number, from = 0): string {
  if (from !== 0) {
    const c = build(t, s, from, n);
    return c.body + c.tail;
  }
  let c = cache.get(t);
  if (!c || c.scales !== s || c.done > n) {
    c = { scales: s, done: 0, body: '', lx: NaN, ly: NaN, tail: '' };
    cache.set(t, c);
  }
  extend(c, t, s, n);
  return c.body + c.tail;
}

function build(t: RunTrace, s: PlotScales, from: number, n: number): PathCache {
  const c: PathCache = { scales: s, done: from, body: '', lx: NaN, ly: NaN, tail: '' };
  extend(c, t, s, n);
  return c;
}

function extend(c: PathCache, t: RunTrace, s: PlotScales, n: number): void {
  for (let i = c.done; i < n; i++) {
    const px = s.x(t.xy[2 * i]);
    const py = s.y(t.xy[2 * i + 1]);
    if (Math.abs(px - c.lx) < 0.5 && Math.abs(py - c.ly) < 0.5) {
      // Skipped, but remembered as the tail so the path always ends at the newest point.
      c.tail = (c.body === '' ? 'M' : 'L') + px.toFixed(1) + ',' + py.toFixed(1);
      continue;
    }
    c.body += seg(c.body, px, py);
    c.tail = '';
    c.lx = px;
    c.ly = py;
  }
  c.done = Math.max(c.done, n);
}
