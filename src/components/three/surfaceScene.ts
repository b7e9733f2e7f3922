// The 3D view's scene: a height field coloured like its 2D picture (the surface's contours, a
// network's loss slice, a function's plane), the runs' paths on it (runMarks.ts), the critical
// points (criticalMarks.ts) and an orbiting camera (orbitCamera.ts). It draws on demand: a change
// of input or camera asks for one frame, so an idle view costs nothing and a racing one draws at
// most once per display frame. Without a GPU the still part (surface, points) is drawn once into
// a texture (stillLayer.ts) and, while busy, everything at a reduced resolution (renderQuality.ts).
import { Color, DirectionalLight, HemisphereLight, Plane, Raycaster, Scene, Vector2, Vector3, WebGLRenderer } from 'three';
import type { CriticalPoint } from '../../surfaces/critical';
import { BAND_BACKGROUND } from '../../state/contourGrid';
import { heightOf, type Camera3d, type HeightField, type HeightScale } from '../../state/view3d';
import { CriticalMarks } from './criticalMarks';
import { OrbitCamera } from './orbitCamera';
import type { ScenePath } from './pathLine';
import { busyScale, pixelRatio, REST_MS } from './renderQuality';
import { RunMarks } from './runMarks';
import { fromScene } from './sceneMath';
import { ScenePointer } from './scenePointer';
import { softwareGL, StillLayer } from './stillLayer';
import { surfaceGeometry, surfaceMesh, windowFrame } from './surfaceMesh';

export interface SceneInput {
  field: HeightField | null;
  heights: HeightScale;
  traces: ScenePath[];
  /** Bumped whenever a trace grows. */
  revision: number;
  /** Draw each path up to this step (the scrubber), or everything when null. */
  upTo: number | null;
  hoverStep: number | null;
  criticalPoints: CriticalPoint[] | null;
  hoveredPoint: CriticalPoint | null;
  theme: 'light' | 'dark';
  /** Presentation mode: wider lines, larger glyphs. */
  presenting: boolean;
}

export interface SceneEvents {
  /** The camera moved (reported once it rests for a moment). */
  camera(c: Camera3d): void;
  /** The pointer is over the surface at data (x, y), near a path's step or a critical point; null when it left. */
  hover(at: { x: number; y: number; step: number | null; point: CriticalPoint | null } | null): void;
  /** A click or tap (no drag) on the surface at data (x, y). */
  tap(x: number, y: number): void;
}

const FRAME_COLOR = { light: '#9aa0a6', dark: '#5f6368' };

export class SurfaceScene {
  readonly renderer: WebGLRenderer;
  /** What moves only with the camera or the window: surface, critical points, frame. */
  private scene = new Scene();
  /** What moves as the runs stream: paths, starts, heads, hover marks. */
  private moving = new Scene();
  /** Only without a GPU, where redrawing the surface each frame is what costs (and nothing is multisampled). */
  private still: StillLayer | null = null;
  private stillDirty = true;
  private software: boolean;
  private orbit: OrbitCamera;
  private pointer: ScenePointer;
  private clipping = [new Plane(new Vector3(1, 0, 0), 1), new Plane(new Vector3(-1, 0, 0), 1), new Plane(new Vector3(0, 1, 0), 1), new Plane(new Vector3(0, -1, 0), 1)];
  private surface = surfaceMesh();
  private frame = windowFrame();
  private points = new CriticalMarks(this.clipping);
  private runs = new RunMarks(this.moving, this.clipping);
  private input: SceneInput | null = null;
  private applied: Partial<SceneInput> = {};
  private size = { width: 1, height: 1 };
  /** Runs streaming or the camera moving: drawn at the busy resolution until REST_MS pass quietly. */
  private busy = false;
  private busyScale = busyScale();
  private restTimer: ReturnType<typeof setTimeout> | null = null;
  private pending = false;
  private disposed = false;
  private raycaster = new Raycaster();
  /** Frames drawn (the benchmark reads it from the canvas's data-frames). */
  frames = 0;

  constructor(
    private canvas: HTMLCanvasElement,
    private events: SceneEvents,
  ) {
    // Multisampling costs a software renderer (no GPU) most of its frame rate; a GPU does it for free.
    this.software = softwareGL();
    this.renderer = new WebGLRenderer({ canvas, antialias: !this.software });
    this.renderer.localClippingEnabled = true;
    // The glyphs' light (the surface bakes its own, lighting.ts), in both scenes.
    for (const scene of [this.scene, this.moving]) {
      scene.add(new HemisphereLight(0xffffff, 0x55565a, 1.7));
      const sun = new DirectionalLight(0xffffff, 1.9);
      sun.position.set(-1.5, -2.5, 3);
      scene.add(sun);
    }
    this.scene.add(this.surface, this.frame, this.points.group);
    this.orbit = new OrbitCamera(canvas, this.onCameraMoved, (c) => this.events.camera(c));
    this.pointer = new ScenePointer(canvas, {
      hover: (x, y) => this.hover(x, y),
      leave: () => this.events.hover(null),
      tap: (x, y) => {
        const p = this.pick(x, y);
        if (p) this.events.tap(p.x, p.y);
      },
    });
  }

  setSize(width: number, height: number): void {
    this.size = { width, height };
    this.orbit.setAspect(width / height);
    this.runs.setResolution(width, height);
    this.resize();
    this.invalidate();
  }

  /** The drawing buffer for the view's size at the current resolution (and the still layer to match). */
  private resize(): void {
    this.renderer.setPixelRatio(pixelRatio(window.devicePixelRatio, this.software, this.busy, this.busyScale));
    this.renderer.setSize(this.size.width, this.size.height, false);
    if (this.software) {
      this.still?.dispose();
      const px = this.renderer.getDrawingBufferSize(new Vector2());
      this.still = new StillLayer(px.x, px.y);
      this.stillDirty = true;
    }
  }

  /** Something moves: draw at the busy resolution until it has rested a while, then in full. */
  private markBusy(): void {
    if (!this.software) return;
    if (!this.busy) {
      this.busy = true;
      this.resize();
    }
    if (this.restTimer) clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => {
      this.restTimer = null;
      this.busy = false;
      this.resize();
      this.invalidate();
    }, REST_MS);
  }

  /** Moves the camera (a link or the reset button). */
  setCamera(c: Camera3d): void {
    this.orbit.set(c);
    this.stillDirty = true;
    this.invalidate();
  }

  update(input: SceneInput): void {
    this.input = input;
    this.invalidate();
  }

  /** Asks for one frame. */
  invalidate(): void {
    if (this.pending || this.disposed) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (!this.disposed) this.draw();
    });
  }

  /** The view as a PNG, at full resolution (drawn now, so the drawing buffer holds the frame). */
  toBlob(): Promise<Blob> {
    if (this.busy) {
      this.busy = false;
      this.resize();
    }
    this.draw();
    return new Promise((resolve, reject) => this.canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  }

  private onCameraMoved = () => {
    this.markBusy();
    this.stillDirty = true;
    this.invalidate();
  };

  private draw(): void {
    if (this.input) this.apply(this.input);
    const r = this.renderer;
    const camera = this.orbit.camera;
    if (this.still) {
      if (this.stillDirty) this.still.update(r, this.scene, camera);
      this.stillDirty = false;
      r.clear();
      r.autoClear = false;
      this.still.draw(r);
    } else {
      r.render(this.scene, camera);
      r.autoClear = false;
    }
    // Over the still picture, depth-tested against it.
    r.render(this.moving, camera);
    r.autoClear = true;
    this.frames++;
    this.canvas.dataset.frames = String(this.frames);
    this.canvas.dataset.segments = String(this.runs.segments());
  }

  /** Brings the scene up to date with the input, redoing only what changed. */
  private apply(input: SceneInput): void {
    const was = this.applied;
    const field = input.field;
    const lift = heightOf(field?.scale ?? null, input.heights);
    const surfaceChanged = field !== was.field || input.heights !== was.heights;
    const pointsChanged = surfaceChanged || input.criticalPoints !== was.criticalPoints || input.hoveredPoint !== was.hoveredPoint || input.presenting !== was.presenting;
    // Streaming or scrubbing: a picture a frame, not one to linger on.
    if (was.revision !== undefined && (input.revision !== was.revision || input.upTo !== was.upTo)) this.markBusy();
    if (pointsChanged || input.theme !== was.theme) this.stillDirty = true;
    if (input.theme !== was.theme) {
      this.scene.background = new Color(BAND_BACKGROUND[input.theme]);
      this.frame.material.color.set(FRAME_COLOR[input.theme]);
    }
    if (surfaceChanged && field) {
      this.surface.geometry.dispose();
      this.surface.geometry = surfaceGeometry(field, lift);
      // For the tests: how many height fields have been shown, and the last one's samples a side.
      this.canvas.dataset.fields = String(Number(this.canvas.dataset.fields ?? 0) + 1);
      this.canvas.dataset.fieldN = String(field.n);
    }
    if (pointsChanged) this.points.build(input.criticalPoints, field?.view ?? null, input.hoveredPoint, input.presenting, lift);
    if (field) this.runs.update({ ...input, view: field.view }, lift, surfaceChanged || input.traces !== was.traces);
    this.applied = { ...input };
  }

  /** The surface under client (x, y), in data coordinates and scene units. */
  private pick(clientX: number, clientY: number): { x: number; y: number; sx: number; sy: number } | null {
    const field = this.input?.field;
    if (!field) return null;
    const rect = this.canvas.getBoundingClientRect();
    const ndc = new Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.orbit.camera);
    const hit = this.raycaster.intersectObject(this.surface, false)[0];
    if (!hit) return null;
    const { x: sx, y: sy } = hit.point;
    return { x: fromScene(sx, field.view.x), y: fromScene(sy, field.view.y), sx, sy };
  }

  private hover(clientX: number, clientY: number): void {
    const p = this.pick(clientX, clientY);
    if (!p || !this.input) {
      this.events.hover(null);
      return;
    }
    this.events.hover({ x: p.x, y: p.y, step: this.runs.nearestStep(p.sx, p.sy, this.input.upTo), point: this.points.nearest(p.sx, p.sy) });
  }

  dispose(): void {
    this.disposed = true;
    if (this.restTimer) clearTimeout(this.restTimer);
    this.orbit.dispose();
    this.pointer.dispose();
    this.runs.dispose();
    this.points.clear();
    this.surface.geometry.dispose();
    this.surface.material.dispose();
    this.frame.geometry.dispose();
    this.frame.material.dispose();
    this.still?.dispose();
    this.renderer.dispose();
  }
}
