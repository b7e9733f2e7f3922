// The race as a WebM video: frames drawn by drawRaceFrame onto an offscreen canvas, captured with
// canvas.captureStream and recorded by MediaRecorder at 30 fps.
import { figureContours } from '../../state/figureContours';
import { useStore } from '../../state/store';
import { PLOT_MARGIN, PLOT_SIZE } from '../usePlotScales';
import { drawRaceFrame, frameStep, lastStep, type RaceScene } from './raceFrame';

export const RACE_FPS = 30;
export const RACE_FRAMES = 120;

export type RecordResult = { ok: true; value: Blob } | { ok: false; error: string };

/** The WebM type this browser records, or null where MediaRecorder or WebM is missing. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement.prototype.captureStream !== 'function') return null;
  return ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

async function raceScene(): Promise<RaceScene | null> {
  const s = useStore.getState();
  const view = s.view ?? s.grid?.view;
  if (s.mode !== 'surface' || !view) return null;
  const width = PLOT_SIZE - PLOT_MARGIN.left - PLOT_MARGIN.right;
  const height = PLOT_SIZE - PLOT_MARGIN.top - PLOT_MARGIN.bottom;
  return { width, height, margin: PLOT_MARGIN, view, contours: await figureContours(width, height), traces: s.traces };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records the race from step 0; onFrame(i) before each frame; an aborted signal stops it with no video. */
export async function recordRace(signal: AbortSignal, onFrame: (frame: number, total: number) => void): Promise<RecordResult> {
  const type = webmType();
  if (!type) return { ok: false, error: 'this browser cannot record WebM video (no MediaRecorder)' };
  const scene = await raceScene();
  if (!scene) return { ok: false, error: 'the animation needs a surface race on the plot' };
  const canvas = document.createElement('canvas');
  canvas.width = PLOT_SIZE;
  canvas.height = PLOT_SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return { ok: false, error: 'no 2D canvas' };
  drawRaceFrame(ctx, scene, 0);
  const stream = canvas.captureStream(RACE_FPS);
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
  const stopped = new Promise<void>((r) => (recorder.onstop = () => r()));
  recorder.start(250);
  const last = lastStep(scene.traces);
  for (let i = 0; i < RACE_FRAMES && !signal.aborted; i++) {
    onFrame(i + 1, RACE_FRAMES);
    drawRaceFrame(ctx, scene, frameStep(i, RACE_FRAMES, last));
    await sleep(1000 / RACE_FPS);
  }
  recorder.stop();
  await stopped;
  stream.getTracks().forEach((t) => t.stop());
  if (signal.aborted) return { ok: false, error: 'cancelled' };
  return { ok: true, value: new Blob(chunks, { type: 'video/webm' }) };
}
