// The runs in 3D: each run's path on the surface with its start, its head (the end glyph once the
// drawn path reaches the run's verdict, as in 2D) and the mark of the hovered step.
import { Vector2, type Mesh, type MeshLambertMaterial, type Plane, type Scene } from 'three';
import type { ViewWindow } from '../../experiment/types';
import type { GlyphKind } from '../Glyph';
import { GLYPH_SIZE, glyphGeometry, glyphMesh } from './glyphs3d';
import { PATH_LIFT, PathLine, type ScenePath, type ScenePoint } from './pathLine';
import { toScene } from './sceneMath';

interface Marks {
  path: PathLine;
  start: Mesh;
  head: Mesh;
  headKind: GlyphKind;
  hover: Mesh;
}

export interface RunsInput {
  traces: ScenePath[];
  view: ViewWindow;
  /** Draw each path up to this step (the scrubber), or everything when null. */
  upTo: number | null;
  hoverStep: number | null;
  presenting: boolean;
}

/** How near the pointer (scene units) a path must pass to mark its step. */
const HOVER_RADIUS = 0.03;

const material = (m: Mesh) => m.material as MeshLambertMaterial;

export class RunMarks {
  private runs: Marks[] = [];
  private resolution = new Vector2(1, 1);
  private scratch = new Float32Array(3);

  constructor(
    private scene: Scene,
    private clipping: Plane[],
  ) {}

  /** The view's size in CSS pixels (the paths' widths are in pixels). */
  setResolution(width: number, height: number): void {
    this.resolution.set(width, height);
    for (const r of this.runs) r.path.material.resolution.copy(this.resolution);
  }

  /** Brings the marks up to date; `rebuild` when the paths' positions all changed (window, heights, runs). */
  update(input: RunsInput, lift: (f: number) => number, rebuild: boolean): void {
    const { traces, view } = input;
    const width = input.presenting ? 5 : 3;
    while (this.runs.length > traces.length) this.dispose1(this.runs.pop()!);
    const position: ScenePoint = (t, step, out, at) => {
      out[at] = toScene(t.xy[2 * step], view.x);
      out[at + 1] = toScene(t.xy[2 * step + 1], view.y);
      out[at + 2] = lift(t.f[step]) + PATH_LIFT;
    };
    const p = this.scratch;
    traces.forEach((t, i) => {
      const r = this.runs[i] ?? this.add(t.color, width, i);
      if (rebuild) r.path.reset();
      r.path.material.color.set(t.color);
      r.path.material.linewidth = width;
      material(r.head).color.set(t.color);
      material(r.hover).color.set(t.color);
      const n = input.upTo === null ? t.length : Math.min(t.length, input.upTo + 1);
      r.path.update(t, n, position);
      const visible = n > 0;
      r.start.visible = r.head.visible = visible;
      r.hover.visible = visible && input.hoverStep !== null && input.hoverStep < t.length;
      if (!visible) return;
      position(t, 0, p, 0);
      r.start.position.set(p[0], p[1], p[2]);
      position(t, n - 1, p, 0);
      r.head.position.set(p[0], p[1], p[2]);
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

  private add(color: string, width: number, i: number): Marks {
    const path = new PathLine(color, width, this.clipping);
    path.material.resolution.copy(this.resolution);
    const r: Marks = {
      path,
      start: glyphMesh('running', '#ffffff', GLYPH_SIZE * 0.7, this.clipping),
      head: glyphMesh('running', color, GLYPH_SIZE, this.clipping),
      headKind: 'running',
      hover: glyphMesh('running', color, GLYPH_SIZE * 1.2, this.clipping),
    };
    material(r.hover).transparent = true;
    material(r.hover).opacity = 0.45;
    this.scene.add(r.path.line, r.start, r.head, r.hover);
    this.runs[i] = r;
    return r;
  }

  /** The drawn step nearest scene (sx, sy) on any path, or null. */
  nearestStep(sx: number, sy: number, upTo: number | null): number | null {
    const limit = upTo === null ? Infinity : upTo + 1;
    let best: { step: number; d2: number } | null = null;
    for (const r of this.runs) {
      const near = r.path.nearestStep(sx, sy, HOVER_RADIUS, limit);
      if (near && (!best || near.d2 < best.d2)) best = near;
    }
    return best?.step ?? null;
  }

  /** Segments drawn in all (the benchmark and tests read it). */
  segments(): number {
    return this.runs.reduce((sum, r) => sum + r.path.line.geometry.instanceCount, 0);
  }

  private dispose1(r: Marks): void {
    this.scene.remove(r.path.line, r.start, r.head, r.hover);
    r.path.dispose();
    for (const m of [r.start, r.head, r.hover]) material(m).dispose();
  }

  dispose(): void {
    for (const r of this.runs) this.dispose1(r);
    this.runs = [];
  }
}
