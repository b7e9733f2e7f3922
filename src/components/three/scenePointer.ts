// The 3D view's pointer, apart from the camera's drags: hovering (at most one pick per display
// frame) and a click or tap that did not drag (a second finger makes a pinch, not a tap).
const TAP_SLOP_PX = 6;

export interface PointerHandlers {
  /** The pointer rests over the canvas at these client coordinates (not while dragging). */
  hover(clientX: number, clientY: number): void;
  /** The pointer left the canvas. */
  leave(): void;
  /** A click or tap that did not drag. */
  tap(clientX: number, clientY: number): void;
}

export class ScenePointer {
  private down: { id: number; x: number; y: number; others: boolean } | null = null;
  private active = new Set<number>();
  private hoverAt: { x: number; y: number } | null = null;
  private disposed = false;

  constructor(
    private canvas: HTMLCanvasElement,
    private handlers: PointerHandlers,
  ) {
    for (const [type, listener] of this.listeners()) canvas.addEventListener(type, listener as EventListener);
  }

  private listeners(): [string, (e: never) => void][] {
    return [
      ['pointerdown', this.onDown],
      ['pointermove', this.onMove],
      ['pointerup', this.onUp],
      ['pointercancel', this.onCancel],
      ['pointerleave', this.onLeave],
    ];
  }

  private onDown = (e: PointerEvent) => {
    this.active.add(e.pointerId);
    const others = this.active.size > 1;
    if (this.down) this.down.others = true;
    this.down = { id: e.pointerId, x: e.clientX, y: e.clientY, others };
    this.canvas.focus({ preventScroll: true });
  };

  private onMove = (e: PointerEvent) => {
    if (this.active.size > 0) return; // dragging: the controls move the camera
    const first = this.hoverAt === null;
    this.hoverAt = { x: e.clientX, y: e.clientY };
    if (!first) return;
    requestAnimationFrame(() => {
      const at = this.hoverAt;
      this.hoverAt = null;
      if (at && !this.disposed) this.handlers.hover(at.x, at.y);
    });
  };

  private onUp = (e: PointerEvent) => {
    this.active.delete(e.pointerId);
    const d = this.down;
    if (!d || d.id !== e.pointerId) return;
    this.down = null;
    if (d.others || Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_SLOP_PX) return;
    this.handlers.tap(e.clientX, e.clientY);
  };

  private onCancel = (e: PointerEvent) => {
    this.active.delete(e.pointerId);
    this.down = null;
  };

  private onLeave = () => {
    this.hoverAt = null;
    if (this.active.size === 0) this.handlers.leave();
  };

  dispose(): void {
    this.disposed = true;
    for (const [type, listener] of this.listeners()) this.canvas.removeEventListener(type, listener as EventListener);
  }
}
