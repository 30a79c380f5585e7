import type { StyleSpecification } from 'maplibre-gl';

/**
 * The map's base: a plain background with no tile server, so maps work offline and send
 * nothing to a third party. Features draw their own landmarks on it (a committee's place,
 * communes' centres). To use real tiles, return their style here (or fetch it from a style
 * URL): every map of the app starts from this one function.
 */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f0' } }],
  };
}
