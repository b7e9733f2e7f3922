// A number box that accepts what a person types (1e-3, .5, -2) and commits only valid values;
// an invalid entry is marked and explained inline, and the last valid value stays in force.
// An optional field also accepts an empty box, which commits undefined (e.g. "no limit").
import { useEffect, useState } from 'react';
import { fmtNum } from '../optim/verdict';

interface NumberFieldCommon {
  label: string;
  min?: number;
  max?: number;
  integer?: boolean;
  width?: string;
}

/** onCommit applies the value; false when the experiment refused it (the field then shows the old value). */
export type NumberFieldProps = NumberFieldCommon &
  (
    | { optional?: false; value: number; onCommit: (v: number) => boolean | void }
    | { optional: true; value: number | undefined; onCommit: (v: number | undefined) => boolean | void }
  );

export function validateNumber(text: string, { min, max, integer, optional }: Pick<NumberFieldCommon, 'min' | 'max' | 'integer'> & { optional?: boolean }): string | null {
  if (text.trim() === '') return optional ? null : 'enter a number';
  const v = Number(text);
  if (!Number.isFinite(v)) return `"${text}" is not a number`;
  if (integer && !Number.isInteger(v)) return 'must be a whole number';
  if (min !== undefined && v < min) return `must be at least ${fmtNum(min)}`;
  if (max !== undefined && v > max) return `must be at most ${fmtNum(max)}`;
  return null;
}

/** The box's text for a value: empty for an optional field's undefined. */
const shown = (value: number | undefined) => (value === undefined ? '' : String(value));

export function NumberField(props: NumberFieldProps) {
  const { label, value, min, max, integer, optional, width = '5.5em' } = props;
  const [text, setText] = useState(shown(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown(value));
    setError(null);
  }, [value]);
  const apply = (next: number | undefined): boolean | void => {
    if (props.optional) return props.onCommit(next);
    if (next !== undefined) return props.onCommit(next);
  };
  const commit = () => {
    const problem = validateNumber(text, { min, max, integer, optional });
    setError(problem);
    const next = text.trim() === '' ? undefined : Number(text);
    if (!problem && next !== value && apply(next) === false) setText(shown(value));
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
          setError(validateNumber(e.target.value, { min, max, integer, optional }));
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
