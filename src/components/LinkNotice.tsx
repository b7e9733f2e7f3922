// What a link or an imported file contained that was rejected, field by field, and what was
// used instead. Dismissible; the page works either way.
import { useStore } from '../state/store';

export function LinkNotice() {
  const problems = useStore((s) => s.linkProblems);
  const source = useStore((s) => s.noticeSource);
  if (!problems) return null;
  return (
    <div className="link-notice" role="alert" data-testid="link-notice">
      <div className="notice-head">
        <strong>Some of this {source === 'file' ? 'file' : 'link'} could not be used; those settings fell back to their defaults:</strong>
        <button type="button" aria-label="Dismiss notice" onClick={() => useStore.setState({ linkProblems: null })}>×</button>
      </div>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.field}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
