// Under the plot of a function in d dimensions: which plane is drawn and through which point.
import { useStore } from '../../state/store';

export function PlaneLegend() {
  const plane = useStore((s) => s.fn);
  const run = useStore((s) => s.selectedRun);
  if (!plane) return null;
  const [i, j] = plane.axes;
  return (
    <div className="legend muted" data-testid="plane-legend">
      x = x{i + 1}, y = x{j + 1}: the contours of f on the plane of these two coordinates through run {run + 1}'s point at the shown step (the other
      {' '}{plane.info.dim - 2} coordinates fixed there); the paths are projected on it. Critical points of the plane are not those of f, so none are marked.
    </div>
  );
}
