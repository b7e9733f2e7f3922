// "Latest request wins": where requests come faster than answers (zoom and pan ask for contour
// grids, the pointer for probe values, a training network for decision grids), one request is
// in flight at a time; requests made meanwhile replace each other, and when the one in flight
// returns, only the newest runs. Nothing between is computed, and nothing is ever queued twice.

export interface LatestWins<T> {
  /**
   * Runs `request` now when idle, else after the one in flight (replacing any request waiting).
   * Resolves once no request is left to run.
   */
  request(request: T): Promise<void>;
  /** Forgets the waiting request; the one in flight still finishes. */
  drop(): void;
}

/**
 * `run` gets the request and `superseded()`, true once a newer request waits (its answer is
 * already out of date: skip follow-up work). A throw goes to `onError` and the next request
 * still runs.
 */
export function latestWins<T>(
  run: (request: T, superseded: () => boolean) => Promise<void>,
  onError: (error: unknown, request: T) => void,
): LatestWins<T> {
  let waiting: { request: T } | null = null;
  let busy = false;
  let drained: Promise<void> = Promise.resolve();
  const superseded = () => waiting !== null;

  async function drain(): Promise<void> {
    busy = true;
    try {
      while (waiting) {
        const { request } = waiting;
        waiting = null;
        try {
          await run(request, superseded);
        } catch (error) {
          onError(error, request);
        }
      }
    } finally {
      busy = false;
    }
  }

  return {
    request(request: T): Promise<void> {
      waiting = { request };
      if (!busy) drained = drain();
      return drained;
    },
    drop(): void {
      waiting = null;
    },
  };
}
