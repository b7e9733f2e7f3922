// The open lesson: its title, the step's text, the steps as links, previous / next, and "try it
// yourself", which closes the lesson and leaves the lab as the step set it.
import { closeLesson, goToLesson, lessonHref, openStep, showsStep, useLessons } from '../../state/lessons';
import { useStore } from '../../state/store';

export function LessonPanel() {
  const state = useLessons();
  const experiment = useStore((s) => s.experiment);
  const open = openStep(state);
  if (!open) return null;
  const { lesson, step } = open;
  const count = lesson.steps.length;
  const edited = !showsStep(experiment, state);
  const go = (k: number) => goToLesson({ id: lesson.id, step: k });
  return (
    <section className="lesson-panel" aria-label="Lesson" data-testid="lesson-panel" data-lesson={lesson.id} data-step={step}>
      <div className="lesson-head">
        <h2>{lesson.title}</h2>
        <button type="button" className="lesson-close" aria-label="Close the lesson" onClick={closeLesson}>×</button>
      </div>
      <nav className="lesson-steps" aria-label="Steps">
        <span>Step {step + 1} of {count}</span>
        {count > 1
          ? lesson.steps.map((_, k) => (
              <a
                key={k}
                href={lessonHref({ id: lesson.id, step: k })}
                aria-current={k === step ? 'step' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(k);
                }}
              >
                {k + 1}
              </a>
            ))
          : null}
      </nav>
      <p className="lesson-text" data-testid="lesson-text">{lesson.steps[step].text}</p>
      {edited ? (
        <p className="lesson-edited" role="status">
          You changed the experiment since this step.{' '}
          <button type="button" onClick={() => go(step)}>Back to the step</button>
        </p>
      ) : null}
      <div className="lesson-buttons">
        <button type="button" onClick={() => go(step - 1)} disabled={step === 0}>Previous</button>
        <button type="button" onClick={() => go(step + 1)} disabled={step === count - 1}>Next</button>
        <button type="button" className="lesson-try" onClick={closeLesson} title="Close the lesson; the lab stays as this step set it">
          Try it yourself
        </button>
      </div>
    </section>
  );
}
