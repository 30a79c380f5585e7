import type { Position } from '../../../contracts/committee-area.ts';
import type { StationPriority } from '../../../contracts/field.ts';
import type { TargetAreaInput } from '../../../contracts/field-turfs.ts';

/** How an area is chosen on the targeting page. */
export type AreaMode = TargetAreaInput['kind'];

export interface AreaChoice {
  mode: AreaMode;
  stations: ReadonlySet<string>;
  communes: ReadonlySet<string>;
  ring: readonly Position[] | null;
}

export const emptyChoice = (mode: AreaMode): AreaChoice => ({
  mode,
  stations: new Set(),
  communes: new Set(),
  ring: null,
});

/** The set with `value` added, or removed when it was there. */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}

/** A click on a station: it, or its commune, joins the choice or leaves it. */
export function pick(choice: AreaChoice, station: StationPriority): AreaChoice {
  if (choice.mode === 'stations')
    return { ...choice, stations: toggled(choice.stations, station.id) };
  if (choice.mode === 'communes') {
    return { ...choice, communes: toggled(choice.communes, station.communeCode) };
  }
  return choice;
}

/** Whether a station is inside the choice (a drawn polygon is the server's to intersect). */
export function isChosen(choice: AreaChoice, station: StationPriority): boolean {
  if (choice.mode === 'stations') return choice.stations.has(station.id);
  if (choice.mode === 'communes') return choice.communes.has(station.communeCode);
  return false;
}

/** The listed stations the choice holds, for their totals and the map's rings. */
export const chosenStations = (choice: AreaChoice, stations: readonly StationPriority[]) =>
  stations.filter((station) => isChosen(choice, station));

/** Whether anything is chosen yet. */
export function hasChoice(choice: AreaChoice): boolean {
  if (choice.mode === 'stations') return choice.stations.size > 0;
  if (choice.mode === 'communes') return choice.communes.size > 0;
  return choice.ring !== null && choice.ring.length >= 4;
}

/** The body that creates the area (checked by the route's schema before it is sent). */
export function areaInput(choice: AreaChoice, name: string): TargetAreaInput {
  if (choice.mode === 'stations') return { kind: 'stations', name, stations: [...choice.stations] };
  if (choice.mode === 'communes') return { kind: 'communes', name, communes: [...choice.communes] };
  return {
    kind: 'polygon',
    name,
    polygon: { type: 'Polygon', coordinates: choice.ring ? [[...choice.ring]] : [] },
  };
}
