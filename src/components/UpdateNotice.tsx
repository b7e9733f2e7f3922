// "A new version is available — reload": shown when the service worker has a newer build
// waiting. The running version keeps running until the user reloads.
import { dismissUpdate, reloadToUpdate, useAppUpdate } from '../state/appUpdate';
import './updateNotice.css';

export function UpdateNotice() {
  const waiting = useAppUpdate((s) => s.waiting);
  if (!waiting) return null;
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      <span>A new version is available — reload to use it.</span>
      <button type="button" onClick={reloadToUpdate}>
        Reload
      </button>
      <button type="button" aria-label="Later" onClick={dismissUpdate}>
        Later
      </button>
    </div>
  );
}
