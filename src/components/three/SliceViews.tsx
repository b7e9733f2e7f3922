// A network's loss-landscape slice in 2D (contours), 3D (a height field, loaded with three.js on
// first use) or both, by the same 2D / 3D / Both buttons as the explorer's plot.
import { lazy } from 'react';
import type { LandscapeSlice } from '../../nets/slice';
import { useView3dStore } from '../../state/view3d';
import { LandscapeView } from '../nets/LandscapeView';
import { View3dSlot } from './View3dBoundary';
import { ViewLayoutButtons } from './ViewLayoutButtons';
import './view3d.css';

const SliceView3d = lazy(() => import('./SliceView3d'));

/** The 2D slice's side (LandscapeView's default). */
const SIZE = 360;

export function SliceViews(props: { slice: LandscapeSlice; labels: string[]; colors: string[] }) {
  const layout = useView3dStore((s) => s.layout);
  return (
    <div className="slice-views">
      <div className="view-switch" role="group" aria-label="Slice views">
        <ViewLayoutButtons />
      </div>
      <div className="views">
        {layout !== '3d' && <LandscapeView {...props} width={SIZE} height={SIZE} />}
        {layout !== '2d' && (
          <View3dSlot size={SIZE}>
            <SliceView3d size={SIZE} />
          </View3dSlot>
        )}
      </div>
    </div>
  );
}
