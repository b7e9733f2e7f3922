// Rates against eps (any problem): per run the first step at which ||grad f|| <= eps for eps =
// 1e-1 .. 1e-8, on log-log axes, the least-squares slope of log steps on log(1/eps), and the
// reference slopes. The command line's --rates prints the same numbers.
import type { Experiment } from '../../experiment/types';
import type { Rates } from '../../optim/rates';
import { fmtNum } from '../../optim/verdict';
import { computeRates, ratesFigureKey, useDimFigureRuns } from '../../state/dims/dimFigureRuns';
import { rateReferences } from '../../state/dims/figureMath';
import { runColor } from '../../state/traces';
import { FigureStatus } from './FigureStatus';
import { RatesChart } from './RatesChart';

function RatesTable({ rates }: { rates: Rates }) {
  return (
    <div className="dimfig-table-wrap">
      <table className="dimfig-table" data-testid="rates-table">
        <caption>first step with ||grad f|| &lt;= eps; fitted slope (steps ~ eps^-slope); where the run stopped</caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            {rates.eps.map((e) => (
              <th key={e} scope="col">{fmtNum(e)}</th>
            ))}
            <th scope="col">slope</th>
            <th scope="col">stop</th>
          </tr>
        </thead>
        <tbody>
          {rates.runs.map((r, i) => (
            <tr key={i}>
              <th scope="row">
                <span className="swatch" style={{ background: runColor(i) }} aria-hidden /> {r.label}
              </th>
              {r.steps.map((t, k) => (
                <td key={k} data-testid={`rates-cell-${i}-${k}`} data-step={t ?? 'null'} className={t === null ? 'dimfig-muted' : undefined}>
                  {t === null ? 'not reached' : t}
                </td>
              ))}
              <td data-testid={`rates-slope-${i}`} data-slope={r.fit?.slope ?? 'null'}>
                {r.fit ? `${r.fit.slope.toFixed(3)} (${r.fit.points} eps)` : 'no fit (under 2 eps with a step >= 1)'}
              </td>
              <td className="dimfig-muted">{r.stop ? `${r.stop.reason} at step ${r.stop.step}` : 'still running'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RatesPanel({ experiment }: { experiment: Experiment }) {
  const { state, result } = useDimFigureRuns((s) => s.rates);
  const key = ratesFigureKey(experiment);
  const rates = result?.value ?? null;
  const ref = rates ? rateReferences(rates) : null;
  const tol = experiment.stop.gradTol;
  return (
    <div className="dimfig-panel" data-testid="rates-vs-eps" aria-label="Rates against eps">
      <h2>Rates against eps</h2>
      <p>
        Each run as it is, until it reaches ||grad f|| &lt;= 1e-8 or stops (at most {experiment.stop.maxSteps} steps).
        {tol > 1e-8 ? ` The runs stop at gradTol = ${fmtNum(tol)}: smaller eps are not reached; set the tolerance to 0 to see the whole grid.` : ''}
      </p>
      <FigureStatus figure="rates" state={state} stale={result !== null && result.key !== key} blocked={null} label="Compute rates" onCompute={() => void computeRates(experiment)} />
      {rates ? (
        <figure className={`dimfig-figure${result?.key !== key ? ' stale' : ''}`}>
          <RatesChart rates={rates} />
          <figcaption data-testid="rates-caption">
            x: 1/eps, y: the first step with ||grad f|| &lt;= eps; an eps never reached (or reached at step 0) has no point.
            {ref ? ` Dashed: ∝ 1/eps², GD's worst case on smooth non-convex f (Nesterov 2004); dotted: ∝ log(1/eps), a linear rate near a strongly convex minimum; both through ${rates.runs[ref.anchor.run].label}'s point at 1/eps = ${fmtNum(ref.anchor.x)}.` : ''}
          </figcaption>
          <RatesTable rates={rates} />
        </figure>
      ) : null}
    </div>
  );
}
