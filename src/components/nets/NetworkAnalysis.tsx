// The network panel's analysis row, fed from its stores: the live Hessian spectrum of the selected
// run (state/spectrum.ts), the census of critical points (state/census.ts), and the weights a
// user can take away and bring back as a run's start.
import { useRef, useState } from 'react';
import { cancelCensus, exportWeights, importWeights, runCensus, setCensusSettings, useCensusStore } from '../../state/census';
import { useStore } from '../../state/store';
import { requestSpectrum, setSpectrumStride, SPECTRUM_STRIDES, useSelectedRunStep, useShownSpectrum, useSpectrumStore } from '../../state/spectrum';
import { download } from '../download';
import { CensusView } from './CensusView';
import { SpectrumView } from './SpectrumView';

function WeightsTools({ selectedRun }: { selectedRun: number }) {
  const message = useCensusStore((s) => s.importMessage);
  const [exportError, setExportError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const onExport = async () => {
    const r = await exportWeights(selectedRun);
    setExportError(r.ok ? null : r.error);
    if (r.ok) download(r.name, r.text, 'application/json');
  };
  return (
    <div data-testid="net-weights" style={{ fontSize: 12, display: 'flex', flexDirection: 'column', gap: 4, maxWidth: 360 }}>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" onClick={() => void onExport()}>
          Export weights + data
        </button>
        <button type="button" onClick={() => file.current?.click()}>
          Import weights as start
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          data-testid="net-weights-file"
          style={{ display: 'none' }}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) await importWeights(await f.text(), f.name, selectedRun);
          }}
        />
      </div>
      <span style={{ fontSize: 11, opacity: 0.85 }}>
        JSON: the selected run's weights at its current step, one {'{ W, b }'} per layer (W outputs x inputs), and the dataset with its training split. Imported weights start the selected run; they travel in the experiment's JSON, not in the share link.
      </span>
      {exportError && <span role="alert">{exportError}</span>}
      {message && (
        <span role={message.ok ? 'status' : 'alert'} data-testid="net-weights-message" data-ok={String(message.ok)}>
          {message.text}
        </span>
      )}
    </div>
  );
}

/** The spectrum with the run's current step: re-rendered as the run trains, apart from the census beside it. */
function LiveSpectrum({ width }: { width: number }) {
  const { error, stride } = useSpectrumStore();
  const spectrum = useShownSpectrum();
  const runStep = useSelectedRunStep();
  return <SpectrumView spectrum={spectrum} runStep={runStep} error={error} stride={stride} strides={SPECTRUM_STRIDES} onStride={setSpectrumStride} onRecompute={requestSpectrum} width={width} />;
}

export function NetworkAnalysis({ selectedRun, width }: { selectedRun: number; width: number }) {
  const census = useCensusStore();
  const experiment = useStore((s) => s.experiment);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, width: '100%' }}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        <LiveSpectrum width={width} />
        <WeightsTools selectedRun={selectedRun} />
      </div>
      <CensusView
        settings={census.settings}
        onSettings={setCensusSettings}
        running={census.running}
        progress={census.progress}
        report={census.of === experiment ? census.report : null}
        error={census.error}
        onRun={() => void runCensus()}
        onCancel={cancelCensus}
        width={width}
      />
    </div>
  );
}
