// Small WebGL2 helpers: shader linking with the compiler's log in the error, float textures
// and multi-target framebuffers.

/** The context was lost (driver reset, too many contexts, or on purpose): fall back to JS. */
export class GlContextLost extends Error {
  constructor() {
    super('the WebGL context was lost');
    this.name = 'GlContextLost';
  }
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw gl.isContextLost() ? new GlContextLost() : new Error('createShader failed');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
    const log = gl.getShaderInfoLog(shader) ?? '';
    gl.deleteShader(shader);
    throw new Error(`shader compilation failed: ${log}`);
  }
  return shader;
}

export function linkProgram(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram();
  if (!program) throw gl.isContextLost() ? new GlContextLost() : new Error('createProgram failed');
  const vs = compile(gl, gl.VERTEX_SHADER, vertex);
  const fs = compile(gl, gl.FRAGMENT_SHADER, fragment);
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.linkProgram(program);
  gl.deleteShader(vs);
  gl.deleteShader(fs);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
    throw new Error(`program link failed: ${gl.getProgramInfoLog(program) ?? ''}`);
  }
  if (gl.isContextLost()) throw new GlContextLost();
  return program;
}

/** An RGBA32F texture of nx x ny texels, read with texelFetch (no filtering). */
export function createStateTexture(gl: WebGL2RenderingContext, nx: number, ny: number, data: Float32Array | null): WebGLTexture {
  const tex = gl.createTexture();
  if (!tex) throw new GlContextLost();
  gl.bindTexture(gl.TEXTURE_2D, tex);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, nx, ny, 0, gl.RGBA, gl.FLOAT, data);
  return tex;
}

/** A framebuffer that draws into `textures` as color attachments 0, 1, 2, ... */
export function createFramebuffer(gl: WebGL2RenderingContext, textures: WebGLTexture[]): WebGLFramebuffer {
  const fb = gl.createFramebuffer();
  if (!fb) throw new GlContextLost();
  gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
  const attachments = textures.map((tex, i) => {
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0 + i, gl.TEXTURE_2D, tex, 0);
    return gl.COLOR_ATTACHMENT0 + i;
  });
  gl.drawBuffers(attachments);
  const status = gl.checkFramebufferStatus(gl.FRAMEBUFFER);
  if (status !== gl.FRAMEBUFFER_COMPLETE && !gl.isContextLost()) throw new Error(`framebuffer incomplete: 0x${status.toString(16)}`);
  return fb;
}
