// The "2D", "3D", "Both" buttons: one choice for the explorer's plot and a network's loss slice
// (it travels in the link's view3d= field).
import { setLayout, useView3dStore, type ViewLayout } from '../../state/view3d';

const LAYOUTS: { id: ViewLayout; label: string }[] = [
  { id: '2d', label: '2D' },
  { id: '3d', label: '3D' },
  { id: 'both', label: 'Both' },
];

export function ViewLayoutButtons() {
  const layout = useView3dStore((s) => s.layout);
  return LAYOUTS.map((l) => (
    <button key={l.id} type="button" aria-pressed={layout === l.id} onClick={() => setLayout(l.id)}>
      {l.label}
    </button>
  ));
}
