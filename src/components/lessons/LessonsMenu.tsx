// The header's "Lessons" button and its list: each lesson opens at its first step, by its link.
import { useEffect, useRef } from 'react';
import { goToLesson, lessonHref, LESSONS, setLessonsMenu, useLessons } from '../../state/lessons';

export function LessonsMenu() {
  const open = useLessons((s) => s.menuOpen);
  const current = useLessons((s) => s.open?.id ?? null);
  const ref = useRef<HTMLDivElement>(null);
  // A click elsewhere or Escape closes the list.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setLessonsMenu(false);
    };
    const key = (e: KeyboardEvent) => e.key === 'Escape' && setLessonsMenu(false);
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', key);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', key);
    };
  }, [open]);
  return (
    <div className="lessons-menu" ref={ref}>
      <button type="button" aria-expanded={open} aria-haspopup="true" onClick={() => setLessonsMenu(!open)} data-testid="lessons-button">
        Lessons
      </button>
      {open ? (
        <nav className="lessons-list" aria-label="Lessons" data-testid="lessons-list">
          <ol>
            {LESSONS.map((lesson) => (
              <li key={lesson.id}>
                <a
                  href={lessonHref({ id: lesson.id, step: 0 })}
                  aria-current={lesson.id === current ? 'true' : undefined}
                  data-lesson={lesson.id}
                  onClick={(e) => {
                    e.preventDefault();
                    goToLesson({ id: lesson.id, step: 0 });
                  }}
                >
                  {lesson.title}
                </a>
                <span className="lessons-steps">{lesson.steps.length === 1 ? '1 step' : `${lesson.steps.length} steps`}</span>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
    </div>
  );
}
