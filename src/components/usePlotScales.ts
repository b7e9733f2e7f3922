// The one pair of d3 scales shared by every layer of the plot: data <-> pixels.
import { scaleLinear, type ScaleLinear } from 'd3';
import { useMemo } from 'react';
import type { ViewWindow } from '../experiment/types';

export interface PlotScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  width: number;
  height: number;
}

export const PLOT_MARGIN = { top: 12, right: 22, bottom: 34, left: 46 };
/** The plot's side in CSS pixels. */
export const PLOT_SIZE = 600;

export function usePlotScales(view: ViewWindow, size: number): PlotScales {
  return useMemo(() => {
    const width = size - PLOT_MARGIN.left - PLOT_MARGIN.right;
    const height = size - PLOT_MARGIN.top - PLOT_MARGIN.bottom;
    return {
      x: scaleLinear().domain(view.x).range([0, width]),
      y: scaleLinear().domain(view.y).range([height, 0]),
      width,
      height,
    };
  }, [view.x[0], view.x[1], view.y[0], view.y[1], size]);
}
