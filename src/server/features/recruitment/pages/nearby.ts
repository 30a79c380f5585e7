import type { AppContext } from '../../../core/context.ts';
import type { Locale } from './i18n.ts';

/**
 * What a feature shows a person who has just confirmed their sign-up, near where they live
 * (the committees, the events): a section with its own heading, drawn by the server.
 */
export interface NearbySection {
  /** The section's style rules (a `<style>` element), put in the page's head. */
  style: string;
  /** The section for a person living at `at` (their commune's point); '' for nothing. */
  render(ctx: AppContext, at: NearbyPoint, locale: Locale): Promise<string>;
}

export interface NearbyPoint {
  lat: number;
  lng: number;
}

/** The query string of a search from that point (the committees', the events'). */
export const nearbyQuery = (at: NearbyPoint) =>
  new URLSearchParams({ lat: at.lat.toFixed(5), lng: at.lng.toFixed(5) }).toString();

/** How far "near" reaches, in kilometres; further committees and events are not shown. */
export const NEARBY_KM = 50;
/** How many of each are shown. */
export const NEARBY_COUNT = 3;
