// What a map shows, as plain numbers (for tests: the unit tests and, through testHooks, the
// browser specs): its status, engine, job and every pixel's basin and steps.
import { type MapId, useMapRuns } from './mapRuns';

export interface MapSnapshot {
  status: string;
  path: string | null;
  key: string | null;
  classOf: number[] | null;
  counts: number[] | null;
  steps: number[] | null;
}

export function mapSnapshot(map: MapId): MapSnapshot {
  const { state, result } = useMapRuns.getState()[map];
  return {
    status: state.status,
    path: result?.report.path ?? null,
    key: result?.key ?? null,
    classOf: result?.basins ? Array.from(result.basins.classes.classOf) : null,
    counts: result?.basins ? [...result.basins.classes.counts] : null,
    steps: result ? Array.from(result.outcome.steps) : null,
  };
}
