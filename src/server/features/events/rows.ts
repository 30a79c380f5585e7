import { sql, type SQL } from 'drizzle-orm';
import type { EventSummary, EventType } from '../../../contracts/events.ts';
import type { PlacePrecision } from '../../../contracts/places.ts';
import { distanceKm } from '../../core/geo/place.ts';

/** The columns every event answer reads, for `FROM events e`. */
export const summaryColumns: SQL = sql.raw(
  `e.id, e.type, e.title, e.starts_at, e.ends_at, e.lat, e.lng, e.precision, e.place_label,
   e.commune_code, e.online_url IS NOT NULL AS online, e.committee_id, e.going, e.capacity,
   e.status`,
);

export interface SummaryRow {
  id: number | string;
  type: EventType;
  title: string;
  starts_at: Date | string;
  ends_at: Date | string;
  lat: number | null;
  lng: number | null;
  precision: string | null;
  place_label: string | null;
  commune_code: string | null;
  online: boolean;
  committee_id: number | string | null;
  going: number;
  capacity: number | null;
  status: EventSummary['status'];
}

export function toSummary(
  row: SummaryRow,
  from: { lat: number; lng: number } | null,
  committeeNames: ReadonlyMap<number, string>,
): EventSummary {
  const place =
    row.lat === null || row.lng === null
      ? null
      : {
          lat: Number(row.lat),
          lng: Number(row.lng),
          precision: row.precision as PlacePrecision,
          label: row.place_label ?? '',
          communeCode: row.commune_code,
        };
  return {
    id: Number(row.id),
    type: row.type,
    title: row.title,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    place,
    online: row.online,
    committeeId: row.committee_id === null ? null : Number(row.committee_id),
    committeeName:
      row.committee_id === null ? null : (committeeNames.get(Number(row.committee_id)) ?? null),
    going: Number(row.going),
    capacity: row.capacity,
    status: row.status,
    distanceKm: from && place ? distanceKm(from, place) : null,
  };
}

/** The summaries of rows, with their committees' names. */
export async function toSummaries(
  rows: SummaryRow[],
  from: { lat: number; lng: number } | null,
  names: (ids: number[]) => Promise<ReadonlyMap<number, string>>,
): Promise<EventSummary[]> {
  const ids = [
    ...new Set(rows.flatMap((r) => (r.committee_id === null ? [] : [Number(r.committee_id)]))),
  ];
  const committeeNames = await names(ids);
  return rows.map((row) => toSummary(row, from, committeeNames));
}
