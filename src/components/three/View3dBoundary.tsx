// Where a 3D view goes: a "Loading" box of its size while three.js loads, and a line instead of
// the view when it cannot start (no WebGL, or its code failed to load), not a broken page.
import { Component, Suspense, type ReactNode } from 'react';

class View3dBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  render() {
    return this.state.error === null ? this.props.children : <p className="view3d-error" role="alert">The 3D view could not start ({this.state.error}). It needs WebGL.</p>;
  }
}

/** `children`: a lazily loaded 3D view of side `size`. */
export function View3dSlot({ size, children }: { size: number; children: ReactNode }) {
  return (
    <View3dBoundary>
      <Suspense fallback={<div className="view3d-loading" style={{ width: size, height: size }}>Loading the 3D view…</div>}>{children}</Suspense>
    </View3dBoundary>
  );
}
