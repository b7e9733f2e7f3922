// The lessons in the app: the menu, the open lesson and its step. A lesson's step has its own
// link, `#lesson=<id>&step=<n>` (src/experiment/link/lesson.ts), and every way to a step goes
// through it: the menu and the next/previous buttons set the page's hash, and the URL sync
// (urlSync.ts) hands a lesson link to openLessonLink, which loads the step's experiment link into
// the lab. So opening a step from the menu and from its link are the same code path, and the
// back button walks back through the steps. While the lab shows the step's experiment unedited,
// the address bar keeps the lesson link (lessonHashFor); "try it yourself" closes the lesson and
// leaves the lab as it is, with the experiment's own link.
import { create } from 'zustand';
import { decodeExperiment, encodeExperiment, encodeLessonLink, readLessonLink, type LessonRef } from '../experiment/link';
import type { Experiment } from '../experiment/types';
import { LESSONS, type Lesson } from '../lessons';

export { LESSONS, type Lesson };
import { startExperiment } from './controller';
import { showLoadProblems } from './loadExperiment';
import { useStore } from './store';

export interface LessonsState {
  menuOpen: boolean;
  /** The lesson shown and its step (from 0), or null when no lesson is open. */
  open: LessonRef | null;
}

export const useLessons = create<LessonsState>(() => ({ menuOpen: false, open: null }));

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);

export function setLessonsMenu(open: boolean): void {
  useLessons.setState({ menuOpen: open });
}

/** The href of a lesson's step: its link. */
export const lessonHref = (ref: LessonRef): string => `#${encodeLessonLink(ref)}`;

/** Goes to a lesson's step by its link (a history entry, so back returns to the previous step). */
export function goToLesson(ref: LessonRef): void {
  const hash = encodeLessonLink(ref);
  useLessons.setState({ menuOpen: false });
  if (location.hash.replace(/^#/, '') === hash) void openLessonLink(hash);
  else location.hash = hash;
}

/** Closes the lesson and leaves the lab as it is ("try it yourself"): the address bar gets the experiment's link. */
export function closeLesson(): void {
  if (useLessons.getState().open) useLessons.setState({ open: null });
}

/** The step the lesson shows now, or null. */
export function openStep(s: LessonsState = useLessons.getState()): { lesson: Lesson; step: number } | null {
  const lesson = s.open ? lessonById(s.open.id) : undefined;
  return lesson && s.open ? { lesson, step: s.open.step } : null;
}

/** Whether the lab runs exactly the open step's experiment (no edit since). */
export function showsStep(exp: Experiment, s: LessonsState = useLessons.getState()): boolean {
  const open = openStep(s);
  return open !== null && encodeExperiment(exp) === open.lesson.steps[open.step].link;
}

/** The lesson link while the lab shows the open step unedited; null otherwise (the experiment's link applies). */
export function lessonHashFor(exp: Experiment): string | null {
  const s = useLessons.getState();
  return s.open && showsStep(exp, s) ? encodeLessonLink(s.open) : null;
}

/** Whether a hash is a lesson link (good or bad): openLessonLink takes it. */
export const isLessonLink = (hash: string): boolean => readLessonLink(hash) !== null;

/** A bad lesson link: say why, open the menu, and run what the lab has. */
async function refuse(message: string): Promise<void> {
  useLessons.setState({ open: null, menuOpen: true });
  showLoadProblems([{ field: 'lesson', message }], 'link', null);
  await startExperiment(useStore.getState().experiment);
}

/**
 * Opens the lesson a hash names and loads its step into the lab; false when the hash is no lesson
 * link (the caller reads it as an experiment link). A step past the lesson's end opens its last.
 */
export async function openLessonLink(hash: string): Promise<boolean> {
  const read = readLessonLink(hash);
  if (read === null) return false;
  if (!read.ok) {
    await refuse(read.message);
    return true;
  }
  const lesson = lessonById(read.ref.id);
  if (!lesson) {
    await refuse(`no lesson "${read.ref.id}" (the lessons: ${LESSONS.map((l) => l.id).join(', ')})`);
    return true;
  }
  const step = Math.min(read.ref.step, lesson.steps.length - 1);
  const problems = step === read.ref.step ? [] : [{ field: 'step', message: `the lesson has ${lesson.steps.length} steps; showing the last` }];
  const decoded = decodeExperiment(lesson.steps[step].link);
  useLessons.setState({ open: { id: lesson.id, step }, menuOpen: false });
  showLoadProblems([...problems, ...decoded.problems], 'link', null);
  await startExperiment(decoded.experiment);
  return true;
}
