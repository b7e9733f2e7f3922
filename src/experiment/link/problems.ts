// What the lenient decoders report: one { field, message } per rejected field.
// Messages come from the schema (src/experiment/schema.ts); only the cases where valibot's
// own wording would confuse a user (missing or unknown keys) are rephrased, as parse.ts does.
import type * as v from 'valibot';
import { issueMessage, issuePath } from '../parse';

export interface LinkProblem {
  /** Path in the Experiment (`runs[1].params.lr`), or the link key for keys the link cannot place. */
  field: string;
  /** Why it was rejected and, after "; ", what was used instead when that is not obvious. */
  message: string;
}

/** A problem with its fallback apart, for readers that refuse rather than fall back (the CLI). */
export interface DetailedProblem {
  field: string;
  message: string;
  fallback?: string;
}

// Hostile input could otherwise produce one problem per character, and a message may quote
// a huge input value; both are capped so the result stays small.
export const MAX_PROBLEMS = 50;
export const USE_DEFAULT = 'using the default experiment';
const MAX_MESSAGE = 240;

export class ProblemLog {
  readonly list: DetailedProblem[] = [];
  private dropped = 0;

  add(field: string, message: string, fallback?: string): void {
    if (this.list.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    const clip = (s: string) => (s.length > MAX_MESSAGE ? s.slice(0, MAX_MESSAGE - 1) + '…' : s);
    this.list.push(fallback === undefined ? { field: clip(field), message: clip(message) } : { field: clip(field), message: clip(message), fallback });
  }

  /** The problems, with a last entry counting those left out. */
  detailed(): DetailedProblem[] {
    if (this.dropped === 0) return [...this.list];
    return [...this.list, { field: '', message: `and ${this.dropped} more problems` }];
  }

  /** The problems with each fallback joined to its message. */
  result(): LinkProblem[] {
    return this.detailed().map((p) => ({ field: p.field, message: p.fallback === undefined ? p.message : `${p.message}; ${p.fallback}` }));
  }
}

/** Joins a prefix path (`runs[2]`) and a relative one (`params.lr`, `[0]`). */
export function joinPath(prefix: string, rel: string): string {
  if (prefix === '') return rel;
  if (rel === '') return prefix;
  return rel.startsWith('[') ? prefix + rel : `${prefix}.${rel}`;
}

/** The message for one schema issue. */
/** The relative path of an issue as key list, for deciding what to drop. */
export function issueKeys(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

export { issueMessage, issuePath };
