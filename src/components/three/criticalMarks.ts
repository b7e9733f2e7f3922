// The critical points in 3D: one instanced mesh per kind (a surface like Rastrigin's has
// hundreds), resting on the surface, the hovered one larger; and which one lies under the pointer.
import { Group, InstancedMesh, Matrix4, MeshLambertMaterial, type Plane } from 'three';
import type { CriticalPoint } from '../../surfaces/critical';
import type { ViewWindow } from '../../experiment/types';
import { KIND_COLORS } from '../Glyph';
import { GLYPH_SIZE, glyphGeometry } from './glyphs3d';
import { PATH_LIFT } from './pathLine';
import { toScene } from './sceneMath';

/** More points than this are a crowd: smaller, coarser glyphs. */
const CROWD = 60;
/** How near the pointer (scene units) a point must be to count as hovered. */
const HOVER_RADIUS = 0.04;

export class CriticalMarks {
  readonly group = new Group();
  /** Where each point is drawn, in scene units. */
  private at: { x: number; y: number; point: CriticalPoint }[] = [];

  constructor(private clipping: Plane[]) {}

  build(points: CriticalPoint[] | null, view: ViewWindow | null, hovered: CriticalPoint | null, presenting: boolean, lift: (f: number) => number): void {
    this.clear();
    if (!view || !points) return;
    const crowd = points.length > CROWD;
    const size = GLYPH_SIZE * (crowd ? 0.6 : 1) * (presenting ? 1.5 : 1);
    const matrix = new Matrix4();
    for (const kind of Object.keys(KIND_COLORS) as (keyof typeof KIND_COLORS)[]) {
      const ofKind = points.filter((p) => p.kind === kind);
      if (ofKind.length === 0) continue;
      const mesh = new InstancedMesh(glyphGeometry(kind, crowd), new MeshLambertMaterial({ color: KIND_COLORS[kind], clippingPlanes: this.clipping }), ofKind.length);
      ofKind.forEach((p, i) => {
        const x = toScene(p.x, view.x);
        const y = toScene(p.y, view.y);
        const scale = size * (p === hovered ? 1.7 : 1);
        // Resting on the surface rather than half sunk in it.
        const z = lift(p.f) + PATH_LIFT + 0.6 * scale;
        mesh.setMatrixAt(i, matrix.makeScale(scale, scale, scale).setPosition(x, y, z));
        this.at.push({ x, y, point: p });
      });
      mesh.frustumCulled = false;
      this.group.add(mesh);
    }
  }

  /** The point nearest scene (sx, sy) within the hover radius, or null. */
  nearest(sx: number, sy: number): CriticalPoint | null {
    let point: CriticalPoint | null = null;
    let best = HOVER_RADIUS * HOVER_RADIUS;
    for (const q of this.at) {
      const d = (q.x - sx) ** 2 + (q.y - sy) ** 2;
      if (d < best) {
        best = d;
        point = q.point;
      }
    }
    return point;
  }

  clear(): void {
    for (const m of this.group.children as InstancedMesh[]) {
      (m.material as MeshLambertMaterial).dispose();
      m.dispose();
    }
    this.group.clear();
    this.at = [];
  }
}
