// The plot as a standalone SVG (contours embedded as an image, paths, markers, axes, legend)
// or as a PNG rendered from that SVG. Text from the user (run labels) goes in through xmlText:
// one control character would make the file malformed XML, which the browser will not draw.
import { xmlText } from '../experiment/printable';

const LEGEND_ROW = 18;

export interface LegendEntry {
  label: string;
  color: string;
}

export function plotSvg(container: HTMLElement, legend: LegendEntry[]): string {
  const svg = container.querySelector('svg.plot') as SVGSVGElement | null;
  const canvas = container.querySelector('canvas.contour-canvas') as HTMLCanvasElement | null;
  if (!svg) throw new Error('no plot to export');
  const w = svg.width.baseVal.value;
  const h = svg.height.baseVal.value;
  const legendH = legend.length * LEGEND_ROW + 8;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // Inline the few styles the axes take from the page's CSS.
  clone.querySelectorAll('.axes text, .axis-label').forEach((t) => t.setAttribute('fill', '#1d1d1f'));
  clone.querySelectorAll('.axes path, .axes line').forEach((t) => t.setAttribute('stroke', '#5f6368'));
  const image = canvas ? `<image href="${canvas.toDataURL('image/png')}" width="${w}" height="${h}"/>` : '';
  const rows = legend
    .map(
      (e, i) =>
        `<g transform="translate(12,${h + 6 + i * LEGEND_ROW})"><circle cx="6" cy="6" r="5" fill="${xmlText(e.color)}"/>` +
        `<text x="18" y="10" font-family="sans-serif" font-size="12" fill="#1d1d1f">${xmlText(e.label)}</text></g>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h + legendH}" viewBox="0 0 ${w} ${h + legendH}">` +
    `<rect width="100%" height="100%" fill="white"/>${image}${clone.innerHTML}${rows}</svg>`
  );
}

export async function svgToPng(svgText: string): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not render the SVG'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = img.width * 2;
    canvas.height = img.height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
