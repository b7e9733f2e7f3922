// Where an animation export of the race stands: the frame being drawn (for the progress line)
// and how to cancel it. null when none is running.
import { create } from 'zustand';

export interface RaceAnimationProgress {
  frame: number;
  total: number;
  cancel: () => void;
}

export const useRaceAnimation = create<{ progress: RaceAnimationProgress | null }>(() => ({ progress: null }));
