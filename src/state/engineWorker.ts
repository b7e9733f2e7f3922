// The one engine worker of the page, started on first use.
import { createEngineWorker } from '../workers/client';

let worker: ReturnType<typeof createEngineWorker> | null = null;

export function engine(): ReturnType<typeof createEngineWorker> {
  worker ??= createEngineWorker();
  return worker;
}
