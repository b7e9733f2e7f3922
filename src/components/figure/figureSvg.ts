// One figure for a slide (16:9, 1600 x 900): the plot (contours as vector paths) or, for a
// network, the decision boundary; the charts beside it; the title and formula above; the legend
// and the verdicts below the charts. Every text this module writes goes through xmlText; the
// page's own SVGs go in through XMLSerializer (well-formed XML, whatever their text).
import { xmlText } from '../../experiment/printable';
import type { ContourPaths } from '../../state/figureContours';
import type { LegendEntry } from '../exportPlot';

export const FIGURE = { width: 1600, height: 900 } as const;
const PAD = 24;
const HEADER = 84;
const INK = '#1d1d1f';
const LINE = 20;

export interface FigureParts {
  title: string;
  formula: string;
  /** The main picture: the contour plot's SVG (surface) or the decision boundary's canvas (network). */
  main: SVGSVGElement | HTMLCanvasElement | null;
  /** Vector contours in the plot's drawing-area pixels, with the plot's margin. */
  contours: { paths: ContourPaths; margin: { left: number; top: number } } | null;
  /** The charts, in order (||grad f||, lambda_min, f; or the network's loss charts and slice). */
  charts: SVGSVGElement[];
  legend: LegendEntry[];
  verdicts: string[];
}

const serializer = () => new XMLSerializer();

/** An element of the page as a nested <svg> scaled into the box (x, y, w, h), aspect kept. */
function placed(el: SVGSVGElement, x: number, y: number, w: number, h: number): string {
  const sw = el.width.baseVal.value || el.getBoundingClientRect().width;
  const sh = el.height.baseVal.value || el.getBoundingClientRect().height;
  const clone = el.cloneNode(true) as SVGSVGElement;
  clone.removeAttribute('style');
  const inner = [...clone.childNodes].map((n) => serializer().serializeToString(n)).join('');
  return `<svg x="${x}" y="${y}" width="${w}" height="${h}" viewBox="0 0 ${sw} ${sh}" preserveAspectRatio="xMidYMid meet">${inner}</svg>`;
}

function mainPicture(parts: FigureParts, x: number, y: number, size: number): string {
  const el = parts.main;
  if (!el) return '';
  if (el instanceof HTMLCanvasElement) return `<image x="${x}" y="${y}" width="${size}" height="${size}" href="${el.toDataURL('image/png')}" data-part="main"/>`;
  const sw = el.width.baseVal.value;
  const sh = el.height.baseVal.value;
  const c = parts.contours;
  const bands = c
    ? `<g class="contours" transform="translate(${c.margin.left},${c.margin.top})">` +
      c.paths.bands.map((b) => `<path d="${b.d}" fill="${xmlText(b.fill)}" stroke="#1b1b1b" stroke-opacity="0.25" stroke-width="0.6"/>`).join('') +
      (c.paths.undefinedArea ? `<path d="${c.paths.undefinedArea}" fill="#808080" fill-opacity="0.4"/>` : '') +
      '</g>'
    : '';
  const inner = [...el.cloneNode(true).childNodes].map((n) => serializer().serializeToString(n)).join('');
  return `<svg x="${x}" y="${y}" width="${size}" height="${size}" viewBox="0 0 ${sw} ${sh}" data-part="main">${bands}${inner}</svg>`;
}

export function figureSvg(parts: FigureParts): string {
  const { width: W, height: H } = FIGURE;
  const size = H - HEADER - PAD;
  const colX = PAD + size + PAD;
  const colW = W - colX - PAD;
  const textRows = parts.legend.length + parts.verdicts.length;
  const textH = Math.min(textRows * LINE + 2 * PAD, 260);
  const chartH = parts.charts.length ? (H - HEADER - textH) / parts.charts.length : 0;
  // Each chart's title (an HTML caption on the page) as its own line above it.
  const charts = parts.charts
    .map((c, i) => {
      const top = HEADER + i * chartH;
      const title = c.getAttribute('aria-label') ?? '';
      return `<g data-part="chart"><text x="${colX}" y="${top + 14}" font-size="14" data-part="chart-title">${xmlText(title)}</text>${placed(c, colX, top + 18, colW, chartH - 24)}</g>`;
    })
    .join('');
  const textY = H - textH + PAD;
  const legend = parts.legend
    .map((e, i) => `<g transform="translate(${colX},${textY + i * LINE})"><circle cx="6" cy="-4" r="6" fill="${xmlText(e.color)}"/><text x="20" y="0" data-part="legend">${xmlText(e.label)}</text></g>`)
    .join('');
  const verdicts = parts.verdicts
    .map((v, i) => `<text x="${colX}" y="${textY + (parts.legend.length + i) * LINE}" data-part="verdict">${xmlText(v)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="15" color="${INK}" fill="${INK}">` +
    `<rect width="${W}" height="${H}" fill="white"/>` +
    `<text x="${PAD}" y="${PAD + 22}" font-size="28" font-weight="bold" data-part="title">${xmlText(parts.title)}</text>` +
    `<text x="${PAD}" y="${PAD + 50}" font-size="18" font-family="monospace" data-part="formula">${xmlText(parts.formula)}</text>` +
    mainPicture(parts, PAD, HEADER, size) +
    charts +
    legend +
    verdicts +
    '</svg>'
  );
}
