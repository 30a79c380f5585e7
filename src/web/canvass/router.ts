import { useSyncExternalStore } from 'react';

/** The app's three screens, each with its own address so that a reload (even offline) returns to it. */
export type Route =
  | { screen: 'turfs' }
  | { screen: 'walk'; turfId: number }
  | { screen: 'address'; turfId: number; addressId: number };

export const BASE = '/canvass/';

export function pathOf(route: Route): string {
  switch (route.screen) {
    case 'turfs':
      return BASE;
    case 'walk':
      return `${BASE}turfs/${route.turfId}`;
    case 'address':
      return `${BASE}turfs/${route.turfId}/addresses/${route.addressId}`;
  }
}

/** The screen of an address; anything else under /canvass/ is the turf list. */
export function parseRoute(pathname: string): Route {
  const match = /^\/canvass\/turfs\/(\d{1,9})(?:\/addresses\/(\d{1,12}))?\/?$/.exec(pathname);
  if (!match) return { screen: 'turfs' };
  const turfId = Number(match[1]);
  return match[2]
    ? { screen: 'address', turfId, addressId: Number(match[2]) }
    : { screen: 'walk', turfId };
}

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const path = pathOf(route);
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  notify();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
