import type { AppContext } from '../../../core/context.ts';
import { fieldPlaceSource } from './source.ts';

/**
 * Imported addresses place what the geocoder is asked (committees, events, searches near a
 * place), for every campaign the context's geocoder serves. Called where the field feature's
 * routes are registered: geocoding happens while answering requests.
 */
export function registerFieldPlaces(ctx: AppContext) {
  ctx.geocoder.addSource('field.addresses', fieldPlaceSource(ctx.database));
}
