/** Imported addresses written straight into `field_addresses`, for the geocoding tests. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../core/db/index.ts';

export interface TestAddress {
  communeCode: string;
  communeName: string;
  postalCode: string | null;
  streetKey: string;
  streetName: string;
  number: number;
  suffix?: string | null;
  lon: number;
  lat: number;
}

let serial = 0;

export async function insertAddresses(
  database: Pick<Database, 'query'>,
  campaignId: number,
  addresses: readonly TestAddress[],
) {
  for (const a of addresses) {
    serial += 1;
    await database.query(
      sql`INSERT INTO field_addresses (campaign_id, ban_id, street_key, street_name, number, suffix,
                 postal_code, commune_code, commune_name, lon, lat, location)
          VALUES (${campaignId}, ${`${a.streetKey}_${serial}`}, ${a.streetKey}, ${a.streetName},
                  ${a.number}, ${a.suffix ?? null}, ${a.postalCode}, ${a.communeCode},
                  ${a.communeName}, ${a.lon}, ${a.lat}, point(${a.lon}, ${a.lat}))`,
    );
  }
}

/** Points along a street: `count` doors 20 m apart eastwards from `start`. */
export function street(
  base: Omit<TestAddress, 'number' | 'lon' | 'lat' | 'suffix'>,
  start: { lon: number; lat: number },
  numbers: Array<number | [number, string]>,
): TestAddress[] {
  return numbers.map((n, i) => {
    const [number, suffix] = Array.isArray(n) ? n : [n, null];
    return { ...base, number, suffix, lon: start.lon + i * 0.00026, lat: start.lat };
  });
}
