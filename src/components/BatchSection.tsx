// Below the explorer: the basin map (where each start ends) and the sweep map (which settings
// work), wired to the experiment. A click on either opens that start or setting in the explorer.
import { editExperiment } from '../state/edit';
import { setStart } from '../state/controller';
import { setBasinSettings, setCompareSettings, setSweepSettings, useBatchStore } from '../state/batchStore';
import { useStore } from '../state/store';
import { BasinMap, SweepMap, type SweepPick } from './batch';

function applySweepPick({ run, params, gradNoise }: SweepPick): void {
  editExperiment((draft) => {
    draft.runs[run] = { ...draft.runs[run], params };
    if (gradNoise !== undefined) draft.runs[run].gradNoise = gradNoise;
  });
}

export function BatchSection() {
  const experiment = useStore((s) => s.experiment);
  const view = useStore((s) => s.view ?? s.surface?.view ?? null);
  const surfaceStart = useStore((s) => s.surface?.start ?? null);
  const settings = useBatchStore();
  if (!view || !surfaceStart || experiment.problem.kind !== 'surface') return null;
  const sweepStart = experiment.runs[settings.sweep.run]?.start ?? surfaceStart;
  return (
    <section className="batch-section" aria-label="Batched maps">
      <BasinMap experiment={experiment} view={view} defaultStart={surfaceStart} settings={settings.basins} onSettingsChange={setBasinSettings} onPickStart={(x, y, run) => setStart(x, y, run)} />
      {settings.compare ? (
        <div className="compare-map" data-testid="compare-map">
          <BasinMap experiment={experiment} view={view} defaultStart={surfaceStart} settings={settings.compare} title="Compared basin map" onSettingsChange={setCompareSettings} onPickStart={(x, y, run) => setStart(x, y, run)} />
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
      <SweepMap experiment={experiment} start={sweepStart} settings={settings.sweep} onSettingsChange={setSweepSettings} onPickSetting={applySweepPick} />
    </section>
  );
}
