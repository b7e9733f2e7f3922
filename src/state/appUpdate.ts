// The app's service worker (vite-plugin-pwa, Workbox): it precaches the build so the lab works
// offline. A new version never swaps code silently: once it is downloaded the page shows a
// notice, and only the user's "Reload" activates it (and reloads).
/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { create } from 'zustand';

export interface AppUpdateState {
  /** A new version is installed and waiting. */
  waiting: boolean;
  /** The build is cached: the app now works offline. */
  offlineReady: boolean;
}

export const useAppUpdate = create<AppUpdateState>(() => ({ waiting: false, offlineReady: false }));

let update: ((reload?: boolean) => Promise<void>) | null = null;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => useAppUpdate.setState({ waiting: true }),
    onOfflineReady: () => useAppUpdate.setState({ offlineReady: true }),
  });
}

/** Activates the waiting version and reloads the page on it. */
export function reloadToUpdate(): void {
  void update?.(true);
}

export function dismissUpdate(): void {
  useAppUpdate.setState({ waiting: false });
}
