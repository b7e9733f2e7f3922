// The explorer's actions, one module per concern: the run stream (runStream.ts), contours and
// critical points (contourGrid.ts), the pointer's probe (probe.ts), playback (playback.ts) and
// edits (edit.ts). Views import them from here.
export { startExperiment } from './runStream';
export { setContourRaster, setView } from './contourGrid';
export { probeAt, probeEnter, probeLeave } from './probe';
export { cancelStep, pause, play, reset, setSpeed, step } from './playback';
export { editExperiment, setStart } from './edit';
