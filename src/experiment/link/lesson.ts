// A lesson's link (format.ts, LESSON_LINK_KEYS): `lesson=<id>&step=<n>`, n counted from 1. Only
// its syntax lives here; whether the lesson and the step exist is for whoever holds the lessons
// (src/lessons imports experiment, not the other way round).
import { quote } from '../printable';
import { splitFields } from './decode';
import { LESSON_LINK_KEYS } from './format';
import { escapeText, unescapeText } from './percent';

export interface LessonRef {
  id: string;
  /** The step, counted from 0 (the link counts from 1). */
  step: number;
}

/** A lesson id: short and plain, as the catalogue's are (`slow-escape`). */
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_STEP = 99;

/** The link of a lesson's step: `lesson=<id>&step=<step + 1>`. */
export function encodeLessonLink(ref: LessonRef): string {
  return `lesson=${escapeText(ref.id, 'field')}&step=${ref.step + 1}`;
}

export type ReadLessonLink = { ok: true; ref: LessonRef } | { ok: false; message: string };

/**
 * The lesson a hash names, null when the hash is no lesson link (it has no `lesson` key), or why
 * it cannot be read (a link with a `lesson` key and anything else but `step`, a bad id or step).
 */
export function readLessonLink(hash: string): ReadLessonLink | null {
  const fields = splitFields(hash.replace(/^#/, '')).map((f) => ({ key: unescapeText(f.key), value: unescapeText(f.value) }));
  const lesson = fields.find((f) => f.key === 'lesson');
  if (!lesson) return null;
  const other = fields.find((f) => !Object.hasOwn(LESSON_LINK_KEYS, f.key));
  if (other) return { ok: false, message: `a lesson link has only lesson= and step= (got ${quote(other.key)})` };
  if (fields.filter((f) => f.key === 'lesson').length > 1 || fields.filter((f) => f.key === 'step').length > 1) {
    return { ok: false, message: 'lesson= and step= are each given once' };
  }
  if (!LESSON_ID.test(lesson.value)) return { ok: false, message: `${quote(lesson.value)} is not a lesson id` };
  const stepText = fields.find((f) => f.key === 'step')?.value ?? '1';
  const step = /^[1-9][0-9]?$/.test(stepText) ? Number(stepText) : NaN;
  if (!(step >= 1 && step <= MAX_STEP)) return { ok: false, message: `step must be a whole number from 1 (got ${quote(stepText)})` };
  return { ok: true, ref: { id: lesson.value, step: step - 1 } };
}
