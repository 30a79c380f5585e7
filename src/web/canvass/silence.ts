import type { CanvassPack } from '../../contracts/field-visits.ts';

export type Silence = CanvassPack['silences'][number];

/**
 * The pre-election silence (L49) that holds at `now`, if any: from its start (included) to its
 * end (excluded). Offline, the app refuses to start a session inside one, as the server would.
 */
export function silenceAt(silences: readonly Silence[], now: Date): Silence | null {
  const at = now.getTime();
  return (
    silences.find((window) => Date.parse(window.from) <= at && at < Date.parse(window.until)) ??
    null
  );
}
