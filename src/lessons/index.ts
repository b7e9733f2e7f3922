// The lessons' public data: what the lessons menu and `--lessons` show. Checking them needs the
// engines: src/cli/lessons/runLesson.ts (checkLesson) and checkClaim.ts, imported apart so this stays data only.
export { LESSONS } from './catalogue';
export type { Claim, Expectation, Lesson, LessonStep } from './types';
