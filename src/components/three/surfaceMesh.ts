// The height field as a mesh: the window as the square [-1, 1]^2, f lifted to heights, each
// vertex in its sample's colour with the light baked in (lighting.ts), and the window's outline.
import { BufferAttribute, BufferGeometry, Color, DoubleSide, LineBasicMaterial, LineSegments, Mesh, MeshBasicMaterial, SRGBColorSpace } from 'three';
import type { HeightField } from '../../state/view3d';
import { bakeLight } from './lighting';

/** The geometry of `field` with heights lift(f). */
export function surfaceGeometry(field: HeightField, lift: (f: number) => number): BufferGeometry {
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
  return g;
}

/** The surface's mesh (its geometry set by surfaceGeometry), lit by its vertex colours. */
export function surfaceMesh(): Mesh<BufferGeometry, MeshBasicMaterial> {
  return new Mesh(new BufferGeometry(), new MeshBasicMaterial({ vertexColors: true, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 }));
}

/** The window's outline on the floor. */
export function windowFrame(): LineSegments<BufferGeometry, LineBasicMaterial> {
  const corners = [[-1, -1], [1, -1], [1, 1], [-1, 1]];
  const lines: number[] = [];
  corners.forEach(([x, y], i) => {
    const [nx, ny] = corners[(i + 1) % 4];
    lines.push(x, y, 0, nx, ny, 0);
  });
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(lines), 3));
  return new LineSegments(g, new LineBasicMaterial());
}
