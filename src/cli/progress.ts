// Progress of a run job for the CLI: the share of the job's steps done, from the chunks the
// engine returns (a run that stopped counts as done), and the chunk size that lets a slow job
// report at least every second or so. The output does not depend on the chunk size
// (stream.test.ts: "the text does not depend on the chunk size").
import { CHUNK_STEPS, type ChunkBase, type ChunkSource } from './stream';

/** Calls `report(fraction)` after each advance of the engine. */
export function withProgress<C extends ChunkBase & { start: number }>(engine: ChunkSource<C>, runs: number, maxSteps: number, report: (fraction: number) => void): ChunkSource<C> {
  const reached = new Float64Array(runs);
  const total = runs * (maxSteps + 1);
  return {
    labels: engine.labels,
    get done() {
      return engine.done;
    },
    advance(steps) {
      const chunks = engine.advance(steps);
      for (const c of chunks) reached[c.run] = c.stop ? maxSteps + 1 : c.start + c.f.length;
      report(reached.reduce((s, v) => s + v, 0) / total);
      return chunks;
    },
  };
}

/** Steps per chunk for a job whose slowest step takes `stepSeconds`: about half a second of work, at most CHUNK_STEPS. */
export function chunkStepsFor(stepSeconds: number): number {
  return Math.max(1, Math.min(CHUNK_STEPS, Math.floor(0.5 / Math.max(stepSeconds, 1e-9))));
}
