// Below the explorer: the basin map (where each start ends) and the sweep map (which settings
// work), wired to the experiment. A click on either opens that start or setting in the explorer.
import { editExperiment } from '../state/edit';
import { setStart } from '../state/controller';
import { setBasinSettings, setSweepSettings, useBatchStore } from '../state/batchStore';
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
      <SweepMap experiment={experiment} start={sweepStart} settings={settings.sweep} onSettingsChange={setSweepSettings} onPickSetting={applySweepPick} />
    </section>
  );
}
