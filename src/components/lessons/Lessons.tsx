// The lessons on the page: the header's menu, and the open lesson's panel as a full-width row
// under the title bar (lessons.css wraps the header when a lesson is open).
import './lessons.css';
import { LessonPanel } from './LessonPanel';
import { LessonsMenu } from './LessonsMenu';

export function Lessons() {
  return (
    <>
      <LessonsMenu />
      <LessonPanel />
    </>
  );
}
