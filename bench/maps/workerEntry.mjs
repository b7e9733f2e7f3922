// The benchmark worker's entry: Node's worker threads do not inherit tsx from the main thread,
// so the worker registers it and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
