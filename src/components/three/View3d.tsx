// The 3D view (loaded on first use, with three.js): the surface scene, fed from the stores
// without re-rendering React on every streamed chunk, and its toolbar (heights, reset camera,
// PNG). Linked with the 2D plot through the store: the same runs, scrub step and hovered step.
import { useEffect, useRef } from 'react';
import { probeAt, probeEnter, probeLeave, setStart } from '../../state/controller';
import { useStore } from '../../state/store';
import { followHeightField, resetCamera, setCamera, setHeights, useView3dStore } from '../../state/view3d';
import { download } from '../download';
import { SurfaceScene, type SceneInput } from './surfaceScene';

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

export default function View3d({ size }: { size: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef<SurfaceScene | null>(null);
  const heights = useView3dStore((s) => s.heights);
  const ready = useView3dStore((s) => s.field !== null);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const scene = new SurfaceScene(canvas, {
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
    });
    sceneRef.current = scene;
    scene.setCamera(useView3dStore.getState().camera);
    scene.update(sceneInput());
    const stopField = followHeightField();
    const push = () => scene.update(sceneInput());
    const stopApp = useStore.subscribe(push);
    let cameraRevision = useView3dStore.getState().cameraRevision;
    const stopView = useView3dStore.subscribe((v) => {
      if (v.cameraRevision !== cameraRevision) {
        cameraRevision = v.cameraRevision;
        scene.setCamera(v.camera);
      }
      push();
    });
    return () => {
      stopField();
      stopApp();
      stopView();
      scene.dispose();
      sceneRef.current = null;
    };
  }, []);

  useEffect(() => {
    sceneRef.current?.setSize(size, size);
  }, [size]);

  const exportPng = async () => {
    const blob = await sceneRef.current?.toBlob();
    if (blob) download('surface-3d.png', blob);
  };

  return (
    <div className="view3d" style={{ width: size }} data-testid="view3d" data-ready={ready}>
      <div className="view3d-toolbar" role="group" aria-label="3D view">
        <label>
          <input type="checkbox" checked={heights === 'log'} aria-label="Log heights" onChange={(e) => setHeights(e.target.checked ? 'log' : 'linear')} /> log heights
        </label>
        <button type="button" onClick={resetCamera}>
          Reset camera
        </button>
        <button type="button" onClick={exportPng}>
          PNG
        </button>
      </div>
      <canvas
        ref={canvasRef}
        width={size}
        height={size}
        style={{ width: size, height: size }}
        tabIndex={0}
        data-testid="view3d-canvas"
        aria-label="3D surface. Drag to orbit, right-drag or one finger to pan, scroll or pinch to zoom; arrow keys pan, Shift+arrows orbit, + and - zoom; click or tap to start run 1 there"
      />
    </div>
  );
}
