import type { PlaceRequest, SourcePlace } from '../../../core/geo/place-source.ts';
import { looselyNames, streetWords, type StreetLine } from '../../../core/geo/street-line.ts';

/** An imported address on a street whose name's last word is the typed street's. */
export interface AddressRow {
  commune_code: string;
  street_key: string;
  street_name: string;
  number: number;
  suffix: string | null;
  postal_code: string | null;
  lon: number;
  lat: number;
}

interface Street {
  name: string;
  fold: string;
  words: string[];
  rows: AddressRow[];
}

/**
 * Streets of one name further apart than this are two streets (a "Grande Rue" in each former
 * commune of a commune nouvelle): a street or a number on them names neither.
 */
const SAME_PLACE_METRES = 1_000;

/**
 * The address or the street a typed line names among the rows found by its key: an address
 * when its number (and suffix, or failing that the number alone) is on the street, else the
 * street's middle (the address nearest the mean of its addresses). Null when no street has the
 * typed name, or when streets of that name far apart leave it open.
 */
export function placeOnStreet(
  request: PlaceRequest,
  typed: StreetLine,
  rows: readonly AddressRow[],
): SourcePlace | null {
  const streets = streetsOf(rows);
  const typedWords = streetWords(typed.street);
  const typedFold = typedWords.join(' ');
  let named = streets.filter((s) => s.fold === typedFold);
  if (named.length === 0) {
    const loose = streets.filter((s) => looselyNames(typedWords, s.words));
    // "Hugo" may be the Rue or the Place Victor Hugo: only one name will do.
    if (new Set(loose.map((s) => s.fold)).size === 1) named = loose;
  }
  if (named.length === 0) return null;
  // Homonyms in former communes of a commune nouvelle often keep their own postal codes.
  const postal = request.postalCode;
  const withPostal = named.filter((s) => s.rows.some((r) => postal && r.postal_code === postal));
  if (withPostal.length > 0) named = withPostal;
  const communeOf = (row: AddressRow) =>
    request.communes.find((c) => c.addressCodes.includes(row.commune_code))?.code;

  if (typed.number !== null) {
    const door = doorOf(named, typed);
    const communeCode = door && communeOf(door.row);
    if (door && communeCode) {
      const suffix = door.row.suffix ? ` ${door.row.suffix}` : '';
      return {
        lat: door.row.lat,
        lng: door.row.lon,
        precision: 'address',
        communeCode,
        streetLabel: `${door.row.number}${suffix} ${door.street.name}`,
        postalCode: door.row.postal_code,
      };
    }
  }
  const all = named.flatMap((s) => s.rows);
  const centre = meanOf(all);
  if (named.some((s) => metres(meanOf(s.rows), centre) > SAME_PLACE_METRES)) return null;
  const middle = all.reduce((best, row) =>
    metres(row, centre) < metres(best, centre) ? row : best,
  );
  const communeCode = communeOf(middle);
  if (!communeCode) return null;
  return {
    lat: middle.lat,
    lng: middle.lon,
    precision: 'street',
    communeCode,
    streetLabel: named.find((s) => s.rows.includes(middle))!.name,
    postalCode: middle.postal_code,
  };
}

function streetsOf(rows: readonly AddressRow[]): Street[] {
  const byKey = new Map<string, Street>();
  for (const row of rows) {
    const key = `${row.commune_code}|${row.street_key}`;
    let street = byKey.get(key);
    if (!street) {
      const words = streetWords(row.street_name);
      street = { name: row.street_name, fold: words.join(' '), words, rows: [] };
      byKey.set(key, street);
    }
    street.rows.push(row);
  }
  return [...byKey.values()];
}

/**
 * How well a held door answers the typed number's suffix: 0 the same, 1 the same written
 * otherwise ("b" and "bis"), 2 the plain number (12 for a typed 12 bis), 3 another suffix.
 */
function suffixRank(typed: string | null, held: string | null): number {
  if (typed === held) return 0;
  const long = (s: string) => ({ b: 'bis', t: 'ter', q: 'quater' })[s] ?? s;
  if (typed && held && long(typed) === long(held)) return 1;
  return held === null ? 2 : 3;
}

/** The door of the typed number on the named streets; none when doors of it are far apart. */
function doorOf(named: Street[], typed: StreetLine) {
  const doors = named.flatMap((street) =>
    street.rows
      .filter((row) => row.number === typed.number)
      .map((row) => ({ street, row, rank: suffixRank(typed.suffix, row.suffix) })),
  );
  if (doors.length === 0) return null;
  const best = Math.min(...doors.map((d) => d.rank));
  const first = doors.find((d) => d.rank === best)!;
  const apart = doors.some((d) => d.rank === best && metres(d.row, first.row) > SAME_PLACE_METRES);
  return apart ? null : first;
}

function meanOf(rows: readonly AddressRow[]) {
  return {
    lon: rows.reduce((s, r) => s + r.lon, 0) / rows.length,
    lat: rows.reduce((s, r) => s + r.lat, 0) / rows.length,
  };
}

/** Metres between two points, on a plane: good to well under 1% at a street's scale. */
function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }) {
  const dx = (a.lon - b.lon) * 111_320 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const dy = (a.lat - b.lat) * 110_574;
  return Math.hypot(dx, dy);
}
