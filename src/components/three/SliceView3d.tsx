// A network's loss-landscape slice in 3D (loaded on first use, with three.js): L over the slice's
// (a, b) plane as a height field in the 2D slice's colours, every run's projected path on it.
// The heights and the camera are the explorer's 3D settings (they travel in the link).
import { useStore } from '../../state/store';
import { sliceHeightField, slicePaths } from '../../state/sliceField';
import { setCamera, useView3dStore } from '../../state/view3d';
import type { LandscapeSlice } from '../../nets/slice';
import type { SceneEvents, SceneInput, SurfaceScene } from './surfaceScene';
import { View3dFrame } from './View3dFrame';

const events: SceneEvents = { camera: setCamera, hover: () => {}, tap: () => {} };

/** The slice's field and paths, remade only when the slice or the runs' colours change. */
let made: { slice: LandscapeSlice; colors: string; input: Pick<SceneInput, 'field' | 'traces'> } | null = null;

function sceneInput(): SceneInput {
  const s = useStore.getState();
  const v = useView3dStore.getState();
  const colors = s.netTraces.map((t) => t.color);
  if (s.slice && (made?.slice !== s.slice || made.colors !== colors.join())) {
    made = { slice: s.slice, colors: colors.join(), input: { field: sliceHeightField(s.slice), traces: slicePaths(s.slice, colors) } };
  }
  const shown = s.slice && made ? made.input : { field: null, traces: [] };
  return { ...shown, heights: v.heights, revision: 0, upTo: null, hoverStep: null, criticalPoints: null, hoveredPoint: null, theme: s.theme, presenting: v.presenting };
}

function connect(scene: SurfaceScene): () => void {
  const push = () => scene.update(sceneInput());
  push();
  const stopApp = useStore.subscribe((s, prev) => {
    if (s.slice !== prev.slice || s.theme !== prev.theme || s.netTraces !== prev.netTraces) push();
  });
  const stopView = useView3dStore.subscribe(push);
  return () => {
    stopApp();
    stopView();
  };
}

export default function SliceView3d({ size }: { size: number }) {
  const ready = useStore((s) => s.slice !== null);
  return (
    <View3dFrame
      size={size}
      ready={ready}
      fileName="loss-slice-3d.png"
      testId="slice3d"
      events={events}
      connect={connect}
      label="3D loss-landscape slice. Drag to orbit, right-drag or one finger to pan, scroll or pinch to zoom; arrow keys pan, Shift+arrows orbit, + and - zoom"
    />
  );
}
