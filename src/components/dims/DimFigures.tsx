// The figures that need more than one run's path: escape time against d (function problems) and
// rates against eps (any problem). The escape figure's settings travel in the link (`dimfig=`).
import './dimFigures.css';
import { useStore } from '../../state/store';
import { EscapeVsDimPanel } from './EscapeVsDimPanel';
import { RatesPanel } from './RatesPanel';

export function DimFigures() {
  const experiment = useStore((s) => s.experiment);
  return (
    <section className="dimfig-section" aria-label="Escape time against d and rates against eps" data-testid="dimfig-section">
      {experiment.problem.kind === 'function' ? <EscapeVsDimPanel experiment={experiment} /> : null}
      <RatesPanel experiment={experiment} />
    </section>
  );
}
