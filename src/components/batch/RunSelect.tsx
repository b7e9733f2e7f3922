// Which run of the experiment lends a map its optimizer and settings (shown with two or more runs).
import type { Run } from '../../experiment/types';
import { runLabels } from '../../state/runLabels';

export function RunSelect({ label, runs, value, onChange }: { label: string; runs: Run[]; value: number; onChange: (run: number) => void }) {
  if (runs.length < 2) return null;
  const labels = runLabels(runs);
  return (
    <label>
      run
      <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {runs.map((_, k) => (
          <option key={k} value={k}>
            {k + 1}: {labels[k]}
          </option>
        ))}
      </select>
    </label>
  );
}
