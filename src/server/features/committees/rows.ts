import { sql, type SQL } from 'drizzle-orm';
import type { CommitteeStatus, CommitteeSummary } from '../../../contracts/committees.ts';
import type { PlacePrecision } from '../../../contracts/places.ts';
import { distanceKm } from '../../core/geo/place.ts';

/** The columns every committee answer reads, for `FROM committees c`. */
export const summaryColumns: SQL = sql.raw(
  `c.id, c.name, c.lat, c.lng, c.precision, c.place_label, c.commune_code, c.member_count,
   c.certified_at IS NOT NULL AS certified, c.status`,
);

export interface SummaryRow {
  id: number | string;
  name: string;
  lat: number;
  lng: number;
  precision: string;
  place_label: string;
  commune_code: string | null;
  member_count: number;
  certified: boolean;
  status: CommitteeStatus;
}

export function toSummary(
  row: SummaryRow,
  from: { lat: number; lng: number } | null,
): CommitteeSummary {
  const place = {
    lat: Number(row.lat),
    lng: Number(row.lng),
    precision: row.precision as PlacePrecision,
    label: row.place_label,
    communeCode: row.commune_code,
  };
  return {
    id: Number(row.id),
    name: row.name,
    place,
    memberCount: Number(row.member_count),
    certified: row.certified,
    distanceKm: from ? distanceKm(from, place) : null,
  };
}
