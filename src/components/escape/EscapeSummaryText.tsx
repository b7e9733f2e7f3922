// The distribution in words: the ball, how many seeds escaped, the escape and stop steps'
// medians and quartiles, and why the runs stopped.
import { fmtNum } from '../../optim/verdict';
import type { EscapeDistribution, Quartiles } from '../../state/escape/escapeRuns';

const spread = (q: Quartiles | null) => (q ? `median ${q.median} (quartiles ${q.q1} to ${q.q3}, range ${q.min} to ${q.max})` : 'none');

export function EscapeSummaryText({ result }: { result: EscapeDistribution }) {
  const { summary: s, job } = result;
  const c = job.ball.center;
  const reasons = Object.entries(s.reasons).filter(([, n]) => n > 0).map(([r, n]) => `${n} ${r}`).join(', ');
  return (
    <div className="escape-summary" data-testid="escape-summary" data-escaped={s.escaped} data-seeds={s.seeds} data-median={s.escape?.median ?? ''}>
      <p>
        Run {job.run + 1} ({job.randomness.label} {fmtNum(job.randomness.value)}), seeds {job.firstSeed} to {job.firstSeed + job.seeds - 1}; the ball of radius{' '}
        {fmtNum(job.ball.radius)}{job.ball.radiusFrom === 'default' ? ' (default)' : ''} around the {c.kind} at ({fmtNum(c.x)}, {fmtNum(c.y)}).
      </p>
      <p>
        <strong>{s.escaped}</strong> of {s.seeds} escaped{s.stayed ? `, ${s.stayed} ended inside` : ''}{s.neverEntered ? `, ${s.neverEntered} never came in` : ''}. Escape step:{' '}
        {spread(s.escape)}. Stop step: {spread(s.stop)}; {reasons}.
      </p>
    </div>
  );
}
