// The number box's validation: one message per bad entry; an optional box accepts empty (no value).
import { describe, expect, it } from 'vitest';
import { validateNumber } from './NumberField';

describe('validateNumber', () => {
  it('an empty box is an error unless the field is optional', () => {
    expect(validateNumber('', {})).toBe('enter a number');
    expect(validateNumber('  ', { optional: true, integer: true, min: 1 })).toBeNull();
  });

  it('an optional field checks a typed value like any other', () => {
    const limits = { optional: true, integer: true, min: 1, max: 2_600_000 };
    expect(validateNumber('12', limits)).toBeNull();
    expect(validateNumber('2.5', limits)).toBe('must be a whole number');
    expect(validateNumber('0', limits)).toBe('must be at least 1');
    expect(validateNumber('3e6', limits)).toBe('must be at most 2.6e+6');
    expect(validateNumber('abc', limits)).toBe('"abc" is not a number');
  });
});
