// The URL hash carries the whole experiment. On load (and when the hash is edited by hand) it is
// decoded leniently: what is valid loads, each rejected field falls back to its default, and the
// notice lists what was rejected. Edits write the hash back with history.replaceState, debounced,
// so a slider drag never floods the history.
import { decodeExperiment, encodeExperiment, type LinkProblem } from '../experiment/link';
import type { Experiment } from '../experiment/types';
import { decodeBatchSettings, encodeBatchSettings, MAPS_KEY } from '../batch/batchLink';
import { useBatchStore } from './batchStore';
import { startExperiment, step } from './controller';
import { useStore } from './store';
import { loadView3d, useView3dStore, view3dSettings } from './view3d';

const WRITE_DELAY_MS = 300;

/** The hash this page wrote last (or loaded): a hashchange to it is our own echo. */
let lastHash = '';

/** The experiment's hash plus the map settings' field when they are not the defaults. */
function fullHash(exp: Experiment, atStep?: number): string {
  const hash = encodeExperiment(exp, { ...(atStep === undefined ? {} : { atStep }), view3d: view3dSettings() });
  const maps = encodeBatchSettings(useBatchStore.getState());
  return maps === null ? hash : `${hash}&${MAPS_KEY}=${maps}`;
}

export function shareUrl(exp: Experiment, atStep?: number): string {
  return `${location.origin}${location.pathname}#${fullHash(exp, atStep)}`;
}

/** Splits the maps' field off the link; the rest is the experiment's. */
function splitMaps(raw: string): { experimentHash: string; maps: string | null } {
  const fields = raw.split('&');
  const i = fields.findIndex((f) => f.startsWith(`${MAPS_KEY}=`));
  if (i < 0) return { experimentHash: raw, maps: null };
  const maps = fields[i].slice(MAPS_KEY.length + 1);
  fields.splice(i, 1);
  return { experimentHash: fields.join('&'), maps };
}

async function loadHash(hash: string): Promise<void> {
  const raw = hash.replace(/^#/, '');
  lastHash = raw;
  if (raw === '') {
    await startExperiment(useStore.getState().experiment);
    return;
  }
  const { experimentHash, maps } = splitMaps(raw);
  const { experiment, problems, atStep, view3d } = decodeExperiment(experimentHash);
  if (view3d) loadView3d(view3d);
  const all = [...problems];
  if (maps !== null) {
    const decoded = decodeBatchSettings(maps);
    useBatchStore.setState(decoded.settings, true);
    if (decoded.problem) all.push({ field: MAPS_KEY, message: decoded.problem });
  }
  useStore.setState({ linkProblems: all.length ? all : null, scrubStep: null });
  if (atStep !== undefined && atStep > 0) {
    if (await startExperiment(experiment, { paused: true })) step(atStep);
  } else {
    await startExperiment(experiment);
  }
}

/** Loads the page's link, then keeps the hash in step with the experiment. */
export async function startUrlSync(): Promise<void> {
  await loadHash(location.hash);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const scheduleWrite = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const hash = fullHash(useStore.getState().experiment);
      if (hash === lastHash) return;
      lastHash = hash;
      history.replaceState(history.state, '', `#${hash}`);
    }, WRITE_DELAY_MS);
  };
  useStore.subscribe((s, prev) => {
    if (s.experiment !== prev.experiment) scheduleWrite();
  });
  useBatchStore.subscribe(scheduleWrite);
  useView3dStore.subscribe((s, prev) => {
    if (s.layout !== prev.layout || s.heights !== prev.heights || s.camera !== prev.camera) scheduleWrite();
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.replace(/^#/, '') !== lastHash) void loadHash(location.hash);
  });
}

export type { LinkProblem };
