/** One address to knock at, as the turf cutter reads it. */
export interface TurfAddress {
  id: number;
  lon: number;
  lat: number;
  /** A street's identity within a commune (e.g. the BAN's `id_fantoir` or commune + name). */
  streetKey: string;
  /** House number; 0 when the address has none (a lieu-dit, a farm). */
  number: number;
  /** 'bis', 'ter', 'a'… as the source writes it; null when none. */
  suffix: string | null;
}

/** A walkable piece of a target area, for one canvassing team's session. */
export interface Turf {
  /** Ascending. */
  addressIds: number[];
  /** Mean of the addresses' coordinates. */
  centroid: { lon: number; lat: number };
  addressCount: number;
  /** Distinct street keys, sorted. */
  streetKeys: string[];
}

export interface TurfSizeBounds {
  minSize: number;
  maxSize: number;
}
