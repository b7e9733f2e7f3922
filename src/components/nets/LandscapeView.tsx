// The loss-landscape slice L(w* + a d1 + b d2) as filled contours, with every run's path
// projected onto the plane, and the projection error in words: a projection can put weights that
// are far apart next to each other, so the view says how far off the plane the path really is.
import { contours, geoPath } from 'd3';
import { useId, useMemo } from 'react';
import type { LandscapeSlice } from '../../nets/slice';
import { fmtNum } from '../../optim/verdict';
import { sliceBandColor, sliceLevels } from '../../state/sliceColors';

export interface LandscapeViewProps {
  slice: LandscapeSlice;
  labels: string[];
  colors: string[];
  width?: number;
  height?: number;
}

const pct = (v: number) => `${(100 * v).toFixed(v < 0.01 ? 2 : 1)}%`;

export function LandscapeView({ slice, labels, colors, width = 360, height = 360 }: LandscapeViewProps) {
  const { n, span, loss, paths } = slice;
  const clipId = `landscape-clip-${useId().replace(/:/g, '')}`;
  const sx = (a: number) => ((a + span[0]) / (2 * span[0])) * width;
  const sy = (b: number) => height - ((b + span[1]) / (2 * span[1])) * height;

  const bands = useMemo(() => {
    const levels = sliceLevels(loss);
    // Non-finite values (a diverging corner) count as above every level.
    const values = Array.from(loss, (v) => (Number.isFinite(v) ? v : Number.MAX_VALUE));
    const path = geoPath();
    return contours().size([n, n]).thresholds(levels)(values).map((c, k) => ({ d: path(c) ?? '', color: sliceBandColor(k, levels.length) }));
  }, [loss, n]);

  const lines = paths.map((p) => {
    let d = '';
    for (let t = 0; t < p.a.length; t++) d += `${t ? 'L' : 'M'}${sx(p.a[t]).toFixed(1)},${sy(p.b[t]).toFixed(1)}`;
    const worst = p.offPlane.reduce((m, v) => Math.max(m, v), 0);
    return { run: p.run, d, first: [sx(p.a[0]), sy(p.b[0])], last: [sx(p.a.at(-1)!), sy(p.b.at(-1)!)], worst };
  });
  const own = labels[slice.run] ?? `run ${slice.run + 1}`;
  const plane =
    slice.directions === 'pca'
      ? `plane of the top two principal directions of ${own}'s path${slice.explained ? ` (${pct(slice.explained[0])} + ${pct(slice.explained[1])} of its squared distance to w*)` : ''}`
      : 'plane of two filter-normalized random directions (Li et al. 2018)';
  const cw = width / (n - 1);
  const ch = height / (n - 1);

  return (
    <figure className="net-landscape" style={{ margin: 0 }}>
      <svg
        width={width}
        height={height}
        data-testid="landscape"
        data-levels={bands.length}
        data-center={slice.center}
        data-step={slice.step}
        data-max-off-plane={slice.maxRelativeOffPlane}
        role="img"
        aria-label="loss landscape slice"
        style={{ border: '1px solid #ccc' }}
      >
        <defs>
          <clipPath id={clipId}>
            <rect width={width} height={height} />
          </clipPath>
        </defs>
        {/* Contour coordinates are grid cells; sample (i, j) sits at (i + 0.5, j + 0.5), b grows upwards. */}
        <g transform={`translate(0,${height}) scale(${cw},${-ch}) translate(-0.5,-0.5)`}>
          {bands.map((b, k) => (
            <path key={k} d={b.d} fill={b.color} stroke="none" />
          ))}
        </g>
        <g clipPath={`url(#${clipId})`}>
          {lines.map((l) => (
            <g key={l.run} data-testid={`landscape-path-${l.run}`}>
              <path d={l.d} fill="none" stroke={colors[l.run] ?? '#000'} strokeWidth={1.8} />
              <circle cx={l.first[0]} cy={l.first[1]} r={4} fill="none" stroke={colors[l.run] ?? '#000'} strokeWidth={1.5} />
              <circle cx={l.last[0]} cy={l.last[1]} r={3} fill={colors[l.run] ?? '#000'} />
            </g>
          ))}
          <path d={`M${sx(0) - 6},${sy(0)}h12M${sx(0)},${sy(0) - 6}v12`} stroke="#fff" strokeWidth={2} />
        </g>
      </svg>
      <figcaption style={{ fontSize: 11, maxWidth: width }}>
        <div>
          L(w* + a d1 + b d2) around {own}'s weights w* at step {slice.step} (the cross; L(w*) = {fmtNum(slice.center)}); {plane}.
          Rings: w_0; dots: each run's current weights.
        </div>
        <div data-testid="projection-error">
          Projection error: the paths lie up to {pct(slice.maxRelativeOffPlane)} of their distance from w* off this plane
          {slice.maxRelativeOffPlane > 0.2 ? ' - points that look close here may be far apart in weight space' : ''}.{' '}
          {lines.map((l) => `${labels[l.run] ?? l.run}: max ${fmtNum(l.worst)} off`).join('; ')}.
        </div>
        {slice.note && <div>{slice.note}</div>}
        <div style={{ color: '#777' }}>
          {n} x {n} grid, a in [-{fmtNum(span[0])}, {fmtNum(span[0])}], b in [-{fmtNum(span[1])}, {fmtNum(span[1])}]; {slice.backend}, {Math.round(slice.ms)} ms
        </div>
      </figcaption>
    </figure>
  );
}
