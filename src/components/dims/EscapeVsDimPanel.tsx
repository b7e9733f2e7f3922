// Escape time against d (function problems): every run of the experiment started at the
// function's saddle (plus its startRadius draw) at each dimension, over N seeds; the median and
// quartiles of the step at which it leaves the ball of radius r for good, on log-log axes, with
// the seeds that never escaped counted. The command line's --escape-vs-dim prints the same numbers.
import { checkDims, checkRadius, checkSeeds, SADDLE_CHOICES, type SaddleChoice } from '../../experiment/dimFigures';
import type { Experiment } from '../../experiment/types';
import { escapeRefusal, type EscapeRow, type EscapeVsDim } from '../../optim/escape';
import { computeEscapeVsDim, escapeFigureKey, useDimFigureRuns } from '../../state/dims/dimFigureRuns';
import { setDimFigureSettings, useDimFigureSettings } from '../../state/dims/dimFigureSettings';
import { logDReference } from '../../state/dims/figureMath';
import { runColor } from '../../state/traces';
import { plural } from '../plural';
import { CheckedField } from './CheckedField';
import { EscapeVsDimChart } from './EscapeVsDimChart';
import { FigureStatus } from './FigureStatus';

const SADDLE_WORDS: Record<SaddleChoice, string> = { nearest: 'nearest the default start', last: 'the last named saddle' };

/** `(q1–q3)`, `(q1–censored)`, or nothing when even the first quartile is censored. */
const quartiles = (row: EscapeRow) => (row.q1 === null ? '' : `(${row.q1}–${row.q3 ?? 'censored'})`);

/** One row per dimension, one column per run: rows are the figure's points, and eight runs fit across. */
function EscapeTable({ figure }: { figure: EscapeVsDim }) {
  const dims = figure.runs[0]?.rows.map((r) => r.dim) ?? [];
  return (
    <div className="dimfig-table-wrap">
      <table className="dimfig-table" data-testid="escape-table">
        <caption>median escape step (quartiles); seeds that never escaped</caption>
        <thead>
          <tr>
            <th scope="col">d</th>
            {figure.runs.map((r, i) => (
              <th key={i} scope="col">
                <span className="swatch" style={{ background: runColor(i) }} aria-hidden /> {r.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dims.map((d, k) => (
            <tr key={k}>
              <th scope="row">{d}</th>
              {figure.runs.map((r, i) => {
                const row = r.rows[k];
                const censored = row.times.length - row.escaped;
                return (
                  <td key={i} data-testid={`escape-cell-${i}-${k}`} data-median={row.median ?? 'null'} data-q1={row.q1 ?? 'null'} data-q3={row.q3 ?? 'null'} data-censored={censored}>
                    <span className="dimfig-median">{row.median ?? 'censored'}</span> <span className="dimfig-muted">{quartiles(row)}</span>
                    {censored > 0 ? <span className="dimfig-censored-count"> {censored} of {row.times.length} never</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EscapeVsDimPanel({ experiment }: { experiment: Experiment }) {
  const settings = useDimFigureSettings();
  const { state, result } = useDimFigureRuns((s) => s.escape);
  const key = escapeFigureKey(experiment, settings);
  const blocked = escapeRefusal(experiment);
  const figure = result?.value ?? null;
  const ref = figure ? logDReference(figure) : null;
  const censored = figure ? figure.runs.reduce((n, r) => n + r.rows.reduce((m, row) => m + row.times.length - row.escaped, 0), 0) : 0;
  return (
    <div className="dimfig-panel" data-testid="escape-vs-dim" aria-label="Escape time against d">
      <h2>Escape time against d</h2>
      <p>
        Every run starts at the saddle (plus its start-radius draw) in each dimension d, with {plural(settings.seeds, 'seed')} from seed {experiment.seed}: the step at which it leaves the ball of radius {settings.radius} around the saddle.
      </p>
      <div className="dimfig-controls">
        <CheckedField label="Dimensions" text={settings.dims.join(', ')} check={checkDims} onCommit={(dims) => setDimFigureSettings({ dims })} width="19em" testId="dimfig-dims" />
        <CheckedField label="Seeds" text={String(settings.seeds)} check={checkSeeds} onCommit={(seeds) => setDimFigureSettings({ seeds })} testId="dimfig-seeds" />
        <CheckedField label="Radius" text={String(settings.radius)} check={checkRadius} onCommit={(radius) => setDimFigureSettings({ radius })} testId="dimfig-radius" />
        <label className="dimfig-field">
          Saddle
          <select aria-label="Saddle" value={settings.saddle} onChange={(e) => setDimFigureSettings({ saddle: e.target.value as SaddleChoice })}>
            {SADDLE_CHOICES.map((c) => (
              <option key={c} value={c}>{SADDLE_WORDS[c]}</option>
            ))}
          </select>
        </label>
      </div>
      <FigureStatus figure="escape" state={state} stale={result !== null && result.key !== key} blocked={blocked} label={`Run ${plural(settings.seeds, 'seed')} × ${plural(settings.dims.length, 'dimension')}`} onCompute={() => void computeEscapeVsDim(experiment, settings)} />
      {figure ? (
        <figure className={`dimfig-figure${result?.key !== key ? ' stale' : ''}`}>
          <EscapeVsDimChart figure={figure} />
          <figcaption data-testid="escape-caption">
            Median and quartile band over {figure.seeds} seeds, radius {figure.radius}, from {figure.runs[0]?.rows[0]?.saddle.label ?? 'the saddle'}; {censored === 0 ? 'every seed escaped' : `${censored} (run, d, seed) never escaped (× where the median is censored)`}.
            {ref ? ` Dashed: c·log d through ${figure.runs[ref.anchor.run].label}'s median at d = ${ref.anchor.x}.` : ''} Perturbed GD escapes in polylog(d) steps (Jin et al. 2017); GD can need exponential time on a chain of saddles (Du et al. 2017).
          </figcaption>
          <EscapeTable figure={figure} />
        </figure>
      ) : null}
    </div>
  );
}
