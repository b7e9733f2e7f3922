// The 3D view's still layer (drawn once, copied under the moving paths) and the software-GL probe
// that decides whether it pays off.
import { AlwaysDepth, DepthTexture, Mesh, OrthographicCamera, PlaneGeometry, Scene, ShaderMaterial, SRGBColorSpace, WebGLRenderTarget, type PerspectiveCamera, type WebGLRenderer } from 'three';

/** Whether WebGL runs in software (SwiftShader, llvmpipe): no GPU. */
export function softwareGL(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|software/i.test(name);
}

/**
 * The still part of the picture (surface, critical points, frame) drawn once into a texture with
 * its depth, then copied under the moving part (paths, heads) each frame while only the runs
 * change: a software renderer's frame is then a copy and a few lines, not the whole surface again.
 */
export class StillLayer {
  readonly target: WebGLRenderTarget;
  private quad: Mesh<PlaneGeometry, ShaderMaterial>;
  private scene = new Scene();
  private camera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);

  constructor(width: number, height: number) {
    this.target = new WebGLRenderTarget(width, height, { depthTexture: new DepthTexture(width, height) });
    this.target.texture.colorSpace = SRGBColorSpace; // 8 bits a channel without banding in the darks
    this.quad = new Mesh(
      new PlaneGeometry(2, 2),
      new ShaderMaterial({
        uniforms: { still: { value: this.target.texture }, depth: { value: this.target.depthTexture } },
        vertexShader: 'varying vec2 vUv; void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }',
        fragmentShader:
          'uniform sampler2D still; uniform sampler2D depth; varying vec2 vUv;\n' +
          'void main() { gl_FragColor = linearToOutputTexel(texture2D(still, vUv)); gl_FragDepth = texture2D(depth, vUv).x; }',
        depthTest: true,
        depthFunc: AlwaysDepth, // write the still picture's depth everywhere
        depthWrite: true,
      }),
    );
    this.scene.add(this.quad);
  }

  /** Draws the still scene into the texture. */
  update(renderer: WebGLRenderer, scene: Scene, camera: PerspectiveCamera): void {
    renderer.setRenderTarget(this.target);
    renderer.render(scene, camera);
    renderer.setRenderTarget(null);
  }

  /** Copies colour and depth onto the canvas. */
  draw(renderer: WebGLRenderer): void {
    renderer.render(this.scene, this.camera);
  }

  dispose(): void {
    this.target.depthTexture?.dispose();
    this.target.dispose();
    this.quad.geometry.dispose();
    this.quad.material.dispose();
  }
}

