import type { Database } from '../../../core/db/index.ts';
import type { PlaceSource } from '../../../core/geo/place-source.ts';
import { placeOnStreet, type AddressRow } from './choose.ts';
import { communeMeanSql, streetRowsSql } from './sql.ts';

/**
 * The campaign's imported Base Adresse Nationale addresses as a place source: a typed number
 * on a typed street, else the street, else the commune at the mean of its addresses (nearer
 * where people live than a reference centre). A campaign's addresses answer its own requests
 * only: every statement is keyed by the request's campaign.
 */
export function fieldPlaceSource(database: Pick<Database, 'query'>): PlaceSource {
  return {
    async place(request) {
      const codes = request.communes.flatMap((c) => c.addressCodes);
      const typed = request.street;
      if (typed?.street) {
        const rows = await database.query<AddressRow>(
          streetRowsSql(request.campaignId, codes, typed.street),
        );
        const found = rows.length > 0 ? placeOnStreet(request, typed, rows) : null;
        if (found) return found;
      }
      // A postal code serving several communes names none of them.
      if (request.communes.length !== 1) return null;
      const [mean] = await database.query<{ n: number; lon: number | null; lat: number | null }>(
        communeMeanSql(request.campaignId, codes),
      );
      if (!mean || mean.n === 0 || mean.lon === null || mean.lat === null) return null;
      return {
        lat: Number(mean.lat),
        lng: Number(mean.lon),
        precision: 'commune',
        communeCode: request.communes[0].code,
        streetLabel: null,
        postalCode: null,
      };
    },
  };
}
