// What the exported figure shows, gathered from the page as it is now (surface or network).
import { figureContours } from '../../state/figureContours';
import { useStore } from '../../state/store';
import { PLOT_MARGIN } from '../usePlotScales';
import type { FigureParts } from './figureSvg';

const SURFACE_CHARTS = ['grad-chart', 'lambda-chart', 'f-chart'];

export async function collectFigure(): Promise<FigureParts> {
  const s = useStore.getState();
  const network = s.mode === 'network';
  const runs = network ? s.netTraces : s.traces;
  const legend = runs.map((t) => ({ label: t.label, color: t.color }));
  const verdicts = runs.flatMap((t, i) => {
    const v = document.querySelector(`[data-testid="verdict-${i}"]`)?.textContent?.trim();
    return v ? [`${t.label}: ${v}`] : [];
  });
  if (network) {
    const p = s.experiment.problem;
    return {
      title: 'Network training',
      formula: p.kind === 'network' ? `dataset: ${p.dataset}` : '',
      main: document.querySelector<HTMLCanvasElement>('canvas[data-testid="decision-boundary"]'),
      contours: null,
      charts: [...document.querySelectorAll<SVGSVGElement>('.net-chart svg[role="img"], svg[data-testid="landscape"]')],
      legend,
      verdicts,
    };
  }
  const plot = document.querySelector<SVGSVGElement>('svg.plot');
  const w = plot ? plot.width.baseVal.value - PLOT_MARGIN.left - PLOT_MARGIN.right : 0;
  const h = plot ? plot.height.baseVal.value - PLOT_MARGIN.top - PLOT_MARGIN.bottom : 0;
  const paths = plot ? await figureContours(w, h) : null;
  return {
    title: s.surface?.name ?? 'Surface',
    formula: s.surface ? `f(x, y) = ${s.surface.formula}` : '',
    main: plot,
    contours: paths ? { paths, margin: PLOT_MARGIN } : null,
    charts: SURFACE_CHARTS.flatMap((id) => {
      const svg = document.querySelector<SVGSVGElement>(`[data-testid="${id}"] svg`);
      return svg ? [svg] : [];
    }),
    legend,
    verdicts,
  };
}
