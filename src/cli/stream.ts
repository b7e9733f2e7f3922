// The CLI's run output, written from the engine's chunks: the bytes of JSON.stringify(RunResult[])
// and of the CSV export (src/optim/csv.ts, src/nets/csv.ts), without building a JS array per point
// or the whole text at once. Runs race in the engine (advance() moves them all), while the output
// is run after run, so the chunks (typed arrays, 32 bytes a surface point) are kept until the
// runs end; the text is then made and written one chunk at a time into fixed-size byte blocks
// (stream.test.ts proves the bytes equal to collectResults + JSON.stringify / the CSV export).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Experiment, OptimizerId, RunStop } from '../experiment/types';
import type { NetworkChunk } from '../nets/engine';
import { vectorCsvHeader } from '../optim/csv';
import type { RunChunk } from '../optim/engine';

/** What every engine chunk carries besides its series. */
export interface ChunkBase {
  run: number;
  f: Float64Array;
  perturbations: number[];
  stop?: RunStop;
}

/** The part of an engine (surface or network) that the output needs. */
export interface ChunkSource<C extends ChunkBase> {
  labels: string[];
  readonly done: boolean;
  advance(steps: number): C[];
}

/** One run's chunks in step order, with what RunResult holds besides the series. */
export interface GatheredRun<C extends ChunkBase> {
  label: string;
  optimizer: OptimizerId;
  chunks: C[];
  perturbations: number[];
  stop: RunStop;
}

/** The chunk size of collectResults / collectNetworkResults. */
export const CHUNK_STEPS = 4096;

/** Runs the engine to the end, keeping each run's chunks as they come. */
export function gatherRuns<C extends ChunkBase>(exp: Experiment, engine: ChunkSource<C>, chunkSteps = CHUNK_STEPS): GatheredRun<C>[] {
  const runs: GatheredRun<C>[] = exp.runs.map((run, i) => ({
    label: engine.labels[i],
    optimizer: run.optimizer,
    chunks: [],
    perturbations: [],
    // collectResults' placeholder, replaced by the stop every run ends with
    stop: { reason: 'maxSteps', step: 0, kind: null, hessianEigenvalues: null },
  }));
  while (!engine.done) {
    for (const chunk of engine.advance(chunkSteps)) {
      const run = runs[chunk.run];
      run.chunks.push(chunk);
      for (const p of chunk.perturbations) run.perturbations.push(p);
      if (chunk.stop) run.stop = chunk.stop;
    }
  }
  return runs;
}

/**
 * Bytes out in blocks: text is copied into a fixed-size buffer that is handed on when full, so
 * formatting makes no strings longer than one number and keeps no text alive (V8's young
 * generation stays small: this keeps the peak memory down, and is faster than joining rows).
 */
export class ByteWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(
    private readonly emit: (bytes: Buffer) => void,
    private readonly size = 1 << 16,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Text of ASCII characters only (numbers, keys, punctuation). */
  ascii(s: string): void {
    if (this.pos + s.length > this.size) {
      this.flush();
      if (s.length > this.size) return this.text(s);
    }
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    if (this.pos + bytes.length > this.size) this.flush();
    if (bytes.length >= this.size) this.emit(bytes);
    else this.pos += bytes.copy(this.buf, this.pos);
  }

  /** Hands on what is buffered (the buffer goes with it: a stream may hold it until written). */
  flush(): void {
    if (this.pos === 0) return;
    this.emit(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(this.size);
    this.pos = 0;
  }
}

/** JSON.stringify's text for a number: String(n) when finite, else null. */
const json = (n: number): string => (Number.isFinite(n) ? `${n}` : 'null');

/** A chunk's numbers as JSON array elements; `comma` when an element came before. Returns whether one has now. */
function jsonList(a: Float64Array, w: ByteWriter, comma: boolean): boolean {
  for (let i = 0; i < a.length; i++) {
    if (comma || i > 0) w.ascii(',');
    w.ascii(json(a[i]));
  }
  return comma || a.length > 0;
}

/** Interleaved x, y as JSON pairs [x,y]. */
function jsonPairs(xy: Float64Array, w: ByteWriter, comma: boolean): boolean {
  for (let i = 0; i < xy.length; i += 2) {
    w.ascii(comma || i > 0 ? ',[' : '[');
    w.ascii(json(xy[i]));
    w.ascii(',');
    w.ascii(json(xy[i + 1]));
    w.ascii(']');
  }
  return comma || xy.length > 0;
}

/** A number as a CSV field after a comma, as String(n) writes it (NaN, Infinity included). */
function csvField(w: ByteWriter, v: number): void {
  w.ascii(',');
  w.ascii(`${v}`);
}

/** How one kind of run is written: its CSV columns and its JSON arrays, in RunResult's key order. */
export interface OutputLayout<C extends ChunkBase> {
  csvHeader: string;
  /** The chunk's CSV rows, each ending in a newline; `step` is the row of its first point. */
  csvRows(chunk: C, run: number, step: number, w: ByteWriter): void;
  /** The arrays between "optimizer" and "stop": each writes one chunk's elements (see jsonList). */
  jsonArrays: readonly { key: string; elements(chunk: C, w: ByteWriter, comma: boolean): boolean }[];
}

export const SURFACE_LAYOUT: OutputLayout<RunChunk> = {
  csvHeader: 'step,run,x,y,f,gradNorm,evals',
  csvRows(c, run, step, w) {
    const { xy, f, gradNorm, evals } = c;
    for (let i = 0; i < f.length; i++) {
      w.ascii(`${step + i},${run}`);
      csvField(w, xy[2 * i]);
      csvField(w, xy[2 * i + 1]);
      csvField(w, f[i]);
      csvField(w, gradNorm[i]);
      csvField(w, evals[i]);
      w.ascii('\n');
    }
  },
  jsonArrays: [
    { key: 'points', elements: (c, w, comma) => jsonPairs(c.xy, w, comma) },
    { key: 'f', elements: (c, w, comma) => jsonList(c.f, w, comma) },
    { key: 'gradNorm', elements: (c, w, comma) => jsonList(c.gradNorm, w, comma) },
    { key: 'evals', elements: (c, w, comma) => jsonList(c.evals, w, comma) },
  ],
};

/** Points of `dim` numbers each, in turn, as JSON arrays [x1,...,xd]. */
function jsonPoints(xs: Float64Array, dim: number, w: ByteWriter, comma: boolean): boolean {
  for (let i = 0; i < xs.length; i += dim) {
    w.ascii(comma || i > 0 ? ',[' : '[');
    for (let k = 0; k < dim; k++) {
      if (k > 0) w.ascii(',');
      w.ascii(json(xs[i + k]));
    }
    w.ascii(']');
  }
  return comma || xs.length > 0;
}

/** A function problem's runs in d dimensions: JSON points [x1,...,xd]; CSV columns vectorCsvHeader(dim). */
export function vectorLayout(dim: number): OutputLayout<RunChunk> {
  return {
    csvHeader: vectorCsvHeader(dim),
    csvRows(c, run, step, w) {
      const { xy, f, gradNorm, evals } = c;
      for (let i = 0; i < f.length; i++) {
        w.ascii(`${step + i},${run}`);
        for (let k = 0; k < dim; k++) csvField(w, xy[i * dim + k]);
        csvField(w, f[i]);
        csvField(w, gradNorm[i]);
        csvField(w, evals[i]);
        w.ascii('\n');
      }
    },
    jsonArrays: [
      { key: 'points', elements: (c, w, comma) => jsonPoints(c.xy, dim, w, comma) },
      { key: 'f', elements: (c, w, comma) => jsonList(c.f, w, comma) },
      { key: 'gradNorm', elements: (c, w, comma) => jsonList(c.gradNorm, w, comma) },
      { key: 'evals', elements: (c, w, comma) => jsonList(c.evals, w, comma) },
    ],
  };
}

export const NETWORK_LAYOUT: OutputLayout<NetworkChunk> = {
  csvHeader: 'step,run,loss,gradNorm,heldOutLoss,accuracy,heldOutAccuracy,evals',
  csvRows(c, run, step, w) {
    const { f, gradNorm, heldOutLoss, accuracy, heldOutAccuracy, evals } = c;
    for (let i = 0; i < f.length; i++) {
      w.ascii(`${step + i},${run}`);
      csvField(w, f[i]);
      csvField(w, gradNorm[i]);
      csvField(w, heldOutLoss[i]);
      csvField(w, accuracy[i]);
      csvField(w, heldOutAccuracy[i]);
      csvField(w, evals[i]);
      w.ascii('\n');
    }
  },
  jsonArrays: [
    // a network run has no 2D points: NetworkRunResult keeps `points: []`
    { key: 'points', elements: (_c, _w, comma) => comma },
    { key: 'f', elements: (c, w, comma) => jsonList(c.f, w, comma) },
    { key: 'gradNorm', elements: (c, w, comma) => jsonList(c.gradNorm, w, comma) },
    { key: 'evals', elements: (c, w, comma) => jsonList(c.evals, w, comma) },
    { key: 'heldOutLoss', elements: (c, w, comma) => jsonList(c.heldOutLoss, w, comma) },
    { key: 'accuracy', elements: (c, w, comma) => jsonList(c.accuracy, w, comma) },
    { key: 'heldOutAccuracy', elements: (c, w, comma) => jsonList(c.heldOutAccuracy, w, comma) },
  ],
};

/** Writes the CSV (header, then every run's rows in order); yields after each chunk. */
export function* writeCsv<C extends ChunkBase>(layout: OutputLayout<C>, runs: readonly GatheredRun<C>[], w: ByteWriter): Generator<void> {
  w.ascii(`${layout.csvHeader}\n`);
  for (let run = 0; run < runs.length; run++) {
    let step = 0;
    for (const chunk of runs[run].chunks) {
      layout.csvRows(chunk, run, step, w);
      step += chunk.f.length;
      yield;
    }
  }
}

/** Writes JSON.stringify(RunResult[]) + '\n'; yields after each chunk. */
export function* writeJson<C extends ChunkBase>(layout: OutputLayout<C>, runs: readonly GatheredRun<C>[], w: ByteWriter): Generator<void> {
  w.ascii('[');
  for (let run = 0; run < runs.length; run++) {
    const r = runs[run];
    w.text(`${run === 0 ? '' : ','}{"label":${JSON.stringify(r.label)},"optimizer":${JSON.stringify(r.optimizer)}`);
    for (const { key, elements } of layout.jsonArrays) {
      w.ascii(`,"${key}":[`);
      let comma = false;
      for (const chunk of r.chunks) {
        comma = elements(chunk, w, comma);
        yield;
      }
      w.ascii(']');
    }
    // RunResult gets `perturbations` only once a run has some, after `stop`
    const perturbations = r.perturbations.length ? `,"perturbations":${JSON.stringify(r.perturbations)}` : '';
    w.text(`,"stop":${JSON.stringify(r.stop)}${perturbations}}`);
  }
  w.ascii(']\n');
}

export type RunWriter = <C extends ChunkBase>(layout: OutputLayout<C>, runs: readonly GatheredRun<C>[], w: ByteWriter) => Generator<void>;

/** The whole text at once (tests, small outputs). */
export function runText<C extends ChunkBase>(write: RunWriter, layout: OutputLayout<C>, runs: readonly GatheredRun<C>[]): string {
  const blocks: Buffer[] = [];
  const w = new ByteWriter((b) => blocks.push(b));
  for (const _ of write(layout, runs, w));
  w.flush();
  return Buffer.concat(blocks).toString('utf8');
}

/** Writes to a stream, waiting after a chunk whenever the stream's buffer is full. */
export async function writeRuns<C extends ChunkBase>(out: Writable, write: RunWriter, layout: OutputLayout<C>, runs: readonly GatheredRun<C>[]): Promise<void> {
  const w = new ByteWriter((b) => out.write(b));
  for (const _ of write(layout, runs, w)) {
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  w.flush();
}
