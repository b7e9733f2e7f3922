// The network problem: dataset, size and noise, hidden layers, activation, minibatch size and
// regularization. Every field is checked by the same schema as links and the CLI.
import { LIMITS } from '../experiment/limits';
import { ACTIVATION_IDS, DATASET_IDS, type NetworkProblem } from '../experiment/types';
import { editExperiment } from '../state/edit';
import { chooseDataset } from '../state/problemSwitch';
import { useStore } from '../state/store';
import { NumberField } from './NumberField';
import { useState, useEffect } from 'react';

/** False when the experiment refused the edit (the field then shows its last valid value). */
function editNetwork(recipe: (p: NetworkProblem) => void): boolean {
  return editExperiment((e) => {
    if (e.problem.kind === 'network') recipe(e.problem);
  });
}

function parseHidden(text: string): number[] | string {
  const t = text.trim();
  if (t === '') return [];
  const parts = t.split(/[\s,]+/).map(Number);
  const n = LIMITS.network;
  if (parts.some((w) => !Number.isInteger(w) || w < n.units.min || w > n.units.max)) return `widths must be whole numbers from ${n.units.min} to ${n.units.max}`;
  if (parts.length > n.hiddenLayers.max) return `at most ${n.hiddenLayers.max} hidden layers`;
  return parts;
}

export function NetworkProblemEditor() {
  const problem = useStore((s) => s.experiment.problem);
  const [hidden, setHidden] = useState('');
  const [hiddenError, setHiddenError] = useState<string | null>(null);
  useEffect(() => {
    if (problem.kind === 'network') setHidden(problem.hidden.join(', '));
  }, [problem]);
  if (problem.kind !== 'network') return null;
  const n = LIMITS.network;
  const reg = problem.regularization ?? {};
  return (
    <div className="network-editor">
      <div className="param">
        <span className="param-name">dataset</span>
        <select aria-label="Dataset" value={problem.dataset} onChange={(e) => chooseDataset(e.target.value as NetworkProblem['dataset'])}>
          {DATASET_IDS.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
      </div>
      <div className="param">
        <span className="param-name">samples</span>
        <NumberField label="Samples" value={problem.samples} integer min={n.samples.min} max={n.samples.max} onCommit={(v) => editNetwork((p) => void (p.samples = v))} />
      </div>
      <div className="param">
        <span className="param-name">noise</span>
        <NumberField label="Dataset noise" value={problem.noise} min={n.noise.min} max={n.noise.max} onCommit={(v) => editNetwork((p) => void (p.noise = v))} />
      </div>
      <div className="param" title="widths of the hidden layers, e.g. 16, 16 (empty: logistic regression)">
        <span className="param-name">hidden</span>
        <input
          aria-label="Hidden layers"
          aria-invalid={hiddenError !== null}
          value={hidden}
          style={{ width: '7em' }}
          onChange={(e) => {
            setHidden(e.target.value);
            const r = parseHidden(e.target.value);
            setHiddenError(typeof r === 'string' ? r : null);
          }}
          onBlur={() => {
            const r = parseHidden(hidden);
            if (typeof r !== 'string') editNetwork((p) => void (p.hidden = r));
          }}
          onKeyDown={(e) => {
            const r = parseHidden(hidden);
            if (e.key === 'Enter' && typeof r !== 'string') editNetwork((p) => void (p.hidden = r));
          }}
        />
        {hiddenError && <span className="field-error" role="status">{hiddenError}</span>}
      </div>
      <div className="param">
        <span className="param-name">activation</span>
        <select aria-label="Activation" value={problem.activation} onChange={(e) => editNetwork((p) => void (p.activation = e.target.value as NetworkProblem['activation']))}>
          {ACTIVATION_IDS.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </div>
      <div className="param" title="0 = full batch">
        <span className="param-name">batch size</span>
        <NumberField label="Batch size" value={problem.batchSize} integer min={n.batchSize.min} max={n.batchSize.max} onCommit={(v) => editNetwork((p) => void (p.batchSize = v))} />
      </div>
      <div className="param" title="L1 and L2 penalties on the weights">
        <span className="param-name">l1, l2</span>
        <NumberField label="L1 penalty" value={reg.l1 ?? 0} min={LIMITS.regularization.min} max={LIMITS.regularization.max} onCommit={(v) => editNetwork((p) => void (p.regularization = { ...p.regularization, l1: v }))} width="4.5em" />
        <NumberField label="L2 penalty" value={reg.l2 ?? 0} min={LIMITS.regularization.min} max={LIMITS.regularization.max} onCommit={(v) => editNetwork((p) => void (p.regularization = { ...p.regularization, l2: v }))} width="4.5em" />
      </div>
    </div>
  );
}
