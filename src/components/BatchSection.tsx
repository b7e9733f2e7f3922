// Below the explorer: the basin map (where each start ends) and the sweep map (which settings
// work), wired to the state's maps (state/maps). A click on either opens that start or setting
// in the explorer.
import { useEffect } from 'react';
import { setBasinSettings, setCompareSettings, setSweepSettings, useBatchStore } from '../state/batchStore';
import { pickBasinStart, pickSweepSetting } from '../state/maps/mapCells';
import { computeBasinMap, computeSweepMap } from '../state/maps/mapJobs';
import { cancelMap, forgetMap, measurePathSoon, useMapRuns } from '../state/maps/mapRuns';
import { useStore } from '../state/store';
import { BasinMap, SweepMap } from './batch';

export function BatchSection() {
  const experiment = useStore((s) => s.experiment);
  const view = useStore((s) => s.view ?? s.surface?.view ?? null);
  const surfaceStart = useStore((s) => s.surface?.start ?? null);
  const settings = useBatchStore();
  const runs = useMapRuns();
  const comparing = settings.compare !== null;
  useEffect(() => measurePathSoon(), []);
  // A closed map's job stops, and the map opens empty next time.
  useEffect(() => (comparing ? () => forgetMap('compare') : undefined), [comparing]);
  useEffect(
    () => () => {
      forgetMap('basins');
      forgetMap('sweep');
    },
    [],
  );
  if (!view || !surfaceStart || experiment.problem.kind !== 'surface') return null;
  return (
    <section className="batch-section" aria-label="Batched maps">
      <BasinMap
        experiment={experiment}
        view={view}
        defaultStart={surfaceStart}
        settings={settings.basins}
        onSettingsChange={setBasinSettings}
        run={runs.basins}
        onCompute={() => void computeBasinMap('basins', experiment, settings.basins, view)}
        onCancel={() => cancelMap('basins')}
        onPickPixel={(result, i, j) => pickBasinStart(result, i, j, settings.basins.run)}
      />
      {settings.compare ? (
        <div className="compare-map" data-testid="compare-map">
          <BasinMap
            experiment={experiment}
            view={view}
            defaultStart={surfaceStart}
            settings={settings.compare}
            title="Compared basin map"
            onSettingsChange={setCompareSettings}
            run={runs.compare}
            onCompute={() => settings.compare && void computeBasinMap('compare', experiment, settings.compare, view)}
            onCancel={() => cancelMap('compare')}
            onPickPixel={(result, i, j) => settings.compare && pickBasinStart(result, i, j, settings.compare.run)}
          />
          <button type="button" onClick={() => setCompareSettings(null)}>Close comparison</button>
        </div>
      ) : (
        <button
          type="button"
          className="compare-button"
          disabled={experiment.runs.length < 2}
          title={experiment.runs.length < 2 ? 'add a second run to compare its basins' : 'a second basin map, for another run'}
          onClick={() => setCompareSettings({ resolution: settings.basins.resolution, run: settings.basins.run === 0 ? 1 : 0 })}
        >
          Compare with another run
        </button>
      )}
      <SweepMap
        experiment={experiment}
        surfaceStart={surfaceStart}
        settings={settings.sweep}
        onSettingsChange={setSweepSettings}
        run={runs.sweep}
        onCompute={() => void computeSweepMap(experiment, settings.sweep, surfaceStart)}
        onCancel={() => cancelMap('sweep')}
        onPickCell={(result, i, j) => pickSweepSetting(result, experiment, settings.sweep.run, i, j)}
      />
    </section>
  );
}
