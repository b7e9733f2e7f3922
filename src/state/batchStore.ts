// The basin and sweep maps' settings: a zustand store of their own, beside the app's. The URL
// codec carries them (BatchSettings is plain JSON) and sanitizes what it decodes.
import { create } from 'zustand';
import { type BasinSettings, type BatchSettings, defaultBatchSettings, type SweepSettings } from '../batch/batchSettings';

export const useBatchStore = create<BatchSettings>(() => defaultBatchSettings());

export function setBasinSettings(basins: BasinSettings): void {
  useBatchStore.setState({ basins });
}

export function setCompareSettings(compare: BasinSettings | null): void {
  useBatchStore.setState({ compare });
}

export function setSweepSettings(sweep: SweepSettings): void {
  useBatchStore.setState({ sweep });
}
