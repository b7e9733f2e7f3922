// Under the plot of a function in d dimensions: which plane is drawn, through which point, and
// (the PCA plane) how much of the path's variance it holds.
import { percent } from '../../functions/plane';
import { currentPlane, planeLabels } from '../../state/plane';
import { useStore } from '../../state/store';

export function PlaneLegend() {
  const fn = useStore((s) => s.fn);
  const run = useStore((s) => s.selectedRun);
  if (!fn) return null;
  const plane = currentPlane(fn);
  const [h, v] = planeLabels(fn);
  const through = `through run ${run + 1}'s point at the shown step`;
  const tail = 'the paths are projected on it. Critical points of the plane are not those of f, so none are marked.';
  if (plane.kind === 'coordinates') {
    return (
      <div className="legend muted" data-testid="plane-legend">
        <span>
          {fn.kind === 'pca' && 'The PCA plane needs 3 points of the path; until then: '}
          x = {h}, y = {v}: the contours of f on the plane of these two coordinates {through} (the other {fn.info.dim - 2} coordinates fixed there); {tail}
        </span>
      </div>
    );
  }
  const pca = fn.pca!;
  const [e1, e2] = pca.explained;
  const sample = pca.used === pca.points ? `all ${pca.points} points` : `${pca.used} of its ${pca.points} points, one per piece of equal length along the path, weighted by the points it stands for`;
  return (
    <div className="legend muted" data-testid="plane-legend">
      <span>
      x = PC1, y = PC2: the plane of the two principal components of run {pca.run + 1}'s path (from {sample}; coordinates measured from the path's mean). It holds{' '}
      <strong data-testid="plane-explained">{percent(e1 + e2)}</strong> of the path's variance ({percent(e1)} along PC1, {percent(e2)} along PC2; the rest, {percent(Math.max(0, 1 - e1 - e2))}, is off the plane).{e2 < 1e-12 && ' The path lies on a line: PC2 is a direction across it (the coordinate axis least along PC1, made orthogonal to it).'} The contours are those of f on this plane {through} (its part off the plane fixed there); {tail}
      </span>
    </div>
  );
}
