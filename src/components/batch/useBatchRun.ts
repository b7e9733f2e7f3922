// Runs one batched job at a time on the shared worker pool: progress, cancel, the path report,
// and whether the result on screen still matches the inputs (stale after an edit).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchJob } from '../../batch/batchJob';
import type { BatchOutcome } from '../../batch/outcome';
import { batchClient, type PathReport } from '../../workers/batchClient';

export type BatchRunState =
  | { status: 'idle' }
  | { status: 'running'; progress: number; started: number }
  | { status: 'done'; ms: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export interface BatchResult<Extra> {
  job: BatchJob;
  /** The job's identity, to tell whether the inputs changed since. */
  key: string;
  outcome: BatchOutcome;
  report: PathReport;
  extra: Extra;
}

/**
 * `extra` runs beside the job (the basin map's critical-point search) and joins its result.
 * Unmounting cancels a run in flight.
 */
export function useBatchRun<Extra>(extra: (job: BatchJob) => Promise<Extra>) {
  const [state, setState] = useState<BatchRunState>({ status: 'idle' });
  const [result, setResult] = useState<BatchResult<Extra> | null>(null);
  const controller = useRef<AbortController | null>(null);
  const extraRef = useRef(extra);
  extraRef.current = extra;

  useEffect(() => () => controller.current?.abort(), []);
  // Measure the device's fastest path while the person is still reading, not on the first click.
  useEffect(() => {
    const timer = setTimeout(() => void batchClient().choosePath().catch(() => undefined), 1500);
    return () => clearTimeout(timer);
  }, []);

  const run = useCallback(async (job: BatchJob) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const started = performance.now();
    setState({ status: 'running', progress: 0, started });
    try {
      const client = batchClient();
      let last = 0;
      const [r, more] = await Promise.all([
        client.run(job, {
          signal: abort.signal,
          onProgress: (f) => {
            // at most ~20 renders a second
            const now = performance.now();
            if (now - last < 50 || abort.signal.aborted) return;
            last = now;
            setState({ status: 'running', progress: f, started });
          },
        }),
        extraRef.current(job),
      ]);
      if (abort.signal.aborted) return;
      setResult({ job, key: JSON.stringify(job), outcome: r.outcome, report: r.report, extra: more });
      setState({ status: 'done', ms: performance.now() - started });
    } catch (e) {
      if (abort.signal.aborted || (e as Error).name === 'AbortError') setState({ status: 'cancelled' });
      else setState({ status: 'error', message: (e as Error).message ?? String(e) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'cancelled' });
  }, []);

  return { state, result, run, cancel };
}
