// Arrow keys as a pointer: the plot's start point and the chart's eps line move by keyboard.
// One step is a fiftieth of the span (shift: a fifth), so a few presses cross the view.

/** [dx, dy] in units of one step for an arrow key (up is +y), or null for any other key. */
export function arrowDirection(key: string): [number, number] | null {
  switch (key) {
    case 'ArrowLeft':
      return [-1, 0];
    case 'ArrowRight':
      return [1, 0];
    case 'ArrowUp':
      return [0, 1];
    case 'ArrowDown':
      return [0, -1];
    default:
      return null;
  }
}

/** The fraction of the span one press moves. */
export const nudgeFraction = (shift: boolean): number => (shift ? 0.2 : 0.02);
