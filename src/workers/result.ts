// The one shape of a worker call's answer: a value, or an error as a value. Nothing that can
// fail throws across the worker boundary or answers null; the page tells the two apart by `ok`.
export type WorkerResult<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
