// Runs a batched job on WebGL2 with the fused step program (glsl/stepShader.ts): the whole
// grid's state in float textures, ping-ponged between two framebuffers, each draw advancing
// every running start by up to MAX_STEPS_PER_DRAW steps. One draw does the work of hundreds of
// tensor ops, which is the point: on SwiftShader each dispatch costs a fraction of a
// millisecond whatever it computes.
//
// Raw WebGL2 rather than a tfjs custom program because tfjs programs write ONE float per texel
// (or a 2x2-packed vec4): a start's 12 floats of state would need the whole trajectory
// recomputed once per output float. Multiple render targets write all 12 in one pass.
import type { ViewWindow } from '../../experiment/types';
import type { BatchJob } from '../batchJob';
import { pixelSetting, pixelStart } from '../batchJob';
import { MAX_STEPS_PER_DRAW, settingValue, stepFragmentShader, storedSweepValue, VERTEX_SHADER } from '../glsl/stepShader';
import { allocateGrid, type BatchOutcome, REASON } from '../outcome';
import { AffineSchedule } from '../scheduleAffine';
import { constantSources, StepConstantTable } from '../glsl/stepConstants';
import { createStateTexture, createFramebuffer, GlContextLost, linkProgram } from './glResources';

export interface FusedProgress {
  /** Steps done of maxSteps + 1 (the last one is the final stop check). */
  step: number;
  total: number;
  /** Starts still running (counted at the last read-back). */
  active: number;
}

export interface FusedRunOptions {
  onProgress?: (p: FusedProgress) => void;
  /** Checked between draws; a true value ends the run with an AbortError. */
  cancelled?: () => boolean;
  /** Target wall time of one draw; the steps per draw adapt to it. */
  drawMs?: number;
  /** Fixed steps per draw (benchmarks); adaptive when absent. */
  stepsPerDraw?: number;
}

/** Yields to the worker's event loop, so a cancel message can arrive between draws. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Linked programs kept per shader text: recomputing a map with the same settings skips the compile. */
const PROGRAM_CACHE_SIZE = 8;

export class FusedRunner {
  private readonly programs = new Map<string, WebGLProgram>();

  private constructor(readonly gl: WebGL2RenderingContext, readonly renderer: string) {}

  private program(fragment: string): WebGLProgram {
    const cached = this.programs.get(fragment);
    if (cached) {
      this.programs.delete(fragment); // re-inserted below: most recently used last
      this.programs.set(fragment, cached);
      return cached;
    }
    const program = linkProgram(this.gl, VERTEX_SHADER, fragment);
    this.programs.set(fragment, program);
    if (this.programs.size > PROGRAM_CACHE_SIZE) {
      const [oldest, p] = this.programs.entries().next().value!;
      this.programs.delete(oldest);
      this.gl.deleteProgram(p);
    }
    return program;
  }

  /** A WebGL2 context on `canvas` that can render to float textures, or null. */
  static create(canvas: OffscreenCanvas | HTMLCanvasElement): FusedRunner | null {
    const gl = canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false, premultipliedAlpha: false }) as WebGL2RenderingContext | null;
    if (!gl || !gl.getExtension('EXT_color_buffer_float')) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    return new FusedRunner(gl, renderer);
  }

  get lost(): boolean {
    return this.gl.isContextLost();
  }

  /** Loses the context on purpose (tests of the fallback), when the browser allows it. */
  loseContext(): boolean {
    const ext = this.gl.getExtension('WEBGL_lose_context');
    ext?.loseContext();
    return ext !== null;
  }

  /** `home`: the surface's default window (it centres the divergence boxes). */
  async run(job: BatchJob, home: ViewWindow, opts: FusedRunOptions = {}): Promise<BatchOutcome> {
    const gl = this.gl;
    const { nx, ny } = job.grid;
    const program = this.program(stepFragmentShader(job, home));
    const made: { textures: WebGLTexture[]; framebuffers: WebGLFramebuffer[] } = { textures: [], framebuffers: [] };
    try {
      const init = initialState(job);
      const sets = [0, 1].map((k) => {
        const tex = [0, 1, 2].map((i) => createStateTexture(gl, nx, ny, k === 0 ? init[i] : null));
        made.textures.push(...tex);
        const fb = createFramebuffer(gl, tex);
        made.framebuffers.push(fb);
        return { tex, fb };
      });
      const paramTex = createStateTexture(gl, nx, ny, pixelInputs(job));
      made.textures.push(paramTex);
      gl.useProgram(program);
      const loc = (name: string) => gl.getUniformLocation(program, name);
      ['u_s0', 'u_s1', 'u_s2', 'u_p', 'u_kx', 'u_ky'].forEach((name, unit) => gl.uniform1i(loc(name), unit));
      const axisConstants = [axisConstantTables(job, 'x'), axisConstantTables(job, 'y')].map((tables) => {
        if (!tables) return null;
        const tex = createStateTexture(gl, MAX_STEPS_PER_DRAW, tables.length, null);
        made.textures.push(tex);
        return { tables, tex, data: new Float32Array(4 * MAX_STEPS_PER_DRAW * tables.length) };
      });
      gl.uniform1ui(loc('u_seed'), job.seed >>> 0);
      gl.uniform1i(loc('u_nx'), nx);
      const uT0 = loc('u_t0');
      const uK = loc('u_k');
      const uSched = loc('u_sched');
      const uStepc = loc('u_stepc');
      const constants = new StepConstantTable(job.optimizer, job.params);
      const stepc = new Float32Array(4 * MAX_STEPS_PER_DRAW);
      gl.viewport(0, 0, nx, ny);
      const schedule = new AffineSchedule(job.schedule);
      const coefficients = new Float32Array(2 * MAX_STEPS_PER_DRAW);
      const total = job.maxSteps + 1;
      const probe = new Float32Array(4);
      let k = opts.stepsPerDraw ?? 4;
      let t0 = 0;
      let current = 0;
      let active = nx * ny;
      let lastCount = performance.now();
      while (t0 < total && active > 0) {
        if (opts.cancelled?.()) throw new DOMException('batched run cancelled', 'AbortError');
        const steps = Math.min(k, total - t0, MAX_STEPS_PER_DRAW);
        schedule.fill(t0, steps, coefficients);
        gl.uniform1i(uT0, t0);
        gl.uniform1i(uK, steps);
        gl.uniform2fv(uSched, coefficients);
        constants.fill(t0, steps, stepc);
        gl.uniform4fv(uStepc, stepc);
        axisConstants.forEach((a, axis) => {
          gl.activeTexture(gl.TEXTURE4 + axis);
          gl.bindTexture(gl.TEXTURE_2D, a?.tex ?? null);
          if (!a) return;
          a.tables.forEach((table, i) => table.fill(t0, steps, a.data.subarray(4 * MAX_STEPS_PER_DRAW * i)));
          gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, MAX_STEPS_PER_DRAW, a.tables.length, gl.RGBA, gl.FLOAT, a.data);
        });
        const src = sets[current];
        const dst = sets[1 - current];
        src.tex.forEach((tex, unit) => {
          gl.activeTexture(gl.TEXTURE0 + unit);
          gl.bindTexture(gl.TEXTURE_2D, tex);
        });
        gl.activeTexture(gl.TEXTURE3);
        gl.bindTexture(gl.TEXTURE_2D, paramTex);
        gl.bindFramebuffer(gl.FRAMEBUFFER, dst.fb);
        const began = performance.now();
        gl.drawArrays(gl.TRIANGLES, 0, 3);
        // Reading one texel waits for the draw: the time measured is the draw's own.
        gl.readBuffer(gl.COLOR_ATTACHMENT0);
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.FLOAT, probe);
        if (gl.isContextLost()) throw new GlContextLost();
        const elapsed = performance.now() - began;
        current = 1 - current;
        t0 += steps;
        if (opts.stepsPerDraw === undefined) {
          const target = opts.drawMs ?? 60;
          k = Math.max(1, Math.min(MAX_STEPS_PER_DRAW, Math.round((steps * target) / Math.max(elapsed, 0.5))));
        }
        if (performance.now() - lastCount > 250 || t0 >= total) {
          active = countRunning(gl, nx, ny);
          lastCount = performance.now();
        }
        opts.onProgress?.({ step: t0, total, active });
        await yieldToEvents();
      }
      if (gl.isContextLost()) throw new GlContextLost();
      gl.bindFramebuffer(gl.FRAMEBUFFER, sets[current].fb);
      return readOutcome(gl, nx, ny);
    } finally {
      if (!gl.isContextLost()) {
        gl.bindFramebuffer(gl.FRAMEBUFFER, null);
        made.framebuffers.forEach((fb) => gl.deleteFramebuffer(fb));
        made.textures.forEach((t) => gl.deleteTexture(t));
      }
    }
  }
}

/** s0 = (start, running, 0); s1 and s2 zero: every optimizer's state starts at 0. */
function initialState(job: BatchJob): Float32Array[] {
  const { nx, ny } = job.grid;
  const s0 = new Float32Array(4 * nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const [x, y] = pixelStart(job, i, j);
      const o = 4 * (j * nx + i);
      s0[o] = x;
      s0[o + 1] = y;
    }
  }
  return [s0, new Float32Array(4 * nx * ny), new Float32Array(4 * nx * ny)];
}

/** One float64 table of step constants per column ('x') or row ('y') of a sweep, if the shader reads them. */
function axisConstantTables(job: BatchJob, axis: 'x' | 'y'): StepConstantTable[] | null {
  if (!constantSources(job).includes(axis)) return null;
  const { nx, ny } = job.grid;
  return Array.from({ length: axis === 'x' ? nx : ny }, (_, i) => {
    const setting = axis === 'x' ? pixelSetting(job, i, 0) : pixelSetting(job, 0, i);
    return new StepConstantTable(job.optimizer, setting.params);
  });
}

/** u_p of every pixel: (the sweep's two values as stored, or 0; the start). */
function pixelInputs(job: BatchJob): Float32Array {
  const g = job.grid;
  const out = new Float32Array(4 * g.nx * g.ny);
  for (let j = 0; j < g.ny; j++) {
    for (let i = 0; i < g.nx; i++) {
      const o = 4 * (j * g.nx + i);
      if (g.kind === 'sweep') {
        const s = pixelSetting(job, i, j);
        out[o] = storedSweepValue(g.x.param, settingValue(s.params, s.gradNoise, g.x.param)!);
        out[o + 1] = storedSweepValue(g.y.param, settingValue(s.params, s.gradNoise, g.y.param)!);
      }
      [out[o + 2], out[o + 3]] = pixelStart(job, i, j);
    }
  }
  return out;
}

function readAttachment(gl: WebGL2RenderingContext, attachment: number, nx: number, ny: number): Float32Array {
  const out = new Float32Array(4 * nx * ny);
  gl.readBuffer(gl.COLOR_ATTACHMENT0 + attachment);
  gl.readPixels(0, 0, nx, ny, gl.RGBA, gl.FLOAT, out);
  return out;
}

function countRunning(gl: WebGL2RenderingContext, nx: number, ny: number): number {
  const s0 = readAttachment(gl, 0, nx, ny);
  let n = 0;
  for (let p = 2; p < s0.length; p += 4) if (s0[p] === REASON.running) n++;
  return n;
}

function readOutcome(gl: WebGL2RenderingContext, nx: number, ny: number): BatchOutcome {
  const s0 = readAttachment(gl, 0, nx, ny);
  const s2 = readAttachment(gl, 2, nx, ny);
  const o = allocateGrid(nx, ny);
  for (let p = 0; p < nx * ny; p++) {
    o.endX[p] = s0[4 * p];
    o.endY[p] = s0[4 * p + 1];
    o.reason[p] = s0[4 * p + 2];
    o.steps[p] = s0[4 * p + 3];
    o.f[p] = s2[4 * p + 2];
  }
  return o;
}
