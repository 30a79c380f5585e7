/** What the printed walk list of one turf is made from: data only, already in walk order. */

/** A WGS 84 position, longitude first as GeoJSON writes it. */
export type LonLat = [lon: number, lat: number];

export interface WalkListOutcome {
  code: string;
  /** The column's heading, e.g. "Absent", "Vacant / déménagé". */
  label: string;
}

export interface WalkListAddress {
  id: string | number;
  /** The street number; 0 when the address has none. */
  number: number;
  suffix: string | null;
  /** The number as written on the door, e.g. "12 bis"; empty for an address without one. */
  label: string;
  lon: number;
  lat: number;
  doNotVisit: boolean;
  building?: { floors?: number; doors?: number } | null;
  /** The electors the electoral list (L37) places there ("Marie Anne DURAND"), in order. */
  electors?: string[];
}

export interface WalkListStop {
  street: string;
  communeName: string;
  /** One side of the street only; null or absent: both sides. */
  side?: 'odd' | 'even' | null;
  addresses: WalkListAddress[];
}

export interface WalkListInput {
  campaignName: string;
  turfName: string;
  /** The area the turf was cut from, e.g. "Lyon 3e – bureau 0312". */
  areaLabel?: string | null;
  committeeName?: string | null;
  /** The days the turf is to be walked, as calendar days (YYYY-MM-DD). */
  dates?: { from: string; to: string } | null;
  printedAt: Date;
  /** The campaign's IANA time zone, in which `printedAt` is written. */
  timeZone: string;
  /** One empty box per outcome on each address's row, in this order. */
  outcomes: WalkListOutcome[];
  /** Short headings of columns left empty for an answer, e.g. "Soutien 1–5". */
  questions?: string[];
  /** The streets in walk order, each with its addresses in walk order. */
  stops: WalkListStop[];
  /** Street centre lines to draw under the points; without them, a street's points are joined. */
  streets?: LonLat[][];
}
