import { Workbox } from 'workbox-window';
import type { Store } from './services.tsx';

/** Where the build puts the service worker (vite.config.ts), and the pages it controls. */
export const SW_URL = '/canvass-sw.js';
export const SW_SCOPE = '/canvass/';

/**
 * Registers the service worker that precaches the app for offline use. A new version waits
 * until the volunteer accepts it: reloading on its own could drop a questionnaire half filled.
 */
export function registerServiceWorker(update: Store<(() => void) | null>): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox(SW_URL, { scope: SW_SCOPE });
  workbox.addEventListener('waiting', () => {
    update.set(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
  });
  void workbox.register();
}
