// parseExperiment: unknown input -> a complete, valid Experiment, or the list of what is wrong.
import * as v from 'valibot';
import { DEFAULT_STOP, DEFAULT_SEED } from './defaults';
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
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describe(issue: v.BaseIssue<unknown>): FieldError {
  // strictObject reports an unexpected key with the key itself as the last path item.
  if (issue.type === 'strict_object') {
    const path = issuePath(issue);
    const key = path.split(/[.[\]]/).filter(Boolean).pop() ?? '';
    return { path, message: `unknown field "${key}"` };
  }
  if (issue.type === 'object' || issue.type === 'strict_object') {
    return { path: issuePath(issue), message: issue.input === undefined ? 'is required' : 'must be an object' };
  }
  const message = issue.input === undefined && issue.kind === 'schema' ? 'is required' : issue.message;
  return { path: issuePath(issue), message };
}

/** Validates and completes an Experiment: omitted `stop` and `seed` take their defaults. */
export function parseExperiment(input: unknown): ParseResult<Experiment> {
  const result = v.safeParse(ExperimentSchema, input, { abortPipeEarly: true });
  if (!result.success) return { ok: false, errors: result.issues.map(describe) };
  const out = result.output as Omit<Experiment, 'stop' | 'seed'> & Partial<Pick<Experiment, 'stop' | 'seed'>>;
  return { ok: true, value: { ...out, stop: out.stop ?? { ...DEFAULT_STOP }, seed: out.seed ?? DEFAULT_SEED } as Experiment };
}

export function formatErrors(errors: FieldError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
}
