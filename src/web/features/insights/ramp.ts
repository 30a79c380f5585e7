import type { Ramp } from '../field/colourRamps.ts';

/** Territories by the contacts they still need: green when covered, to deep red the furthest behind. */
export const SHORTNESS_RAMP: Ramp = [
  [0, '#2f9e44'],
  [0.25, '#ffd43b'],
  [0.6, '#fd7e14'],
  [1, '#a61e4d'],
];
