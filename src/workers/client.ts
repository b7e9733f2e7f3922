// The page's handle on the worker: a typed comlink proxy.
import * as Comlink from 'comlink';
import type { WorkerApi } from './api';
import type { CensusApi } from './censusApi';

export type { ChunkListener, FunctionInfo, PlaneProbe, Probe, StartResult, SurfaceInfo } from './api';
export type { Slice } from './slice';
export type { AnyChunk } from './session';
export type { StepProgress } from './stepProgress';
export type { DecisionGrid, NetworkInfo } from './netApi';
export type { NetExport, NetSpectrum } from './netApi';
export type { CensusReport, CensusRequest } from './censusApi';

/** A worker of its own for one census (terminated to cancel it: the census never yields). */
export function createCensusWorker(): { api: Comlink.Remote<CensusApi>; terminate: () => void } {
  const worker = new Worker(new URL('./census.worker.ts', import.meta.url), { type: 'module', name: 'saddlepoint-census' });
  return { api: Comlink.wrap<CensusApi>(worker), terminate: () => worker.terminate() };
}
export type { HeightField } from './heightField';
export type { ValueScale } from './valueScale';
export type { CriticalPoint } from '../surfaces/critical';

/** The engine worker; `terminate` ends it at once, even inside a long step (the page then starts another). */
export function createEngineWorker(): { api: Comlink.Remote<WorkerApi>; terminate: () => void } {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'saddlepoint-engine' });
  return { api: Comlink.wrap<WorkerApi>(worker), terminate: () => worker.terminate() };
}

export const proxy = Comlink.proxy;
