// The tfjs benchmark candidates run in their own worker, as the app would run them
// (tfjs-backend-webgl on an OffscreenCanvas).
import * as Comlink from 'comlink';
import { runTfjs } from './tfjsOpByOp';

const api = { runTfjs };
export type TfjsWorkerApi = typeof api;
Comlink.expose(api);
