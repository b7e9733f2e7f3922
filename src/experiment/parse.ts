// parseExperiment: unknown input -> a complete, valid Experiment, or the list of what is wrong.
import * as v from 'valibot';
import { crossFieldIssues } from './consistency';
import { DEFAULT_STOP, DEFAULT_SEED } from './defaults';
import { printableLine, printableName, quote } from './printable';
import { ExperimentSchema } from './schema';
import type { Experiment } from './types';

export interface FieldError {
  /** Where, as a path: `runs[0].params.lr`. Empty for the whole object. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    const name = printableName(String(key));
    out += typeof key === 'number' ? `[${key}]` : out === '' ? name : `.${name}`;
  }
  return out;
}

/** The message of one schema issue, worded for a person (strictObject's wording is not). */
export function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' || issue.type === 'object') {
    if (issue.expected === 'never') {
      const last = issue.path?.[issue.path.length - 1]?.key;
      return `unknown field ${quote(String(last))}`;
    }
    if ((issue.path?.length ?? 0) > 0 && issue.received === 'undefined') return 'is required';
    return 'must be an object';
  }
  if (issue.input === undefined && issue.kind === 'schema') return 'is required';
  return issue.message;
}

function describe(issue: v.BaseIssue<unknown>): FieldError {
  return { path: issuePath(issue), message: issueMessage(issue) };
}

/** Validates and completes an Experiment: omitted `stop` and `seed` take their defaults. */
export function parseExperiment(input: unknown): ParseResult<Experiment> {
  const result = v.safeParse(ExperimentSchema, input, { abortPipeEarly: true });
  if (!result.success) return { ok: false, errors: result.issues.map(describe) };
  const out = result.output as Omit<Experiment, 'stop' | 'seed'> & Partial<Pick<Experiment, 'stop' | 'seed'>>;
  const value = { ...out, stop: out.stop ?? { ...DEFAULT_STOP }, seed: out.seed ?? DEFAULT_SEED } as Experiment;
  const cross = crossFieldIssues(value);
  if (cross.length > 0) return { ok: false, errors: cross.map(({ path, message }) => ({ path, message })) };
  return { ok: true, value };
}

// A hostile input can have 100,000 wrong items: the line names the first few and counts the rest.
export const MAX_REPORTED_ERRORS = 3;
const MAX_ERROR_LENGTH = 600; // three of them stay under MAX_ERROR_LINE

/** The errors as one printable line: the first MAX_REPORTED_ERRORS, then how many more. */
export function formatErrors(errors: FieldError[]): string {
  const shown = errors
    .slice(0, MAX_REPORTED_ERRORS)
    .map((e) => printableLine(e.path ? `${e.path}: ${e.message}` : e.message, MAX_ERROR_LENGTH))
    .join('; ');
  const more = errors.length - MAX_REPORTED_ERRORS;
  return more > 0 ? `${shown} (and ${more} more)` : shown;
}
