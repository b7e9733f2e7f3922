// The network panel on its own (nets.html?panel): the engine runs on the page's main thread and
// feeds the panel through its plain props, as the lead's store will from the worker. A visual
// check of the components and the proof that they need nothing but props.
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Experiment } from '../../src/experiment/types';
import { NetworkPanel, type SliceRequest } from '../../src/components/nets/NetworkPanel';
import { appendNetChunk, emptyNetTrace, type NetTrace } from '../../src/state/netTraces';
import { predictGrid } from '../../src/nets/decision';
import { createNetworkEngine } from '../../src/nets/engine';
import { type LandscapeSlice, landscapeSlice } from '../../src/nets/slice';
import type { DecisionGrid, NetworkInfo } from '../../src/workers/netApi';

const experiment: Experiment = {
  v: 1,
  problem: { kind: 'network', dataset: 'moons', samples: 300, noise: 0.15, hidden: [8, 8], activation: 'tanh', batchSize: 0 },
  runs: [
    { optimizer: 'adam', params: { lr: 0.02 } },
    { optimizer: 'sgd', params: { lr: 0.3, momentum: 0.9 } },
  ],
  stop: { maxSteps: 600, gradTol: 1e-4 },
  seed: 1,
};

function Demo() {
  const built = useRef(createNetworkEngine(experiment));
  const engine = built.current.ok ? built.current.engine : null;
  const traces = useRef<NetTrace[]>(engine ? engine.labels.map((l, i) => emptyNetTrace(l, i)) : []);
  const [revision, setRevision] = useState(0);
  const [decision, setDecision] = useState<DecisionGrid | null>(null);
  const [slice, setSlice] = useState<LandscapeSlice | null>(null);
  const [selected, setSelected] = useState(0);
  const info: NetworkInfo | null = engine ? { sizes: engine.net.sizes, weightCount: engine.net.weightCount, data: engine.data } : null;

  useEffect(() => {
    if (!engine) return;
    let frame = 0;
    const tick = () => {
      for (const chunk of engine.advance(10)) appendNetChunk(traces.current[chunk.run], chunk);
      setDecision({ run: selected, step: engine.step(selected), n: 64, view: engine.data.view, values: predictGrid(engine.net, engine.weights(selected), engine.data.view, 64) });
      setRevision((r) => r + 1);
      if (!engine.done) frame = requestAnimationFrame(tick);
      else document.body.dataset.done = 'true';
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [engine, selected]);

  const request = (r: SliceRequest) => engine && setSlice(landscapeSlice(engine, r.run, { directions: r.directions, n: r.n }));
  if (!built.current.ok) return <pre>{JSON.stringify(built.current.errors)}</pre>;
  return (
    <NetworkPanel
      traces={traces.current}
      revision={revision}
      gradTol={experiment.stop.gradTol}
      info={info}
      decision={decision}
      slice={slice}
      selectedRun={selected}
      onSelectRun={setSelected}
      onRequestSlice={request}
      width={1300}
    />
  );
}

export function mountDemo(root: HTMLElement): void {
  createRoot(root).render(<Demo />);
}
