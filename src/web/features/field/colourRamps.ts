import type { ExpressionSpecification } from 'maplibre-gl';

/** A colour ramp: [position from 0 to 1, colour as #rrggbb], positions rising. */
export type Ramp = ReadonlyArray<readonly [number, string]>;

/** Polling stations by relative priority: pale where it is lowest, deep red at the top. */
export const PRIORITY_RAMP: Ramp = [
  [0, '#fff3bf'],
  [0.5, '#fd7e14'],
  [1, '#a61e4d'],
];

/** Turfs by the share of their doors visited: none yet, then on to all. */
export const PROGRESS_RAMP: Ramp = [
  [0, '#a5d8ff'],
  [0.5, '#ffd43b'],
  [1, '#2f9e44'],
];

const channels = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));

/** The ramp's colour at `value` (clamped to 0–1), blended between its two nearest stops. */
export function rampColour(ramp: Ramp, value: number): string {
  const x = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const upper = ramp.findIndex(([at]) => at >= x);
  if (upper <= 0) return ramp[Math.max(0, upper)][1];
  const [from, fromColour] = ramp[upper - 1];
  const [to, toColour] = ramp[upper];
  const share = (x - from) / (to - from);
  const [a, b] = [channels(fromColour), channels(toColour)];
  return `#${a
    .map((channel, i) => Math.round(channel + (b[i] - channel) * share))
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** The ramp as a MapLibre `interpolate` expression over a feature's numeric property. */
export function rampExpression(ramp: Ramp, property: string) {
  return [
    'interpolate',
    ['linear'],
    ['get', property],
    ...ramp.flatMap(([at, colour]) => [at, colour]),
  ] as unknown as ExpressionSpecification;
}

/** The ramp as a CSS gradient, left to right, for a legend. */
export const rampGradient = (ramp: Ramp) =>
  `linear-gradient(to right, ${ramp.map(([at, colour]) => `${colour} ${at * 100}%`).join(', ')})`;
