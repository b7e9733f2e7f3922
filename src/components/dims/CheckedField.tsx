// A text box for one setting of a figure: what a person types is checked by the setting's own
// check (src/experiment/dimFigures.ts), a bad entry gets that one line beside the box and
// changes nothing, a good one is committed on Enter or when the box loses focus.
import { useEffect, useState } from 'react';

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export interface CheckedFieldProps<T> {
  label: string;
  /** The value in force, as the box shows it. */
  text: string;
  check: (text: string) => Checked<T>;
  onCommit: (value: T) => void;
  width?: string;
  testId?: string;
}

export function CheckedField<T>({ label, text: shown, check, onCommit, width = '5em', testId }: CheckedFieldProps<T>) {
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown);
    setError(null);
  }, [shown]);
  const commit = () => {
    const r = check(text);
    setError(r.ok ? null : r.error);
    if (r.ok && text !== shown) onCommit(r.value);
  };
  return (
    <span className="dimfig-field">
      <label>
        {label}
        <input
          aria-label={label}
          aria-invalid={error !== null}
          value={text}
          style={{ width }}
          data-testid={testId}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      </label>
      {error && <span className="field-error" role="status" data-testid={testId ? `${testId}-error` : undefined}>{error}</span>}
    </span>
  );
}
