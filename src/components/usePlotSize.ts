// The plot's side in CSS pixels: as wide as its column allows and short enough that the legend
// and readout under it stay in the window (so at 1,024 x 768 the whole first screen fits without
// scrolling), between MIN_PLOT and PLOT_SIZE.
import { useEffect, useRef, useState } from 'react';
import { PLOT_SIZE } from './usePlotScales';

const MIN_PLOT = 320;
/** Room kept under the plot for the colour bar, the critical-point legend and the readout. */
const BELOW_PLOT = 100;

export function usePlotSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(PLOT_SIZE);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      const byWidth = Math.floor(el.clientWidth);
      const byHeight = Math.floor(window.innerHeight - top - BELOW_PLOT);
      setSize(Math.max(MIN_PLOT, Math.min(PLOT_SIZE, byWidth, byHeight)));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return { ref, size };
}
