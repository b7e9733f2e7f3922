// A lesson's link: `lesson=<id>&step=<n>`, n from 1; anything else is refused with a reason.
import { describe, expect, it } from 'vitest';
import { encodeLessonLink, readLessonLink } from './lesson';

describe('the lesson link', () => {
  it('round-trips; the step counts from 1 in the link and from 0 in the ref', () => {
    expect(encodeLessonLink({ id: 'slow-escape', step: 1 })).toBe('lesson=slow-escape&step=2');
    expect(readLessonLink('#lesson=slow-escape&step=2')).toEqual({ ok: true, ref: { id: 'slow-escape', step: 1 } });
    expect(readLessonLink('step=3&lesson=basins')).toEqual({ ok: true, ref: { id: 'basins', step: 2 } });
    expect(readLessonLink('lesson=basins')).toEqual({ ok: true, ref: { id: 'basins', step: 0 } });
  });

  it('is no lesson link without a lesson key', () => {
    expect(readLessonLink('v=1&surface=booth&r0=sgd')).toBeNull();
    expect(readLessonLink('')).toBeNull();
  });

  it.each([
    ['lesson=basins&step=0', /step must be a whole number from 1 \(got "0"\)/],
    ['lesson=basins&step=1.5', /got "1.5"/],
    ['lesson=basins&step=', /got ""/],
    ['lesson=Basins!', /"Basins!" is not a lesson id/],
    ['lesson=__proto__', /is not a lesson id/],
    ['lesson=basins&v=1&surface=booth', /only lesson= and step= \(got "v"\)/],
    ['lesson=basins&lesson=slow-escape', /each given once/],
  ])('%s is refused', (hash, message) => {
    const read = readLessonLink(hash);
    expect(read?.ok).toBe(false);
    if (read && !read.ok) expect(read.message).toMatch(message);
  });
});
