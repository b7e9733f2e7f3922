// Frame rate of the 3D view while 8 runs race at 100 steps per frame (the explorer benchmark's
// scenario, explorer.perf.ts), in Chromium with software-rendered WebGL (SwiftShader) and
// Chromium's software compositor, as a browser without a usable GPU runs. The contenders share
// one browser and take turns, REPEATS times: the 2D explorer alone (3D closed: its code is not
// even loaded), the 3D view alone drawn at full resolution while busy, the 3D view at half
// resolution while busy (renderQuality.ts, the default), and the default beside the 2D plot.
// For each: requestAnimationFrame's rate, the 3D view's own draws a second (its canvas's
// data-frames) and Chromium's CPU time a frame (all its processes, /proc): the figure a loaded
// machine distorts least. Two more scenarios isolate the 3D view's own cost per draw, without the
// race's worker: scrubbing a finished race (only the paths are drawn again) and orbiting (the
// surface is drawn again). Writes bench/results/frame3d.json. It records, it does not assert.
import { chromium, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { webglLaunch } from '../../playwright.config';
import { treeCpuSeconds } from './cpu';
import { BASE_URL } from './frame3d.config';

const OPTIMIZERS = ['sgd', 'adam', 'rmsprop', 'adagrad', 'nadam', 'radam', 'pgd', 'noisySgd'];
const SECONDS = 5;
const REPEATS = 3;

interface Contender {
  name: string;
  layout: '2d' | '3d' | 'both';
  /** Resolution per axis while busy (renderQuality.ts busyScale). */
  busyScale: number;
}

const RACE: Contender[] = [
  { name: '2D explorer (3D closed)', layout: '2d', busyScale: 0.5 },
  { name: '3D alone, full resolution while busy', layout: '3d', busyScale: 1 },
  { name: '3D alone, half resolution while busy (default)', layout: '3d', busyScale: 0.5 },
  { name: 'Both, half resolution while busy (default)', layout: 'both', busyScale: 0.5 },
];
/** The 3D view's own cost, without the race's worker and charts: full against half resolution. */
const alone = (scenario: Scenario): Contender[] => [
  { name: `${scenario}: 3D alone, full resolution while busy`, layout: '3d', busyScale: 1 },
  { name: `${scenario}: 3D alone, half resolution while busy (default)`, layout: '3d', busyScale: 0.5 },
];

/**
 * race: 8 runs streaming. scrub: the race over (3000 steps), the scrubber moved back 10 steps a
 * frame (Shift+Left): only the paths are drawn again. orbit: no runs, the camera panned a step
 * a frame (arrow keys on the view): the surface is drawn again each time.
 */
type Scenario = 'race' | 'scrub' | 'orbit';

async function open(page: Page, c: Contender) {
  await page.addInitScript((scale) => ((globalThis as { __view3dBusyScale?: number }).__view3dBusyScale = scale), c.busyScale);
  await page.goto(`/#v=1&surface=rastrigin&view3d=${c.layout},linear,-60,32,4.2,0,0,0.25`);
  await page.waitForFunction(() => (window as any).__saddlepoint?.results().length > 0);
  if (c.layout !== '2d') await page.locator('[data-testid=view3d][data-ready=true]').waitFor();
}

/** rAF intervals and the 3D view's draws over SECONDS, sending the scenario's key every frame. */
function sample(page: Page, scenario: Scenario) {
  return page.evaluate(
    async ([secs, scenario]) => {
      const canvas = document.querySelector('[data-testid=view3d-canvas]') as HTMLCanvasElement | null;
      const draws0 = Number(canvas?.dataset.frames ?? 0);
      const intervals: number[] = [];
      let last = performance.now();
      const start = last;
      let k = 0;
      await new Promise<void>((resolve) => {
        const frame = (t: number) => {
          intervals.push(t - last);
          last = t;
          if (scenario === 'orbit') {
            // Back and forth, so the view stays on the surface (OrbitControls reads the key's code).
            const key = k++ % 60 < 30 ? 'ArrowLeft' : 'ArrowRight';
            canvas?.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, bubbles: true }));
          } else if (scenario === 'scrub') {
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', code: 'ArrowLeft', shiftKey: true }));
          }
          if (t - start < secs * 1000) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      return { intervals, draws: Number(canvas?.dataset.frames ?? 0) - draws0, ms: performance.now() - start };
    },
    [SECONDS, scenario] as const,
  );
}

async function measure(page: Page, root: number, c: Contender, scenario: Scenario) {
  await open(page, c);
  if (scenario !== 'orbit') {
    const experiment = {
      v: 1,
      problem: { kind: 'surface', id: 'rastrigin' },
      runs: OPTIMIZERS.map((optimizer, i) => ({ optimizer, params: { lr: 1e-3 }, start: [-4 + i, 4.2 - i * 0.9] })),
      stop: { maxSteps: scenario === 'race' ? 100000 : 3000, gradTol: 0 },
      seed: 1,
    };
    const error = await page.evaluate(([e]) => (window as any).__saddlepoint.load(e, 100), [experiment]);
    if (error) throw new Error(error);
    if (scenario === 'scrub') await page.waitForFunction(() => (window as any).__saddlepoint.status() === 'finished', null, { timeout: 120_000 });
    await page.waitForTimeout(500);
  }
  const cpu0 = treeCpuSeconds(root);
  const m = await sample(page, scenario);
  const cpu = treeCpuSeconds(root) - cpu0;
  const sorted = [...m.intervals].sort((a, b) => a - b);
  return {
    rafFps: Number(((1000 * m.intervals.length) / m.ms).toFixed(1)),
    draws3dPerSecond: Number(((1000 * m.draws) / m.ms).toFixed(1)),
    frameMsMedian: Number(sorted[Math.floor(sorted.length / 2)].toFixed(1)),
    cpuMsPerFrame: Number(((1000 * cpu) / m.intervals.length).toFixed(1)),
    cpuMsPerDraw: m.draws > 0 ? Number(((1000 * cpu) / m.draws).toFixed(1)) : null,
    load1: Number(loadavg()[0].toFixed(1)),
  };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

test('3D view: 8 runs racing at 100 steps per frame', async () => {
  test.setTimeout(900_000);
  const server = await chromium.launchServer({ ...webglLaunch, args: [...webglLaunch.args, '--disable-gpu-compositing'] });
  const browser = await chromium.connect(server.wsEndpoint());
  const root = server.process().pid!;
  const samples = new Map<string, Awaited<ReturnType<typeof measure>>[]>();
  const loadBefore = loadavg().map((v) => Number(v.toFixed(1)));
  for (let r = 0; r < REPEATS; r++) {
    for (const [contenders, scenario] of [[RACE, 'race'], [alone('scrub'), 'scrub'], [alone('orbit'), 'orbit']] as const) {
      for (const c of contenders) {
        const page = await browser.newPage({ baseURL: BASE_URL, viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
        const m = await measure(page, root, c, scenario);
        console.log(r, c.name, JSON.stringify(m));
        samples.set(c.name, [...(samples.get(c.name) ?? []), m]);
        await page.close();
      }
    }
  }
  await browser.close();
  await server.close();
  const summary = [...samples].map(([name, runs]) => {
    const stat = (pick: (m: (typeof runs)[number]) => number | null) => {
      const v = runs.map(pick).filter((x): x is number => x !== null);
      return v.length ? { median: median(v), min: Math.min(...v), max: Math.max(...v) } : null;
    };
    return { name, rafFps: stat((m) => m.rafFps), draws3dPerSecond: stat((m) => m.draws3dPerSecond), cpuMsPerFrame: stat((m) => m.cpuMsPerFrame), cpuMsPerDraw: stat((m) => m.cpuMsPerDraw), load1: stat((m) => m.load1), runs };
  });
  const result = {
    date: new Date().toISOString(),
    machine: '2-core CPU shared with other jobs (load average noted), no GPU, headless Chromium: SwiftShader WebGL, software compositor (--disable-gpu-compositing)',
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg().map((v) => Number(v.toFixed(1))),
    scenario: `8 runs on rastrigin, 100 steps per frame, ${SECONDS} s per sample, ${REPEATS} samples per contender taken in turns; the 3D view at 600 x 600 CSS px alone, 490 x 490 beside the 2D plot (1400 x 900 window); scrub: the finished race (3000 steps) scrubbed back 10 steps a frame; orbit: a keyboard pan every frame, no runs`,
    goal: '>= 30 fps with the 3D view open; the 2D explorer >= 55 fps with it closed',
    summary,
  };
  for (const s of summary) console.log(`${s.name}: rAF ${JSON.stringify(s.rafFps)}, 3D draws/s ${JSON.stringify(s.draws3dPerSecond)}, CPU ms/frame ${JSON.stringify(s.cpuMsPerFrame)}, CPU ms/draw ${JSON.stringify(s.cpuMsPerDraw)}, load ${JSON.stringify(s.load1)}`);
  writeFileSync('bench/results/frame3d.json', JSON.stringify(result, null, 2) + '\n');
});
