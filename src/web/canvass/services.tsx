import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { CanvassDb } from './db.ts';
import type { SyncLoop } from './sync.ts';
import { silenceAt } from './silence.ts';
import { openTurf, type OpenedTurf, type TurfServer } from './turf-open.ts';

/** A small store of one value that components follow. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export const useStore = <T,>(store: Store<T>): T =>
  useSyncExternalStore(store.subscribe, store.get);

/** A turf opened this long ago is opened again (a new session, a fresh pack) on the next screen. */
const OPENED_FOR_MS = 30 * 60_000;

type ReadyTurf = Extract<OpenedTurf, { kind: 'ready' }>;

/**
 * Turfs opened in this visit of the app: a session is started once per turf (not again each
 * time the volunteer comes back from an address), for half an hour at most and never into a
 * silence that began since (an app left open overnight); a refusal is asked again on retry.
 */
export class TurfOpener {
  private readonly opened = new Map<number, { turf: ReadyTurf; at: number }>();
  private readonly opening = new Map<number, Promise<OpenedTurf>>();

  constructor(
    private readonly db: CanvassDb,
    private readonly server: TurfServer,
    private readonly now: () => number = Date.now,
  ) {}

  peek(turfId: number): OpenedTurf | null {
    const known = this.opened.get(turfId);
    if (!known) return null;
    const at = this.now();
    if (at - known.at > OPENED_FOR_MS || silenceAt(known.turf.pack.silences, new Date(at))) {
      this.opened.delete(turfId);
      return null;
    }
    return known.turf;
  }

  open(turfId: number): Promise<OpenedTurf> {
    const known = this.peek(turfId);
    if (known) return Promise.resolve(known);
    let pending = this.opening.get(turfId);
    if (!pending) {
      pending = openTurf(this.db, turfId, this.server, () => new Date(this.now()))
        .catch((): OpenedTurf => ({ kind: 'error' }))
        .then((result) => {
          this.opening.delete(turfId);
          if (result.kind === 'ready') this.opened.set(turfId, { turf: result, at: this.now() });
          return result;
        });
      this.opening.set(turfId, pending);
    }
    return pending;
  }
}

export interface CanvassServices {
  db: CanvassDb;
  sync: SyncLoop;
  turfs: TurfOpener;
  /** A short message said once (a visit saved, a leaflet dropped). */
  flash: Store<{ text: string; at: number } | null>;
  /** The address the volunteer last opened, to bring them back to it in the list. */
  lastAddress: Store<number | null>;
  /** A new version of the app waits; calling it reloads into it. */
  update: Store<(() => void) | null>;
}

const ServicesContext = createContext<CanvassServices | null>(null);
export const ServicesProvider = ServicesContext.Provider;

export function useServices(): CanvassServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider is missing');
  return services;
}

/** The turf opened for this screen: null while it opens; `retry` asks again after a refusal. */
export function useOpenedTurf(turfId: number): { opened: OpenedTurf | null; retry: () => void } {
  const { turfs } = useServices();
  const [result, setResult] = useState<{ turfId: number; opened: OpenedTurf } | null>(() => {
    const known = turfs.peek(turfId);
    return known ? { turfId, opened: known } : null;
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void turfs.open(turfId).then((opened) => {
      if (live) setResult({ turfId, opened });
    });
    return () => {
      live = false;
    };
  }, [turfs, turfId, attempt]);
  return {
    opened: result?.turfId === turfId ? result.opened : null,
    retry: () => {
      setResult(null);
      setAttempt((n) => n + 1);
    },
  };
}
