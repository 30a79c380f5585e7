import { suffixRank } from './house-number.ts';
import { projectColumns } from './projection.ts';
import type { TurfAddress } from './types.ts';

/**
 * The addresses as the cutter reads them, by ascending id, in columns: each input object is
 * read once, in its order, and the rest of the work runs on typed arrays (on 100,000 addresses,
 * every pass over scattered objects costs cache misses).
 */
export interface AddressTable {
  count: number;
  id: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  /** Local plane, metres (projection.ts). */
  x: Float64Array;
  y: Float64Array;
  /** Index into streetKeys, which are in code-unit order. */
  street: Int32Array;
  streetKeys: string[];
  /** 0 when none. */
  number: Float64Array;
  /** suffixRank of the suffix. */
  suffix: Int32Array;
}

export function addressTable(addresses: readonly TurfAddress[]): AddressTable {
  const n = addresses.length;
  const id = new Float64Array(n);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const street = new Int32Array(n);
  const number = new Float64Array(n);
  const suffix = new Int32Array(n);
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = addresses[i];
    id[i] = a.id;
    lon[i] = a.lon;
    lat[i] = a.lat;
    number[i] = a.number;
    suffix[i] = a.suffix === null ? 0 : suffixRank(a.suffix);
    let k = keyIndex.get(a.streetKey);
    if (k === undefined) {
      k = keys.length;
      keyIndex.set(a.streetKey, k);
      keys.push(a.streetKey);
    }
    street[i] = k;
  }
  const byKey = keys
    .map((_, k) => k)
    .sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const rank = new Int32Array(keys.length);
  byKey.forEach((k, r) => (rank[k] = r));

  const order = Int32Array.from({ length: n }, (_, i) => i);
  let ascending = true;
  for (let i = 1; i < n && ascending; i++) ascending = id[i - 1] < id[i];
  if (!ascending) order.sort((a, b) => id[a] - id[b] || a - b);
  const gather = <T extends Float64Array | Int32Array>(column: T, into: T): T => {
    for (let i = 0; i < n; i++) into[i] = column[order[i]];
    return into;
  };
  const table = {
    count: n,
    id: gather(id, new Float64Array(n)),
    lon: gather(lon, new Float64Array(n)),
    lat: gather(lat, new Float64Array(n)),
    street: Int32Array.from(order, (i) => rank[street[i]]),
    streetKeys: byKey.map((k) => keys[k]),
    number: gather(number, new Float64Array(n)),
    suffix: gather(suffix, new Int32Array(n)),
  };
  const { x, y } = projectColumns(table.lon, table.lat);
  return { ...table, x, y };
}
