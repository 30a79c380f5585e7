import { useEffect, useState } from 'react';

export type PositionState =
  | { status: 'pending' }
  | { status: 'ok'; lat: number; lng: number; accuracy: number }
  /** The volunteer (or the browser's settings) said no. */
  | { status: 'denied' }
  /** No fix yet or any more (indoors, no GPS signal): it may come back. */
  | { status: 'unavailable' }
  | { status: 'unsupported' };

/**
 * The volunteer's position while the walk list is open. Everything works without it: a
 * refusal or a lost signal is a state to say calmly, never an error to stop on.
 */
export function usePosition(): PositionState {
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;
  const [state, setState] = useState<PositionState>(
    supported ? { status: 'pending' } : { status: 'unsupported' },
  );
  useEffect(() => {
    if (!supported) return;
    const watch = navigator.geolocation.watchPosition(
      (position) =>
        setState({
          status: 'ok',
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: position.coords.accuracy,
        }),
      (error) =>
        setState(
          error.code === error.PERMISSION_DENIED ? { status: 'denied' } : { status: 'unavailable' },
        ),
      { enableHighAccuracy: true, maximumAge: 15_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [supported]);
  return state;
}
