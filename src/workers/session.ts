// The worker's playback session: one engine (surface or network), advanced on a timer while
// playing, by hand while paused. Every tick's chunks go out in one message with their buffers
// transferred. A tick does at most `stepsPerTick` steps and stops early when its time budget is
// spent, so a slow engine (a large network) never blocks the worker for long.
import type { RunChunk } from '../optim/engine';
import type { NetworkChunk } from '../nets/engine';
import { eigenSym2 } from '../surfaces/classify';

/** A surface run's chunk with lambda_min of the Hessian at each of its points (see withLambdaMin). */
export type SurfaceChunk = RunChunk & { lambdaMin?: Float64Array };

export type AnyChunk = SurfaceChunk | NetworkChunk;

export interface SteppableEngine {
  readonly done: boolean;
  advance(steps: number): AnyChunk[];
}

/** `seq` numbers the messages of a session, so the page can tell when it has all of them. */
export type ChunkSink = (chunks: AnyChunk[], finished: boolean, seq: number) => void;

const TICK_MS = 16;
const TICK_BUDGET_MS = 30;

export class Session {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stepsPerTick: number;
  /** Messages sent so far. */
  private seq = 0;

  constructor(
    private readonly engine: SteppableEngine,
    private readonly sink: ChunkSink,
    stepsPerTick: number,
    /** Steps per advance() call inside a tick: 1 for slow engines, so the budget can bite. */
    private readonly granularity = Infinity,
  ) {
    this.stepsPerTick = stepsPerTick;
  }

  /** Sends x_0 of every run at once, so that each later step(k) shows exactly k more steps. */
  begin(paused: boolean): void {
    this.emit(1, Infinity);
    if (!paused) this.play();
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  play(): void {
    if (this.timer !== null || this.engine.done) return;
    const tick = () => {
      this.timer = null;
      this.emit(this.stepsPerTick, TICK_BUDGET_MS);
      if (!this.engine.done) this.timer = setTimeout(tick, TICK_MS);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops the timer; returns how many messages were sent, the last of which the page must see. */
  pause(): number {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    return this.seq;
  }

  /** Exactly `steps` more steps (fewer only where runs stop), however long they take. */
  step(steps: number): number {
    this.pause();
    this.emit(steps, Infinity);
    return this.seq;
  }

  setSpeed(stepsPerTick: number): void {
    this.stepsPerTick = stepsPerTick;
  }

  private emit(steps: number, budgetMs: number): void {
    if (this.engine.done) return;
    const deadline = performance.now() + budgetMs;
    const chunks: AnyChunk[] = [];
    let left = steps;
    while (left > 0 && !this.engine.done) {
      const n = Math.min(left, this.granularity);
      chunks.push(...this.engine.advance(n));
      left -= n;
      if (performance.now() > deadline) break;
    }
    this.sink(chunks, this.engine.done, ++this.seq);
  }
}

/** Writes the Hessian of f at (x, y) into out as [f_xx, f_xy, f_yy]. */
export type Hessian2 = (x: number, y: number, out: Float64Array) => void;

/** lambda_min of the Hessian at each point of interleaved xy: negative near a saddle or a maximum. */
export function lambdaMinAlong(xy: Float64Array, hessian: Hessian2): Float64Array {
  const n = xy.length / 2;
  const out = new Float64Array(n);
  const h = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    hessian(xy[2 * i], xy[2 * i + 1], h);
    out[i] = eigenSym2(h[0], h[1], h[2]).values[0];
  }
  return out;
}

/** The engine, with `each` called on every chunk it yields (in the worker, before the chunk's buffers are transferred away). */
export function onEachChunk(engine: SteppableEngine, each: (chunk: AnyChunk) => void): SteppableEngine {
  return {
    get done() {
      return engine.done;
    },
    advance(steps: number) {
      const chunks = engine.advance(steps);
      chunks.forEach(each);
      return chunks;
    },
  };
}

/** The engine, with every surface chunk it yields carrying lambdaMin (computed here, in the worker, where the Hessian is). */
export function withLambdaMin(engine: SteppableEngine, hessian: Hessian2): SteppableEngine {
  return onEachChunk(engine, (c) => {
    if ('xy' in c) (c as SurfaceChunk).lambdaMin = lambdaMinAlong(c.xy, hessian);
  });
}

export function chunkBuffers(chunks: AnyChunk[]): ArrayBuffer[] {
  return chunks.flatMap((c) =>
    'xy' in c
      ? ([c.xy.buffer, c.f.buffer, c.gradNorm.buffer, c.evals.buffer, ...(c.lambdaMin ? [c.lambdaMin.buffer] : [])] as ArrayBuffer[])
      : ([c.f.buffer, c.gradNorm.buffer, c.evals.buffer, c.heldOutLoss.buffer, c.accuracy.buffer, c.heldOutAccuracy.buffer] as ArrayBuffer[]),
  );
}
