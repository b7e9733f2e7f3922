// The network problem's view: the network panel (dataset and decision boundary, loss charts,
// verdicts, loss-landscape slice) fed from the store.
import { requestSlice, selectRun } from '../state/network';
import { useStore } from '../state/store';
import { NetworkPanel } from './nets/NetworkPanel';
import { useElementWidth } from './useElementWidth';

export function NetworkView() {
  const traces = useStore((s) => s.netTraces);
  const revision = useStore((s) => s.revision);
  const gradTol = useStore((s) => s.experiment.stop.gradTol);
  const info = useStore((s) => s.netInfo);
  const decision = useStore((s) => s.decision);
  const slice = useStore((s) => s.slice);
  const sliceBusy = useStore((s) => s.sliceBusy);
  const selectedRun = useStore((s) => s.selectedRun);
  const { ref, width } = useElementWidth<HTMLDivElement>(900);
  return (
    <div ref={ref}>
      <NetworkPanel
        traces={traces}
        revision={revision}
        gradTol={gradTol}
        info={info}
        decision={decision}
        slice={slice}
        sliceBusy={sliceBusy}
        selectedRun={selectedRun}
        onSelectRun={selectRun}
        onRequestSlice={(req) => void requestSlice(req)}
        width={width}
      />
    </div>
  );
}
