// A function problem's plane in the explorer: which two coordinates are drawn. Changing them
// re-projects every path from its kept coordinates and redraws the contours; the contours also
// follow the point they go through (the selected run's point at the shown step).
import { refreshPlane } from './contourGrid';
import { useStore } from './store';
import { project } from './traces';

export function setPlaneAxes(axes: [number, number]): void {
  const s = useStore.getState();
  if (!s.fn || axes[0] === axes[1] || axes.some((a) => !Number.isInteger(a) || a < 0 || a >= s.fn!.info.dim)) return;
  // New trace objects: views cache a path per trace object (trajectoryPath.ts), which now changes whole.
  const traces = s.traces.map((t) => {
    const copy = { ...t, xy: t.xy.slice() };
    project(copy, axes);
    return copy;
  });
  const surface = s.surface && traces[0]?.length ? { ...s.surface, start: [traces[0].xy[0], traces[0].xy[1]] as [number, number] } : s.surface;
  useStore.setState({ fn: { ...s.fn, axes }, traces, surface, revision: s.revision + 1 });
  refreshPlane();
}

// The plane goes through the selected run's shown point: follow scrubbing and the run chosen.
useStore.subscribe((s, prev) => {
  if (s.fn && (s.scrubStep !== prev.scrubStep || s.selectedRun !== prev.selectedRun || (s.status !== prev.status && s.status !== 'playing'))) refreshPlane();
});
