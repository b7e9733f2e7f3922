// The page's handle on the worker: a typed comlink proxy.
import * as Comlink from 'comlink';
import type { WorkerApi } from './api';
import type { SpectrumApi } from './spectrumApi';

export type { ChunkListener, FunctionInfo, PlaneProbe, Probe, StartResult, SurfaceInfo } from './api';
export type { Slice } from './slice';
export type { PlanePca } from './keptPaths';
export type { AnyChunk } from './session';
export type { StepProgress } from './stepProgress';
export type { DecisionGrid, NetworkInfo } from './netApi';
export type { NetExport } from './netApi';
export type { NetSpectrum } from './spectrumApi';
export type { CensusReport, CensusRequest } from './censusClient';
export type { HeightField } from './heightField';
export type { ValueScale } from './valueScale';
export type { CriticalPoint } from '../surfaces/critical';

/** The engine worker; `terminate` ends it at once, even inside a long step (the page then starts another). */
export function createEngineWorker(): { api: Comlink.Remote<WorkerApi>; terminate: () => void } {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'saddlepoint-engine' });
  return { api: Comlink.wrap<WorkerApi>(worker), terminate: () => worker.terminate() };
}

/** The spectrum worker (the live Hessian spectrum of a network run, apart from the race). */
export function createSpectrumWorker(): Comlink.Remote<SpectrumApi> {
  const worker = new Worker(new URL('./spectrum.worker.ts', import.meta.url), { type: 'module', name: 'saddlepoint-spectrum' });
  return Comlink.wrap<SpectrumApi>(worker);
}

export const proxy = Comlink.proxy;
