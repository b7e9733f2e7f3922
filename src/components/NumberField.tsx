// A number box that accepts what a person types (1e-3, .5, -2) and commits only valid values;
// an invalid entry is marked and explained inline, and the last valid value stays in force.
import { useEffect, useState } from 'react';
import { fmtNum } from '../optim/verdict';

export interface NumberFieldProps {
  label: string;
  value: number;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Applies the value; false when the experiment refused it (the field then shows the old value). */
  onCommit: (v: number) => boolean | void;
  width?: string;
}

export function validateNumber(text: string, { min, max, integer }: Pick<NumberFieldProps, 'min' | 'max' | 'integer'>): string | null {
  if (text.trim() === '') return 'enter a number';
  const v = Number(text);
  if (!Number.isFinite(v)) return `"${text}" is not a number`;
  if (integer && !Number.isInteger(v)) return 'must be a whole number';
  if (min !== undefined && v < min) return `must be at least ${fmtNum(min)}`;
  if (max !== undefined && v > max) return `must be at most ${fmtNum(max)}`;
  return null;
}

export function NumberField({ label, value, min, max, integer, onCommit, width = '5.5em' }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);
  const commit = () => {
    const problem = validateNumber(text, { min, max, integer });
    setError(problem);
    if (!problem && Number(text) !== value && onCommit(Number(text)) === false) setText(String(value));
  };
  return (
    <span className="number-field">
      <input
        aria-label={label}
        aria-invalid={error !== null}
        title={error ?? label}
        value={text}
        style={{ width }}
        inputMode="decimal"
        onChange={(e) => {
          setText(e.target.value);
          setError(validateNumber(e.target.value, { min, max, integer }));
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error && <span className="field-error" role="status">{error}</span>}
    </span>
  );
}
