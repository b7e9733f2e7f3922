// The explorer's 3D view (loaded on first use, with three.js): the surface, or a function
// problem's plane, fed from the stores without re-rendering React on every streamed chunk.
// Linked with the 2D plot through the store: the same runs, scrub step and hovered step.
import { probeAt, probeEnter, probeLeave, setStart } from '../../state/controller';
import { useStore } from '../../state/store';
import { followHeightField, setCamera, useView3dStore } from '../../state/view3d';
import type { SceneEvents, SceneInput, SurfaceScene } from './surfaceScene';
import { View3dFrame } from './View3dFrame';

function sceneInput(): SceneInput {
  const s = useStore.getState();
  const v = useView3dStore.getState();
  return {
    field: v.field,
    heights: v.heights,
    traces: s.traces,
    revision: s.revision,
    upTo: s.scrubStep,
    hoverStep: s.hoverStep,
    criticalPoints: s.criticalPoints,
    hoveredPoint: s.hoveredPoint,
    theme: s.theme,
    presenting: v.presenting,
  };
}

const events: SceneEvents = {
  camera: setCamera,
  hover: (at) => {
    if (!at) {
      probeLeave();
      useStore.setState({ hoveredPoint: null });
      return;
    }
    probeEnter();
    void probeAt(at.x, at.y);
    useStore.setState({ hoverStep: at.step, hoveredPoint: at.point });
  },
  tap: (x, y) => setStart(Number(x.toPrecision(6)), Number(y.toPrecision(6))),
};

function connect(scene: SurfaceScene): () => void {
  scene.update(sceneInput());
  const stopField = followHeightField();
  const push = () => scene.update(sceneInput());
  const stopApp = useStore.subscribe(push);
  const stopView = useView3dStore.subscribe(push);
  return () => {
    stopField();
    stopApp();
    stopView();
  };
}

export default function View3d({ size }: { size: number }) {
  const ready = useView3dStore((s) => s.field !== null);
  const plane = useStore((s) => s.fn !== null);
  return (
    <View3dFrame
      size={size}
      ready={ready}
      fileName={plane ? 'plane-3d.png' : 'surface-3d.png'}
      testId="view3d"
      events={events}
      connect={connect}
      label="3D surface. Drag to orbit, right-drag or one finger to pan, scroll or pinch to zoom; arrow keys pan, Shift+arrows orbit, + and - zoom; click or tap to start run 1 there"
    />
  );
}
