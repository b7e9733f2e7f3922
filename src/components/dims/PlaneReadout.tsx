// The readout on a function problem's plane: the point under the pointer stands for a point of
// R^d (the plane through the selected run's shown point), with f and ||grad f|| there.
import { fmtNum } from '../../optim/verdict';
import { currentPlane, planeLabels } from '../../state/plane';
import { type PlaneProbe, useStore } from '../../state/store';

/** Coordinates shown before the rest is summarized. */
const SHOWN = 6;

function pointText(x: readonly number[]): string {
  const head = x.slice(0, SHOWN).map((v) => fmtNum(v));
  return x.length > SHOWN ? `(${head.join(', ')}, … ${x.length} coordinates)` : `(${head.join(', ')})`;
}

export function PlaneReadout({ probe }: { probe: PlaneProbe }) {
  const fn = useStore((s) => s.fn);
  const run = useStore((s) => s.selectedRun);
  if (!fn) return null;
  const plane = currentPlane(fn);
  const [h, v] = planeLabels(fn);
  const held = plane.kind === 'coordinates'
    ? `the other ${fn.info.dim - 2} coordinates held at run ${run + 1}'s point at the shown step`
    : `its part off the plane held at run ${run + 1}'s point at the shown step`;
  return (
    <div className="readout" data-testid="readout" aria-live="polite">
      {h.split(' ')[0]} = {fmtNum(probe.a)}, {v.split(' ')[0]} = {fmtNum(probe.b)} ({held}): x = <span data-testid="readout-point">{pointText(probe.x)}</span> · f = {fmtNum(probe.f)} · ||grad f|| = {fmtNum(probe.gradNorm)}
    </div>
  );
}
