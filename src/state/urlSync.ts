// The URL hash carries the whole experiment. On load (and when the hash is edited by hand) it is
// decoded leniently: what is valid loads, each rejected field falls back to its default, and the
// notice lists what was rejected. Edits write the hash back with history.replaceState, debounced,
// so a slider drag never floods the history.
import { decodeExperiment, encodeExperiment, type LinkProblem } from '../experiment/link';
import { linkKey } from '../experiment/link/decode';
import type { Experiment } from '../experiment/types';
import { decodeBatchSettings, encodeBatchSettings, MAPS_KEY } from '../batch/batchLink';
import { useBatchStore } from './batchStore';
import { startExperiment, step } from './controller';
import { checkExpression, showLoadProblems } from './loadExperiment';
import { useStore } from './store';
import { applyEscapeField, useEscapeSettings, withEscapeField } from './escape/escapeSettings';
import { applyCensusField, useCensusStore, withCensusField } from './census';
import { applyDimfigField, useDimFigureSettings, withDimfigField } from './dims/dimFigureSettings';
import { closeLesson, isLessonLink, lessonHashFor, openLessonLink, useLessons } from './lessons';
import { loadView3d, useView3dStore, view3dSettings } from './view3d';
import { planeChoice, requestPlane } from './plane';

const WRITE_DELAY_MS = 300;

/** The hash this page wrote last (or loaded): a hashchange to it is our own echo. */
let lastHash = '';

/** The experiment's hash plus the map settings' field when they are not the defaults. */
function fullHash(exp: Experiment, atStep?: number): string {
  // A lesson's step shown unedited keeps its own link (lessons.ts).
  const lesson = atStep === undefined ? lessonHashFor(exp) : null;
  if (lesson !== null) return lesson;
  const plane = exp.problem.kind === 'function' ? planeChoice(useStore.getState().fn) : undefined;
  const hash = encodeExperiment(exp, { ...(atStep === undefined ? {} : { atStep }), chartX: useStore.getState().chartX, view3d: view3dSettings(), ...(plane ? { plane } : {}) });
  const maps = encodeBatchSettings(useBatchStore.getState());
  return withDimfigField(withCensusField(withEscapeField(maps === null ? hash : `${hash}&${MAPS_KEY}=${maps}`)));
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

/** Puts `hash` in the address bar without a history entry (and without a hashchange). */
function writeHash(hash: string): void {
  lastHash = hash;
  if (location.hash.replace(/^#/, '') !== hash) history.replaceState(history.state, '', `#${hash}`);
}

async function loadHash(hash: string): Promise<void> {
  if (isLessonLink(hash)) {
    // Marked as loaded before the load, as writeHash does for experiment links: a hashchange
    // back to the previous step while this one starts must not read as our own echo.
    lastHash = hash.replace(/^#/, '');
    await openLessonLink(hash);
    return;
  }
  closeLesson(); // another link (typed, or back past the lesson)
  applyEscapeField(hash);
  applyCensusField(hash);
  applyDimfigField(hash);
  const raw = hash.replace(/^#/, '');
  if (raw === '') {
    // The address bar holds the full link from the first paint, not only after an edit.
    const experiment = useStore.getState().experiment;
    writeHash(fullHash(experiment));
    await startExperiment(experiment);
    return;
  }
  const { experimentHash, maps } = splitMaps(raw);
  const decoded = decodeExperiment(experimentHash);
  if (decoded.view3d) loadView3d(decoded.view3d);
  // The plane of a function problem: applied when its runs start (or the function's own).
  requestPlane(decoded.plane);
  const checked = checkExpression(decoded.experiment, 'problem.expr');
  const all = [...decoded.problems, ...(checked.problem ? [checked.problem] : [])];
  if (maps !== null) {
    const settings = decodeBatchSettings(maps);
    useBatchStore.setState(settings.settings, true);
    if (settings.problem) all.push({ field: MAPS_KEY, message: settings.problem });
  }
  // The charts' x axis is a view setting the link carries (`xaxis=`); set before the hash is rewritten.
  useStore.setState({ chartX: decoded.chartX ?? 'steps' });
  // The notice names the link's own keys (`r0 lr`, `tol`), not the Experiment's paths.
  showLoadProblems(all.map((p) => ({ ...p, field: linkKey(p.field) })), 'link', checked.rejectedExpr);
  const experiment = checked.experiment;
  const atStep = decoded.atStep !== undefined && decoded.atStep > 0 ? decoded.atStep : undefined;
  // After a bad link the address bar shows the link as read: what was rejected replaced by what is used.
  writeHash(fullHash(experiment, atStep));
  if (atStep !== undefined) {
    if (await startExperiment(experiment, { paused: true })) step(atStep);
  } else {
    await startExperiment(experiment);
  }
}

/** Loads the page's link, then keeps the hash in step with the experiment. */
export async function startUrlSync(): Promise<void> {
  // Listening starts before the first load has finished (its worker start is awaited): a link
  // opened while the page is still loading is not missed.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const scheduleWrite = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const hash = fullHash(useStore.getState().experiment);
      if (hash !== lastHash) writeHash(hash);
    }, WRITE_DELAY_MS);
  };
  useStore.subscribe((s, prev) => {
    if (s.experiment !== prev.experiment || s.chartX !== prev.chartX || s.fn?.kind !== prev.fn?.kind || s.fn?.axes !== prev.fn?.axes) scheduleWrite();
  });
  useBatchStore.subscribe(scheduleWrite);
  useEscapeSettings.subscribe(scheduleWrite);
  useDimFigureSettings.subscribe(scheduleWrite);
  useCensusStore.subscribe((s, prev) => {
    if (s.settings !== prev.settings) scheduleWrite();
  });
  useLessons.subscribe(scheduleWrite);
  useView3dStore.subscribe((s, prev) => {
    if (s.layout !== prev.layout || s.heights !== prev.heights || s.camera !== prev.camera) scheduleWrite();
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.replace(/^#/, '') !== lastHash) void loadHash(location.hash);
  });
  await loadHash(location.hash);
}

export type { LinkProblem };
