// The surface's light, baked into its vertex colours: a sun from one side and above plus a
// sky-to-ground ambient term. The light is fixed to the surface, not to the camera, so baking is
// exact while the camera orbits, and the fragment shader is a plain colour: software WebGL
// (SwiftShader, no GPU) fills the screen several times faster than with per-pixel lighting.
// From the side, the sun lights a saddle's two rising slopes and leaves its two falling ones in
// shade, so a saddle reads as a saddle and a bowl as a bowl.

/** Towards the sun (unit): low from -x, to the left of the default camera, so slopes show. */
export const SUN = normalize([-0.85, -0.2, 0.7]);
const SUN_STRENGTH = 0.8;
/** Ambient light from the sky (a normal straight up) down to the ground (straight down). */
const SKY = 0.42;
const GROUND = 0.15;

function normalize(v: number[]): [number, number, number] {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
}

/** The light falling on a surface of unit normal (nx, ny, nz): about 0.2 in shade to 1.1 facing the sun. */
export function shade(nx: number, ny: number, nz: number): number {
  const sun = Math.max(0, nx * SUN[0] + ny * SUN[1] + nz * SUN[2]);
  const ambient = GROUND + ((SKY - GROUND) * (Math.abs(nz) + 1)) / 2;
  return ambient + SUN_STRENGTH * sun;
}

/** Multiplies each colour (linear RGB, in place) by the light on its vertex's normal. */
export function bakeLight(normals: ArrayLike<number>, colors: Float32Array): void {
  for (let k = 0; k < colors.length; k += 3) {
    const s = shade(normals[k], normals[k + 1], normals[k + 2]);
    colors[k] *= s;
    colors[k + 1] *= s;
    colors[k + 2] *= s;
  }
}
