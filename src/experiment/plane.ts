// Which plane the explorer draws a function problem on: two coordinates (numbered from 0 here,
// from 1 in the link and on screen), or the plane of the selected run's two principal
// components. What the share link's `plane=` field carries (link/plane.ts); not part of the
// Experiment (it shapes no run).

export type PlaneChoice = { kind: 'coordinates'; axes: [number, number] } | { kind: 'pca' };

/** Why `choice` does not fit a function of dimension `dim`, or null when it does. */
export function planeChoiceProblem(choice: PlaneChoice, dim: number): string | null {
  if (choice.kind === 'pca') return null;
  const [i, j] = choice.axes;
  if (i === j) return `the two coordinates must differ (got x${i + 1} twice)`;
  const outside = choice.axes.find((a) => a >= dim);
  return outside === undefined ? null : `coordinate x${outside + 1} does not exist in dimension ${dim}`;
}
