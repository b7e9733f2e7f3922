// The current error, on screen and dismissible; nothing else is lost when it shows.
import { useStore } from '../state/store';

export function ErrorBanner() {
  const error = useStore((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error">
      <span>{error}</span>
      <button type="button" aria-label="Dismiss error" onClick={() => useStore.setState({ error: null })}>
        ×
      </button>
    </div>
  );
}
