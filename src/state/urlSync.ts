// The URL hash carries the whole experiment. On load (and when the hash is edited by hand) it is
// decoded leniently: what is valid loads, each rejected field falls back to its default, and the
// notice lists what was rejected. Edits write the hash back with history.replaceState, debounced,
// so a slider drag never floods the history.
import { decodeExperiment, encodeExperiment, type LinkProblem } from '../experiment/link';
import type { Experiment } from '../experiment/types';
import { startExperiment, step } from './controller';
import { useStore } from './store';

const WRITE_DELAY_MS = 300;

/** The hash this page wrote last (or loaded): a hashchange to it is our own echo. */
let lastHash = '';

export function shareUrl(exp: Experiment, atStep?: number): string {
  const hash = encodeExperiment(exp, atStep === undefined ? undefined : { atStep });
  return `${location.origin}${location.pathname}#${hash}`;
}

async function loadHash(hash: string): Promise<void> {
  const raw = hash.replace(/^#/, '');
  lastHash = raw;
  if (raw === '') {
    await startExperiment(useStore.getState().experiment);
    return;
  }
  const { experiment, problems, atStep } = decodeExperiment(raw);
  useStore.setState({ linkProblems: problems.length ? problems : null, scrubStep: null });
  if (atStep !== undefined && atStep > 0) {
    await startExperiment(experiment, { paused: true });
    step(atStep);
  } else {
    await startExperiment(experiment);
  }
}

/** Loads the page's link, then keeps the hash in step with the experiment. */
export async function startUrlSync(): Promise<void> {
  await loadHash(location.hash);
  let timer: ReturnType<typeof setTimeout> | null = null;
  useStore.subscribe((s, prev) => {
    if (s.experiment === prev.experiment) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const hash = encodeExperiment(useStore.getState().experiment);
      if (hash === lastHash) return;
      lastHash = hash;
      history.replaceState(history.state, '', `#${hash}`);
    }, WRITE_DELAY_MS);
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.replace(/^#/, '') !== lastHash) void loadHash(location.hash);
  });
}

export type { LinkProblem };
