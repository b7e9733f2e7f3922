// Candidates (c) and (e) of the benchmark: the batched run written op by op in tfjs, on the
// webgl backend or the cpu backend, in a worker. The objective's gradient comes from the same
// dual-number program as the fused shader (src/batch/glsl/dualIr.ts), interpreted with tensors;
// the update is Adam (the benchmark's optimizer), x and y stacked so each op updates both.
// No stop or divergence masks: the benchmark job has gradTol = 0 and does not diverge, so every
// engine does the same 500 steps; the masks would only add ops here.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import type { BatchJob } from '../../../src/batch/batchJob';
import { pixelStart } from '../../../src/batch/batchJob';
import { dualProgram, type DualProgram } from '../../../src/batch/glsl/dualIr';
import { jobExpression } from '../../../src/batch/glsl/stepShader';
import { parseExpression } from '../../../src/surfaces/expr/parse';

export type TfjsBackend = 'webgl' | 'cpu';

interface DualT {
  v: tf.Tensor;
  dx: tf.Tensor | null;
  dy: tf.Tensor | null;
}

const times = (g: tf.Tensor, d: tf.Tensor | null) => (d ? tf.mul(g, d) : null);
const plus = (a: tf.Tensor | null, b: tf.Tensor | null, sub = false) => (a && b ? (sub ? tf.sub(a, b) : tf.add(a, b)) : a ?? (b && sub ? tf.neg(b) : b));

function unary(fn: string, u: tf.Tensor): [tf.Tensor, tf.Tensor] {
  switch (fn) {
    case 'sin': return [tf.sin(u), tf.cos(u)];
    case 'cos': return [tf.cos(u), tf.neg(tf.sin(u))];
    case 'exp': { const e = tf.exp(u); return [e, e]; }
    case 'log': return [tf.log(u), tf.reciprocal(u)];
    case 'sqrt': { const s = tf.sqrt(u); return [s, tf.div(0.5, s)]; }
    case 'abs': return [tf.abs(u), tf.sign(u)];
    case 'tanh': { const t = tf.tanh(u); return [t, tf.sub(1, tf.square(t))]; }
    default: throw new Error(`tfjs benchmark: ${fn} not wired (the benchmark uses Himmelblau)`);
  }
}

/** f, df/dx, df/dy of the program at tensors x, y (inside a tidy). */
function evaluate(program: DualProgram, x: tf.Tensor, y: tf.Tensor): DualT {
  const v: DualT[] = [];
  const one = tf.scalar(1);
  for (const op of program.ops) {
    switch (op.k) {
      case 'x': v.push({ v: x, dx: one, dy: null }); break;
      case 'y': v.push({ v: y, dx: null, dy: one }); break;
      case 'const': v.push({ v: tf.scalar(op.c), dx: null, dy: null }); break;
      case 'neg': { const a = v[op.a]; v.push({ v: tf.neg(a.v), dx: a.dx && tf.neg(a.dx), dy: a.dy && tf.neg(a.dy) }); break; }
      case 'add': case 'sub': {
        const [a, b, s] = [v[op.a], v[op.b], op.k === 'sub'];
        v.push({ v: s ? tf.sub(a.v, b.v) : tf.add(a.v, b.v), dx: plus(a.dx, b.dx, s), dy: plus(a.dy, b.dy, s) });
        break;
      }
      case 'mul': {
        const [a, b] = [v[op.a], v[op.b]];
        v.push({ v: tf.mul(a.v, b.v), dx: plus(times(b.v, a.dx), times(a.v, b.dx)), dy: plus(times(b.v, a.dy), times(a.v, b.dy)) });
        break;
      }
      case 'addc': { const a = v[op.a]; v.push({ v: tf.add(a.v, op.c), dx: a.dx, dy: a.dy }); break; }
      case 'mulc': { const a = v[op.a]; v.push({ v: tf.mul(a.v, op.c), dx: a.dx && tf.mul(a.dx, op.c), dy: a.dy && tf.mul(a.dy, op.c) }); break; }
      case 'divc': { const a = v[op.a]; v.push({ v: tf.div(a.v, op.c), dx: a.dx && tf.div(a.dx, op.c), dy: a.dy && tf.div(a.dy, op.c) }); break; }
      case 'powi': {
        const a = v[op.a];
        const [g0, g1] = op.n === 2 ? [tf.square(a.v), tf.mul(a.v, 2)] : [tf.pow(a.v, op.n), tf.mul(tf.pow(a.v, op.n - 1), op.n)];
        v.push({ v: g0, dx: times(g1, a.dx), dy: times(g1, a.dy) });
        break;
      }
      case 'call': {
        const a = v[op.a];
        const [g0, g1] = unary(op.fn, a.v);
        v.push({ v: g0, dx: times(g1, a.dx), dy: times(g1, a.dy) });
        break;
      }
      default:
        throw new Error(`tfjs benchmark: ${op.k} not wired (the benchmark uses Himmelblau)`);
    }
  }
  return v[program.result];
}

export interface TfjsResult {
  backend: string;
  ms: number;
  endX: number[];
  endY: number[];
}

export async function runTfjs(job: BatchJob, backend: TfjsBackend): Promise<TfjsResult> {
  if (job.optimizer !== 'adam') throw new Error('tfjs benchmark: adam only');
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  await tf.setBackend(backend);
  await tf.ready();
  // a failed switch silently stays on another backend: report what actually ran
  const active = tf.getBackend();
  const parsed = parseExpression(jobExpression(job));
  if (!parsed.ok) throw new Error(parsed.message);
  const program = dualProgram(parsed.tree);
  const { nx, ny } = job.grid;
  const starts = new Float32Array(2 * nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const [sx, sy] = pixelStart(job, i, j);
    starts[j * nx + i] = sx;
    starts[nx * ny + j * nx + i] = sy;
  }
  const [beta1, beta2] = job.params.betas as number[];
  const eps = job.params.eps as number;
  const lr = job.params.lr as number;
  const began = performance.now();
  let p = tf.tensor2d(starts, [2, nx * ny]);
  let m = tf.zerosLike(p);
  let s = tf.zerosLike(p);
  for (let t = 1; t <= job.maxSteps; t++) {
    const next = tf.tidy(() => {
      const [x, y] = tf.unstack(p);
      const d = evaluate(program, x, y);
      const g = tf.stack([tf.mul(d.dx ?? tf.scalar(0), tf.onesLike(x)), tf.mul(d.dy ?? tf.scalar(0), tf.onesLike(y))]);
      const m2 = tf.add(m, tf.mul(tf.sub(g, m), 1 - beta1));
      const s2 = tf.add(tf.mul(s, beta2), tf.mul(tf.square(g), 1 - beta2));
      const stepSize = lr / (1 - beta1 ** t);
      const denom = tf.add(tf.div(tf.sqrt(s2), Math.sqrt(1 - beta2 ** t)), eps);
      return [tf.sub(p, tf.mul(tf.div(m2, denom), stepSize)), m2, s2];
    });
    p.dispose(); m.dispose(); s.dispose();
    [p, m, s] = next as tf.Tensor2D[];
  }
  const out = await p.data();
  const ms = performance.now() - began;
  p.dispose(); m.dispose(); s.dispose();
  return { backend: active, ms, endX: Array.from(out.subarray(0, nx * ny)), endY: Array.from(out.subarray(nx * ny)) };
}
