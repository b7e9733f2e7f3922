// The 3D view's scene: the surface as a lit height field coloured like the contours, the runs'
// paths on it with their starts, heads and end glyphs, the critical points, and an orbiting
// camera (three.js's OrbitControls: mouse, touch and keyboard). It draws on demand: a change
// of input or camera asks for one frame, so an idle view costs nothing and a racing one draws
// at most once per display frame.
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DirectionalLight,
  DoubleSide,
  Group,
  HemisphereLight,
  InstancedMesh,
  Matrix4,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PerspectiveCamera,
  Plane,
  Raycaster,
  Scene,
  SRGBColorSpace,
  TOUCH,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { CriticalPoint } from '../../surfaces/critical';
import { heightOf, type Camera3d, type HeightField, type HeightScale } from '../../state/view3d';
import type { RunTrace } from '../../state/traces';
import { KIND_COLORS, type GlyphKind } from '../Glyph';
import { glyphGeometry } from './glyphs3d';
import { bakeLight } from './lighting';
import { PATH_LIFT, PathLine, type ScenePoint } from './pathLine';
import { cameraFrom, cameraPosition, fromScene, toScene } from './sceneMath';
import { softwareGL, StillLayer } from './stillLayer';
import { BAND_BACKGROUND } from '../../state/contourGrid';

export interface SceneInput {
  field: HeightField | null;
  heights: HeightScale;
  traces: RunTrace[];
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
const GLYPH_SIZE = 0.045;
const CAMERA_REST_MS = 250;
const TAP_SLOP_PX = 6;

interface RunMarks {
  path: PathLine;
  start: Mesh;
  head: Mesh;
  headKind: GlyphKind;
  hover: Mesh;
}

export class SurfaceScene {
  readonly renderer: WebGLRenderer;
  /** What moves only with the camera or the window: surface, critical points, frame. */
  private scene = new Scene();
  /** What moves as the runs stream: paths, starts, heads, hover marks. */
  private moving = new Scene();
  /** Only without a GPU, where redrawing the surface each frame is what costs (and nothing is multisampled). */
  private still: StillLayer | null = null;
  private stillDirty = true;
  private software = false;
  private camera = new PerspectiveCamera(40, 1, 0.01, 100);
  private controls: OrbitControls;
  private clipping = [new Plane(new Vector3(1, 0, 0), 1), new Plane(new Vector3(-1, 0, 0), 1), new Plane(new Vector3(0, 1, 0), 1), new Plane(new Vector3(0, -1, 0), 1)];
  private surface: Mesh<BufferGeometry, MeshBasicMaterial>;
  private frame: LineSegments<BufferGeometry, LineBasicMaterial>;
  private points = new Group();
  /** Where each critical point is drawn, in scene units (for hovering). */
  private pointsAt: { x: number; y: number; point: CriticalPoint }[] = [];
  private runs: RunMarks[] = [];
  private input: SceneInput | null = null;
  private applied: Partial<SceneInput> & { upTo?: number | null } = {};
  private pending = false;
  private disposed = false;
  private cameraTimer: ReturnType<typeof setTimeout> | null = null;
  private raycaster = new Raycaster();
  private down: { id: number; x: number; y: number; others: boolean } | null = null;
  private activePointers = new Set<number>();
  private hoverAt: { x: number; y: number } | null = null;
  /** Frames drawn (the benchmark reads it from the canvas's data-frames). */
  frames = 0;

  constructor(
    private canvas: HTMLCanvasElement,
    private events: SceneEvents,
  ) {
    // Multisampling costs a software renderer (no GPU) most of its frame rate; a GPU does it for free.
    this.software = softwareGL();
    this.renderer = new WebGLRenderer({ canvas, antialias: !this.software });
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    this.renderer.localClippingEnabled = true;
    this.camera.up.set(0, 0, 1);

    // The glyphs' light (the surface bakes its own, lighting.ts), in both scenes.
    for (const scene of [this.scene, this.moving]) {
      scene.add(new HemisphereLight(0xffffff, 0x55565a, 1.7));
      const sun = new DirectionalLight(0xffffff, 1.9);
      sun.position.set(-1.5, -2.5, 3);
      scene.add(sun);
    }

    this.surface = new Mesh(
      new BufferGeometry(),
      // Lit by its vertex colours (lighting.ts); the lights below are for the glyphs.
      new MeshBasicMaterial({ vertexColors: true, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 }),
    );
    this.scene.add(this.surface);
    const frame = new BufferGeometry();
    // The window's outline on the floor, and its corners' uprights to the top height.
    const c = [[-1, -1], [1, -1], [1, 1], [-1, 1]];
    const lines: number[] = [];
    c.forEach(([x, y], i) => {
      const [nx, ny] = c[(i + 1) % 4];
      lines.push(x, y, 0, nx, ny, 0);
    });
    frame.setAttribute('position', new BufferAttribute(new Float32Array(lines), 3));
    this.frame = new LineSegments(frame, new LineBasicMaterial({ color: FRAME_COLOR.light }));
    this.scene.add(this.frame);
    this.scene.add(this.points);

    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.touches = { ONE: TOUCH.PAN, TWO: TOUCH.DOLLY_ROTATE };
    this.controls.screenSpacePanning = false; // pan along the floor, as a map
    this.controls.minDistance = 0.3;
    this.controls.maxDistance = 30;
    this.controls.keyPanSpeed = 20;
    this.controls.listenToKeyEvents(canvas);
    this.controls.addEventListener('change', this.onControlsChange);
    for (const [type, listener] of this.listeners()) canvas.addEventListener(type, listener as EventListener);
  }

  setSize(width: number, height: number): void {
    this.renderer.setSize(width, height, false);
    if (this.software) {
      this.still?.dispose();
      const px = this.renderer.getDrawingBufferSize(new Vector2());
      this.still = new StillLayer(px.x, px.y);
      this.stillDirty = true;
    }
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    for (const r of this.runs) r.path.material.resolution.set(width, height);
    this.invalidate();
  }

  /** Moves the camera (a link or the reset button). */
  setCamera(c: Camera3d): void {
    this.controls.target.set(...c.target);
    this.camera.position.set(...cameraPosition(c));
    this.controls.update();
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

  /** The view as a PNG (drawn now, so the drawing buffer holds the frame). */
  toBlob(): Promise<Blob> {
    this.draw();
    return new Promise((resolve, reject) => this.canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  }

  private draw(): void {
    if (this.input) this.apply(this.input);
    const r = this.renderer;
    if (this.still) {
      if (this.stillDirty) this.still.update(r, this.scene, this.camera);
      this.stillDirty = false;
      r.clear();
      r.autoClear = false;
      this.still.draw(r);
    } else {
      r.render(this.scene, this.camera);
      r.autoClear = false;
    }
    // Over the still picture, depth-tested against it.
    r.render(this.moving, this.camera);
    r.autoClear = true;
    this.frames++;
    this.canvas.dataset.frames = String(this.frames);
    this.canvas.dataset.segments = String(this.runs.reduce((sum, r) => sum + r.path.line.geometry.instanceCount, 0));
  }

  /** Brings the scene up to date with the input, redoing only what changed. */
  private apply(input: SceneInput): void {
    const was = this.applied;
    const field = input.field;
    const lift = heightOf(field?.scale ?? null, input.heights);
    const surfaceChanged = field !== was.field || input.heights !== was.heights;
    if (surfaceChanged || input.theme !== was.theme || input.criticalPoints !== was.criticalPoints || input.hoveredPoint !== was.hoveredPoint || input.presenting !== was.presenting) {
      this.stillDirty = true;
    }
    if (input.theme !== was.theme) {
      this.scene.background = new Color(BAND_BACKGROUND[input.theme]);
      this.frame.material.color.set(FRAME_COLOR[input.theme]);
    }
    if (surfaceChanged && field) this.buildSurface(field, lift);
    if (surfaceChanged || input.criticalPoints !== was.criticalPoints || input.hoveredPoint !== was.hoveredPoint || input.presenting !== was.presenting) {
      this.buildPoints(input, lift);
    }
    if (field) this.updateRuns(input, lift, surfaceChanged || input.traces !== was.traces);
    this.applied = { ...input };
  }

  private buildSurface(field: HeightField, lift: (f: number) => number): void {
    const { n, f, colors } = field;
    const position = new Float32Array(3 * n * n);
    const color = new Float32Array(3 * n * n);
    const c = new Color();
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = j * n + i;
        position[3 * k] = (2 * i) / (n - 1) - 1;
        position[3 * k + 1] = (2 * j) / (n - 1) - 1;
        position[3 * k + 2] = lift(f[k]);
        // The contours' colours are sRGB; the renderer lights in linear space.
        c.setRGB(colors[3 * k] / 255, colors[3 * k + 1] / 255, colors[3 * k + 2] / 255, SRGBColorSpace);
        color[3 * k] = c.r;
        color[3 * k + 1] = c.g;
        color[3 * k + 2] = c.b;
      }
    }
    const index = new Uint32Array(6 * (n - 1) * (n - 1));
    let at = 0;
    for (let j = 0; j < n - 1; j++) {
      for (let i = 0; i < n - 1; i++) {
        const a = j * n + i;
        index.set([a, a + 1, a + n + 1, a, a + n + 1, a + n], at);
        at += 6;
      }
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(position, 3));
    g.setAttribute('color', new BufferAttribute(color, 3));
    g.setIndex(new BufferAttribute(index, 1));
    g.computeVertexNormals();
    bakeLight(g.getAttribute('normal').array, color);
    g.computeBoundingSphere();
    this.surface.geometry.dispose();
    this.surface.geometry = g;
  }

  private scenePoint(lift: (f: number) => number): ScenePoint {
    const view = this.input!.field!.view;
    return (t, step, out, at) => {
      out[at] = toScene(t.xy[2 * step], view.x);
      out[at + 1] = toScene(t.xy[2 * step + 1], view.y);
      out[at + 2] = lift(t.f[step]) + PATH_LIFT;
    };
  }

  private glyph(kind: GlyphKind, color: string, size: number): Mesh {
    const m = new Mesh(glyphGeometry(kind), new MeshLambertMaterial({ color, clippingPlanes: this.clipping }));
    m.scale.setScalar(size);
    return m;
  }

  /** The critical points: one instanced mesh per kind (a surface like Rastrigin's has hundreds). */
  private buildPoints(input: SceneInput, lift: (f: number) => number): void {
    for (const m of this.points.children as InstancedMesh[]) {
      (m.material as MeshLambertMaterial).dispose();
      m.dispose();
    }
    this.points.clear();
    this.pointsAt = [];
    const field = input.field;
    if (!field || !input.criticalPoints) return;
    const all = input.criticalPoints;
    const crowd = all.length > 60;
    const size = GLYPH_SIZE * (crowd ? 0.6 : 1) * (input.presenting ? 1.5 : 1);
    const matrix = new Matrix4();
    for (const kind of Object.keys(KIND_COLORS) as (keyof typeof KIND_COLORS)[]) {
      const points = all.filter((p) => p.kind === kind);
      if (points.length === 0) continue;
      const mesh = new InstancedMesh(glyphGeometry(kind, crowd), new MeshLambertMaterial({ color: KIND_COLORS[kind], clippingPlanes: this.clipping }), points.length);
      points.forEach((p, i) => {
        const x = toScene(p.x, field.view.x);
        const y = toScene(p.y, field.view.y);
        const scale = size * (p === input.hoveredPoint ? 1.7 : 1);
        // Resting on the surface rather than half sunk in it.
        const z = lift(p.f) + PATH_LIFT + 0.6 * scale;
        mesh.setMatrixAt(i, matrix.makeScale(scale, scale, scale).setPosition(x, y, z));
        this.pointsAt.push({ x, y, point: p });
      });
      mesh.frustumCulled = false;
      this.points.add(mesh);
    }
  }

  private updateRuns(input: SceneInput, lift: (f: number) => number, rebuild: boolean): void {
    const { traces } = input;
    const width = input.presenting ? 5 : 3;
    while (this.runs.length > traces.length) this.disposeRun(this.runs.pop()!);
    traces.forEach((t, i) => {
      let r = this.runs[i];
      if (!r) {
        const path = new PathLine(t.color, width, this.clipping);
        const size = this.renderer.getSize(new Vector2());
        path.material.resolution.set(size.x, size.y);
        r = { path, start: this.glyph('running', '#ffffff', GLYPH_SIZE * 0.7), head: this.glyph('running', t.color, GLYPH_SIZE), headKind: 'running', hover: this.glyph('running', t.color, GLYPH_SIZE * 1.2) };
        (r.hover.material as MeshLambertMaterial).transparent = true;
        (r.hover.material as MeshLambertMaterial).opacity = 0.45;
        this.moving.add(r.path.line, r.start, r.head, r.hover);
        this.runs[i] = r;
      }
      if (rebuild) r.path.reset();
      r.path.material.color.set(t.color);
      r.path.material.linewidth = width;
      (r.head.material as MeshLambertMaterial).color.set(t.color);
      (r.hover.material as MeshLambertMaterial).color.set(t.color);
      const position = this.scenePoint(lift);
      const n = input.upTo === null ? t.length : Math.min(t.length, input.upTo + 1);
      r.path.update(t, n, position);
      const p = new Float32Array(3);
      const visible = n > 0;
      r.start.visible = r.head.visible = visible;
      r.hover.visible = visible && input.hoverStep !== null && input.hoverStep < t.length;
      if (!visible) return;
      position(t, 0, p, 0);
      r.start.position.set(p[0], p[1], p[2]);
      position(t, n - 1, p, 0);
      r.head.position.set(p[0], p[1], p[2]);
      // The end glyph shows the verdict once the drawn path reaches the stop (as in 2D).
      const kind: GlyphKind = t.stop && n === t.length ? (t.stop.reason === 'diverged' ? 'diverged' : (t.stop.kind ?? 'degenerate')) : 'running';
      if (kind !== r.headKind) {
        r.head.geometry = glyphGeometry(kind);
        r.headKind = kind;
      }
      r.head.scale.setScalar(GLYPH_SIZE * (kind === 'running' ? 1 : 1.3) * (input.presenting ? 1.5 : 1));
      if (r.hover.visible) {
        position(t, input.hoverStep!, p, 0);
        r.hover.position.set(p[0], p[1], p[2]);
      }
    });
  }

  private disposeRun(r: RunMarks): void {
    this.moving.remove(r.path.line, r.start, r.head, r.hover);
    r.path.dispose();
    for (const m of [r.start, r.head, r.hover]) (m.material as MeshLambertMaterial).dispose();
  }

  // ---- Pointer and keys ----

  private listeners(): [string, (e: never) => void][] {
    return [
      ['keydown', this.onKey],
      ['pointerdown', this.onPointerDown],
      ['pointermove', this.onPointerMove],
      ['pointerup', this.onPointerUp],
      ['pointercancel', this.onPointerCancel],
      ['pointerleave', this.onPointerLeave],
    ];
  }

  private onControlsChange = () => {
    this.stillDirty = true;
    this.invalidate();
    if (this.cameraTimer) clearTimeout(this.cameraTimer);
    this.cameraTimer = setTimeout(() => {
      this.events.camera(cameraFrom(this.camera.position.toArray(), this.controls.target.toArray()));
    }, CAMERA_REST_MS);
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

  /** The surface under a pointer, in data coordinates and scene units. */
  private pick(e: PointerEvent): { x: number; y: number; sx: number; sy: number } | null {
    const field = this.input?.field;
    if (!field) return null;
    const rect = this.canvas.getBoundingClientRect();
    const ndc = new Vector2(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.camera);
    const hit = this.raycaster.intersectObject(this.surface, false)[0];
    if (!hit) return null;
    const { x: sx, y: sy } = hit.point;
    return { x: fromScene(sx, field.view.x), y: fromScene(sy, field.view.y), sx, sy };
  }

  private onPointerDown = (e: PointerEvent) => {
    this.activePointers.add(e.pointerId);
    const others = this.activePointers.size > 1;
    if (this.down) this.down.others = true;
    this.down = { id: e.pointerId, x: e.clientX, y: e.clientY, others };
    this.canvas.focus({ preventScroll: true });
  };

  private onPointerMove = (e: PointerEvent) => {
    if (this.activePointers.size > 0) return; // dragging: the controls move the camera
    const first = this.hoverAt === null;
    this.hoverAt = { x: e.clientX, y: e.clientY };
    if (!first) return;
    // At most one pick per frame.
    requestAnimationFrame(() => {
      const at = this.hoverAt;
      this.hoverAt = null;
      if (!at || this.disposed) return;
      this.hover({ clientX: at.x, clientY: at.y } as PointerEvent);
    });
  };

  private hover(e: PointerEvent): void {
    const p = this.pick(e);
    if (!p || !this.input) {
      this.events.hover(null);
      return;
    }
    const upTo = this.input.upTo === null ? Infinity : this.input.upTo + 1;
    let best: { step: number; d2: number } | null = null;
    for (const r of this.runs) {
      const near = r.path.nearestStep(p.sx, p.sy, 0.03, upTo);
      if (near && (!best || near.d2 < best.d2)) best = near;
    }
    let point: CriticalPoint | null = null;
    let pointD = 0.04 * 0.04;
    for (const q of this.pointsAt) {
      const d = (q.x - p.sx) ** 2 + (q.y - p.sy) ** 2;
      if (d < pointD) {
        pointD = d;
        point = q.point;
      }
    }
    this.events.hover({ x: p.x, y: p.y, step: best?.step ?? null, point });
  }

  private onPointerUp = (e: PointerEvent) => {
    this.activePointers.delete(e.pointerId);
    const d = this.down;
    if (!d || d.id !== e.pointerId) return;
    this.down = null;
    if (d.others || Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_SLOP_PX) return;
    const p = this.pick(e);
    if (p) this.events.tap(p.x, p.y);
  };

  private onPointerCancel = (e: PointerEvent) => {
    this.activePointers.delete(e.pointerId);
    this.down = null;
  };

  private onPointerLeave = () => {
    this.hoverAt = null;
    if (this.activePointers.size === 0) this.events.hover(null);
  };

  dispose(): void {
    this.disposed = true;
    if (this.cameraTimer) clearTimeout(this.cameraTimer);
    this.controls.removeEventListener('change', this.onControlsChange);
    this.controls.dispose();
    for (const [type, listener] of this.listeners()) this.canvas.removeEventListener(type, listener as EventListener);
    for (const r of this.runs) this.disposeRun(r);
    this.buildPoints({ ...this.input!, criticalPoints: null }, () => 0);
    this.surface.geometry.dispose();
    this.surface.material.dispose();
    this.frame.geometry.dispose();
    this.frame.material.dispose();
    this.still?.dispose();
    this.renderer.dispose();
  }
}
