// The one engine worker of the page, started on first use. A worker inside a long computation (a
// large network's dense-Hessian step takes seconds) reads no message until it is done, so the
// only way to stop it at once is to terminate it (as the census does): restartEngine() ends it,
// and the next engine() call starts a fresh one. Calls the old worker had not answered reject
// with EngineRestarted instead of waiting for ever (latestWins queues then move on).
import { createEngineWorker } from '../workers/client';

type EngineApi = ReturnType<typeof createEngineWorker>['api'];

export class EngineRestarted extends Error {
  constructor() {
    super('cancelled: the engine worker was restarted');
    this.name = 'EngineRestarted';
  }
}

interface Handle {
  api: EngineApi;
  terminate: () => void;
}

let current: Handle | null = null;

function open(): Handle {
  const worker = createEngineWorker();
  let cut!: (e: Error) => void;
  const ended = new Promise<never>((_, reject) => (cut = reject));
  ended.catch(() => undefined); // the rejection matters only to calls in flight
  const remote = worker.api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const api = new Proxy(remote, {
    get(target, name) {
      // Not a thenable (await engine() must not call the worker), and no symbols (comlink's own).
      if (name === 'then' || typeof name === 'symbol') return undefined;
      return (...args: unknown[]) => Promise.race([target[name](...args), ended]);
    },
  }) as unknown as EngineApi;
  return {
    api,
    terminate() {
      worker.terminate();
      cut(new EngineRestarted());
    },
  };
}

export function engine(): EngineApi {
  current ??= open();
  return current.api;
}

/** Ends the worker now (whatever it is computing); the next engine() call starts a fresh one. */
export function restartEngine(): void {
  current?.terminate();
  current = null;
}

/** Ignores the rejection of a call cut off by restartEngine (any other error still surfaces). */
export function unlessRestarted(e: unknown): void {
  if (!(e instanceof EngineRestarted)) throw e;
}
