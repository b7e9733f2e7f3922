// The plot: contours, critical points, axes and trajectories in one SVG sharing one pair of
// scales. A click (or tap) sets run 1's start point and restarts; moving the pointer shows the
// values under it and the nearest step of a path (linked with the charts). Drag pans; the wheel
// or a two-finger pinch zooms; with the plot focused the arrow keys move run 1's start.
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { probeAt, probeEnter, probeLeave, setContourRaster, setStart, setView } from '../state/controller';
import { contoursStale, planeLabels } from '../state/plane';
import { useStore } from '../state/store';
import { arrowDirection, nudgeFraction } from './a11y/keyNudge';
import { Axes } from './Axes';
import { ContourLayer } from './ContourLayer';
import { CriticalPointsLayer } from './CriticalPointsLayer';
import { nearestStep } from './nearestStep';
import { TrajectoryLayer } from './TrajectoryLayer';
import { PLOT_MARGIN, PLOT_SIZE, usePlotScales } from './usePlotScales';
import { panView, roundView, zoomView } from './viewMath';

const FALLBACK_VIEW = { x: [-2, 2] as [number, number], y: [-2, 2] as [number, number] };

export function ContourPlot({ size = PLOT_SIZE }: { size?: number }) {
  const grid = useStore((s) => s.grid);
  const traces = useStore((s) => s.traces);
  const revision = useStore((s) => s.revision);
  const hoverStep = useStore((s) => s.hoverStep);
  const scrubStep = useStore((s) => s.scrubStep);
  const fadeTail = useStore((s) => s.fadeTail);
  const criticalPoints = useStore((s) => s.criticalPoints);
  const fn = useStore((s) => s.fn);
  const stale = useStore((s) => contoursStale(s.grid, s.fn));
  const view = useStore((s) => s.view) ?? grid?.view ?? FALLBACK_VIEW;
  const scales = usePlotScales(view, size);
  const targetRef = useRef<SVGRectElement>(null);
  /** Pointer-down position and the view then; a move of more than a few pixels is a pan. */
  const drag = useRef<{ px: number; py: number; view: typeof view; moved: boolean } | null>(null);
  /** Touch: the fingers down (pixels), and a pinch's last spread and centre; a pinch never ends in a tap. */
  const fingers = useRef(new Map<number, { px: number; py: number }>());
  const pinch = useRef<{ spread: number; cx: number; cy: number } | null>(null);

  const toData = (e: { clientX: number; clientY: number }) => {
    const rect = targetRef.current!.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    return { px, py, x: scales.x.invert(px), y: scales.y.invert(py) };
  };

  // The contours are rasterized for this plot's drawing area, in device pixels.
  useEffect(() => {
    const dpr = window.devicePixelRatio || 1;
    setContourRaster(scales.width * dpr, scales.height * dpr);
  }, [scales.width, scales.height]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling. It sits on the whole
  // plot (critical-point glyphs, axes and margins included) and is registered once, reading the
  // latest window through a ref: a wheel event that landed outside the zoom target, or between
  // two registrations, used to scroll the page, and fast wheeling latched the scroll onto it.
  const stackRef = useRef<HTMLDivElement>(null);
  const latest = useRef({ view, toData });
  latest.current = { view, toData };
  useEffect(() => {
    const el = stackRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { view: v, toData: at } = latest.current;
      const { x, y } = at(e);
      setView(roundView(zoomView(v, x, y, Math.pow(1.0015, e.deltaY))));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  /** The two fingers' distance and centre, in pixels. */
  const spreadOf = () => {
    const [a, b] = [...fingers.current.values()];
    return { spread: Math.hypot(a.px - b.px, a.py - b.py), cx: (a.px + b.px) / 2, cy: (a.py + b.py) / 2 };
  };
  /** Pinch: zoom by the change of spread about the fingers' centre, and pan as the centre moves. */
  const onPinchMove = () => {
    const last = pinch.current!;
    const now = spreadOf();
    if (!(now.spread > 0 && last.spread > 0)) return;
    const moved = panView(view, scales.x.invert(last.cx) - scales.x.invert(now.cx), scales.y.invert(last.cy) - scales.y.invert(now.cy));
    setView(roundView(zoomView(moved, scales.x.invert(now.cx), scales.y.invert(now.cy), last.spread / now.spread)));
    pinch.current = now;
  };

  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    const { px, py } = toData(e);
    drag.current = { px, py, view, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
    if (e.pointerType !== 'touch') return;
    fingers.current.set(e.pointerId, { px, py });
    if (fingers.current.size === 2) pinch.current = spreadOf();
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    const { px, py, x, y } = toData(e);
    if (fingers.current.has(e.pointerId)) fingers.current.set(e.pointerId, { px, py });
    if (pinch.current) {
      if (fingers.current.size === 2) onPinchMove();
      return;
    }
    const d = drag.current;
    if (d && (d.moved || Math.hypot(px - d.px, py - d.py) > 4)) {
      d.moved = true;
      const dx = scales.x.invert(d.px) - scales.x.invert(px);
      const dy = scales.y.invert(d.py) - scales.y.invert(py);
      setView(roundView(panView(view, dx, dy)));
      d.px = px;
      d.py = py;
      return;
    }
    probeEnter();
    void probeAt(x, y);
    useStore.setState({ hoverStep: nearestStep(traces, scales, px, py) });
  };
  // Keyboard: with the plot focused the arrow keys move run 1's start (shift: farther) and restart.
  const start = useStore((s) => s.experiment.runs[0]?.start ?? s.surface?.start);
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const d = arrowDirection(e.key);
    if (!d || !start || e.metaKey || e.ctrlKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation(); // the page's own arrow keys (step, scrub) stay off while the plot has focus
    const f = nudgeFraction(e.shiftKey);
    setStart(Number((start[0] + d[0] * f * (view.x[1] - view.x[0])).toPrecision(6)), Number((start[1] + d[1] * f * (view.y[1] - view.y[0])).toPrecision(6)));
  };
  const onPointerUp = (e: PointerEvent<SVGRectElement>) => {
    fingers.current.delete(e.pointerId);
    if (pinch.current) {
      // The pinch ends when every finger is up; no tap, no pan with the finger left.
      drag.current = null;
      if (fingers.current.size === 0) pinch.current = null;
      return;
    }
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved) {
      const { x, y } = toData(e);
      setStart(Number(x.toPrecision(6)), Number(y.toPrecision(6)));
    }
  };

  return (
    <div className="plot-stack" ref={stackRef} style={{ width: size, height: size, overscrollBehavior: 'contain' }}>
    {grid && <ContourLayer grid={grid} scales={scales} size={size} stale={stale} />}
    <svg width={size} height={size} className="plot" role="img" aria-label="Contour plot with optimizer paths" data-testid="plot" tabIndex={0} aria-description="arrow keys move run 1's start point (shift: farther)" onKeyDown={onKeyDown}>
      <defs>
        <clipPath id="plot-clip">
          <rect width={scales.width} height={scales.height} />
        </clipPath>
      </defs>
      <g transform={`translate(${PLOT_MARGIN.left},${PLOT_MARGIN.top})`}>
        <g clipPath="url(#plot-clip)">
          <rect
            width={scales.width}
            height={scales.height}
            fill="transparent"
            ref={targetRef}
            style={{ cursor: drag.current?.moved ? 'grabbing' : 'crosshair', touchAction: 'none' }}
            data-testid="plot-click-target"
            aria-label="Click to set the start point, drag to pan, scroll to zoom"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={(e) => {
              fingers.current.delete(e.pointerId);
              drag.current = null;
              if (fingers.current.size === 0) pinch.current = null;
            }}
            onPointerLeave={probeLeave}
          />
          {criticalPoints && <CriticalPointsLayer points={criticalPoints} scales={scales} />}
          <g pointerEvents="none">
            <TrajectoryLayer traces={traces} scales={scales} revision={revision} hoverStep={hoverStep} upTo={scrubStep} fadeTail={fadeTail} />
          </g>
        </g>
        <Axes scales={scales} names={fn ? planeLabels(fn) : undefined} />
      </g>
    </svg>
    </div>
  );
}
