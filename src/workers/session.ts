// The worker's playback session: one engine, advanced on a timer while playing, by hand while
// paused. Every tick's chunks go out in one message with their buffers transferred.
import type { Experiment } from '../experiment/types';
import type { Engine, RunChunk } from '../optim/engine';

export type ChunkSink = (chunks: RunChunk[], finished: boolean) => void;

const TICK_MS = 16;

export class Session {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stepsPerTick: number;

  constructor(
    private readonly engine: Engine,
    private readonly sink: ChunkSink,
    stepsPerTick: number,
  ) {
    this.stepsPerTick = stepsPerTick;
  }

  /** Sends x_0 of every run at once, so that each later step(k) shows exactly k more steps. */
  begin(paused: boolean): void {
    this.emit(1);
    if (!paused) this.play();
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  play(): void {
    if (this.timer !== null || this.engine.done) return;
    const tick = () => {
      this.timer = null;
      this.emit(this.stepsPerTick);
      if (!this.engine.done) this.timer = setTimeout(tick, TICK_MS);
    };
    this.timer = setTimeout(tick, 0);
  }

  pause(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  step(steps: number): void {
    this.pause();
    this.emit(steps);
  }

  setSpeed(stepsPerTick: number): void {
    this.stepsPerTick = stepsPerTick;
  }

  private emit(steps: number): void {
    if (this.engine.done) return;
    const chunks = this.engine.advance(steps);
    this.sink(chunks, this.engine.done);
  }
}

export function chunkBuffers(chunks: RunChunk[]): ArrayBuffer[] {
  return chunks.flatMap((c) => [c.xy.buffer, c.f.buffer, c.gradNorm.buffer] as ArrayBuffer[]);
}

export type { Experiment };
