// A 3D view's frame: the canvas with its surface scene and the toolbar (log heights, reset camera,
// PNG). What it shows comes from `connect`, which feeds the scene and returns its stop: the
// explorer's surface or function plane (View3d.tsx), a network's loss slice (SliceView3d.tsx).
import { useEffect, useRef } from 'react';
import { resetCamera, setHeights, useView3dStore } from '../../state/view3d';
import { download } from '../download';
import { SurfaceScene, type SceneEvents } from './surfaceScene';

export interface View3dFrameProps {
  size: number;
  /** Whether the height field has come (the e2e tests wait for it). */
  ready: boolean;
  /** The PNG's file name. */
  fileName: string;
  label: string;
  testId: string;
  events: SceneEvents;
  /** Feeds the scene from the stores; returns the stop. */
  connect(scene: SurfaceScene): () => void;
}

export function View3dFrame({ size, ready, fileName, label, testId, events, connect }: View3dFrameProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef<SurfaceScene | null>(null);
  const heights = useView3dStore((s) => s.heights);

  // One scene for the canvas's life; `events` and `connect` are read once.
  useEffect(() => {
    const scene = new SurfaceScene(canvasRef.current!, events);
    sceneRef.current = scene;
    scene.setCamera(useView3dStore.getState().camera);
    let cameraRevision = useView3dStore.getState().cameraRevision;
    const stopCamera = useView3dStore.subscribe((v) => {
      if (v.cameraRevision === cameraRevision) return;
      cameraRevision = v.cameraRevision;
      scene.setCamera(v.camera);
    });
    const stop = connect(scene);
    return () => {
      stop();
      stopCamera();
      scene.dispose();
      sceneRef.current = null;
    };
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    sceneRef.current?.setSize(size, size);
  }, [size]);

  const exportPng = async () => {
    const blob = await sceneRef.current?.toBlob();
    if (blob) download(fileName, blob);
  };

  return (
    <div className="view3d" style={{ width: size }} data-testid={testId} data-ready={ready}>
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
      <canvas ref={canvasRef} width={size} height={size} style={{ width: size, height: size }} tabIndex={0} data-testid={`${testId}-canvas`} aria-label={label} />
    </div>
  );
}
