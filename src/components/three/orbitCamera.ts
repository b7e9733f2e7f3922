// The 3D view's camera: a perspective camera orbiting a target (three.js's OrbitControls: mouse,
// touch and keyboard), reported in the link's terms (sceneMath.ts) once it rests for a moment.
import { PerspectiveCamera, TOUCH } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { Camera3d } from '../../state/view3d';
import { cameraFrom, cameraPosition } from './sceneMath';

const CAMERA_REST_MS = 250;

export class OrbitCamera {
  readonly camera = new PerspectiveCamera(40, 1, 0.01, 100);
  private controls: OrbitControls;
  private restTimer: ReturnType<typeof setTimeout> | null = null;

  /** `moved`: on every change (draw again); `rested`: the camera as the link writes it, once it stops. */
  constructor(
    private canvas: HTMLCanvasElement,
    private moved: () => void,
    private rested: (c: Camera3d) => void,
  ) {
    this.camera.up.set(0, 0, 1);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.touches = { ONE: TOUCH.PAN, TWO: TOUCH.DOLLY_ROTATE };
    this.controls.screenSpacePanning = false; // pan along the floor, as a map
    this.controls.minDistance = 0.3;
    this.controls.maxDistance = 30;
    this.controls.keyPanSpeed = 20;
    this.controls.listenToKeyEvents(canvas);
    this.controls.addEventListener('change', this.onChange);
    canvas.addEventListener('keydown', this.onKey);
  }

  setAspect(aspect: number): void {
    this.camera.aspect = aspect;
    this.camera.updateProjectionMatrix();
  }

  /** Moves the camera (a link or the reset button). */
  set(c: Camera3d): void {
    this.controls.target.set(...c.target);
    this.camera.position.set(...cameraPosition(c));
    this.controls.update();
  }

  private onChange = () => {
    this.moved();
    if (this.restTimer) clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => this.rested(cameraFrom(this.camera.position.toArray(), this.controls.target.toArray())), CAMERA_REST_MS);
  };

  private onKey = (e: KeyboardEvent) => {
    // Arrows move the camera here, not the playback (its shortcuts listen on the window).
    if (e.key.startsWith('Arrow')) e.stopPropagation();
    // OrbitControls' dollyOut divides the distance (the wheel's names: out = towards the target).
    if (e.key === '+' || e.key === '=') this.controls.dollyOut(1.15);
    else if (e.key === '-' || e.key === '_') this.controls.dollyIn(1.15);
    else return;
    e.preventDefault();
    this.controls.update();
  };

  dispose(): void {
    if (this.restTimer) clearTimeout(this.restTimer);
    this.canvas.removeEventListener('keydown', this.onKey);
    this.controls.removeEventListener('change', this.onChange);
    this.controls.dispose();
  }
}
