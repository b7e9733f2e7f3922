// Which run of the experiment lends a map its optimizer and settings (shown with two or more runs).
import type { Run } from '../../experiment/types';

export function RunSelect({ label, runs, value, onChange }: { label: string; runs: Run[]; value: number; onChange: (run: number) => void }) {
  if (runs.length < 2) return null;
  return (
    <label>
      run
      <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {runs.map((r, k) => (
          <option key={k} value={k}>
            {k + 1}: {r.label ?? r.optimizer}
          </option>
        ))}
      </select>
    </label>
  );
}
