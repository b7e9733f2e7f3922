// The 2D glyphs (Glyph.tsx) as solids, so the two views speak one language: minimum = sphere,
// saddle = octahedron (the diamond), maximum = cone (the triangle), degenerate = cube, diverged =
// a cross of two bars, a running head = a small sphere.
import { BoxGeometry, BufferGeometry, ConeGeometry, IcosahedronGeometry, Mesh, MeshLambertMaterial, OctahedronGeometry, SphereGeometry, type Plane } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { GlyphKind } from '../Glyph';

function cross(): BufferGeometry {
  const a = new BoxGeometry(1.9, 0.35, 0.35).rotateZ(Math.PI / 4);
  const b = new BoxGeometry(1.9, 0.35, 0.35).rotateZ(-Math.PI / 4);
  return mergeGeometries([a, b])!;
}

const MAKERS: Record<GlyphKind, () => BufferGeometry> = {
  // Coarse solids: a surface like Rastrigin's shows hundreds of points, and each triangle costs a
  // software renderer; at a few pixels across, 8 x 5 facets read as round.
  minimum: () => new SphereGeometry(0.8, 8, 5),
  running: () => new SphereGeometry(0.65, 8, 5),
  saddle: () => new OctahedronGeometry(1.05),
  // The cone's axis along z: it points up, as the triangle does.
  maximum: () => new ConeGeometry(0.9, 1.6, 8).rotateX(Math.PI / 2),
  degenerate: () => new BoxGeometry(1.4, 1.4, 1.4),
  diverged: cross,
};

/** For a crowd of small markers (a window with many critical points): 8 to 20 triangles each. */
const COARSE: Partial<Record<GlyphKind, () => BufferGeometry>> = {
  minimum: () => new IcosahedronGeometry(0.8, 0),
  maximum: () => new ConeGeometry(0.9, 1.6, 5).rotateX(Math.PI / 2),
};

const cache = new Map<string, BufferGeometry>();

/** The unit-sized solid of a glyph kind (shared; scale the mesh to size it); `coarse` for crowds. */
export function glyphGeometry(kind: GlyphKind, coarse = false): BufferGeometry {
  const key = `${kind}${coarse ? ':coarse' : ''}`;
  let g = cache.get(key);
  if (!g) {
    g = ((coarse && COARSE[kind]) || MAKERS[kind])();
    cache.set(key, g);
  }
  return g;
}

/** A glyph's size in scene units (the window is 2 units wide). */
export const GLYPH_SIZE = 0.045;

/** One glyph as a mesh of its own material (a run's head, start or hover mark). */
export function glyphMesh(kind: GlyphKind, color: string, size: number, clipping: Plane[]): Mesh<BufferGeometry, MeshLambertMaterial> {
  const m = new Mesh(glyphGeometry(kind), new MeshLambertMaterial({ color, clippingPlanes: clipping }));
  m.scale.setScalar(size);
  return m;
}
