// The basin and sweep map panels: what the app's layout imports.
export { BasinMap, type BasinMapProps } from './BasinMap';
export { SweepMap, type SweepMapProps } from './SweepMap';
