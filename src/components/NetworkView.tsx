// The network problem's view: the network panel (dataset and decision boundary, loss charts,
// verdicts, loss-landscape slice) fed from the store.
import { requestSlice, selectRun } from '../state/network';
import { useStore } from '../state/store';
import { NetworkPanel } from './nets/NetworkPanel';
import { useElementWidth } from './useElementWidth';

export function NetworkView() {
  const s = useStore((st) => st);
  const { ref, width } = useElementWidth<HTMLDivElement>(900);
  return (
    <div ref={ref}>
      <NetworkPanel
        traces={s.netTraces}
        revision={s.revision}
        gradTol={s.experiment.stop.gradTol}
        info={s.netInfo}
        decision={s.decision}
        slice={s.slice}
        sliceBusy={s.sliceBusy}
        selectedRun={s.selectedRun}
        onSelectRun={selectRun}
        onRequestSlice={(req) => void requestSlice(req)}
        width={width}
      />
    </div>
  );
}
