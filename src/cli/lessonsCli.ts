// `--lessons`: the lessons as JSON, exactly LESSONS ([{id, title, steps: [{link, text}], claims}]),
// what the app's lessons menu shows. `--lessons --check`: every claim run through the engines
// (src/cli/lessons: checkLesson), one result per claim,
//   [{"lesson": id, "step": i, "run": k, "expect": {...}, "ok": true|false, "detail": "what was measured"}, ...]
// written lesson by lesson as each is checked (the array is complete JSON at the end); the exit
// code is 1 when any claim fails, 0 when all hold.
import { LESSONS } from '../lessons';
import type { Expectation, Lesson } from '../lessons/types';
import { checkLesson } from './lessons/runLesson';

export type LessonsArgs = { ok: true; check: boolean } | { ok: false; message: string };

/** The command line as a lessons command, or null when it has no `--lessons`. */
export function readLessonsArgs(argv: readonly string[]): LessonsArgs | null {
  if (!argv.includes('--lessons')) return null;
  const other = argv.find((a) => a !== '--lessons' && a !== '--check');
  if (other !== undefined) return { ok: false, message: `--lessons takes no experiment and no option but --check (got "${other.slice(0, 40)}")` };
  return { ok: true, check: argv.includes('--check') };
}

export function lessonsJson(): string {
  return JSON.stringify(LESSONS) + '\n';
}

export interface ClaimResult {
  lesson: string;
  step: number;
  run: number;
  expect: Expectation;
  ok: boolean;
  detail: string;
}

export function checkLessonClaims(lesson: Lesson): ClaimResult[] {
  return checkLesson(lesson).map((o) => ({ lesson: lesson.id, step: o.claim.step, run: o.claim.run, expect: o.claim.expect, ok: o.ok, detail: o.detail }));
}

/**
 * Checks every lesson, writing the results as they come (`write` gets the JSON text piece by
 * piece; `onLesson` hears each lesson's id before it runs); true when every claim holds.
 */
export function writeLessonChecks(write: (text: string) => void, onLesson?: (id: string, index: number, count: number) => void, lessons: readonly Lesson[] = LESSONS): boolean {
  let all = true;
  let first = true;
  write('[');
  lessons.forEach((lesson, i) => {
    onLesson?.(lesson.id, i, lessons.length);
    for (const result of checkLessonClaims(lesson)) {
      all &&= result.ok;
      write(`${first ? '' : ','}\n${JSON.stringify(result)}`);
      first = false;
    }
  });
  write('\n]\n');
  return all;
}
