import type { VisitOutcome, WalkAddress } from '../../contracts/field-turfs.ts';
import type { LocalVisit } from './outbox.ts';

/** "12 bis Rue de la Paix": how the volunteer reads the address on the door. */
export function addressLabel(address: Pick<WalkAddress, 'number' | 'suffix' | 'street'>): string {
  const suffix = address.suffix?.trim();
  return `${address.number}${suffix ? ` ${suffix}` : ''} ${address.street}`;
}

export interface StreetGroup {
  /** Unique in the list: a street walked twice gives two groups. */
  key: string;
  street: string;
  side: WalkAddress['side'];
  addresses: WalkAddress[];
}

/**
 * The walk list cut where the street or its side changes, in walk order: the volunteer walks
 * one side of a street, then the other, and each run is one group.
 */
export function streetGroups(addresses: readonly WalkAddress[]): StreetGroup[] {
  const ordered = [...addresses].sort((a, b) => a.position - b.position);
  const groups: StreetGroup[] = [];
  for (const address of ordered) {
    const last = groups.at(-1);
    const lastAddress = last?.addresses.at(-1);
    if (last && lastAddress?.streetKey === address.streetKey && last.side === address.side) {
      last.addresses.push(address);
    } else {
      groups.push({
        key: `${address.streetKey}:${address.side ?? 'none'}:${address.position}`,
        street: address.street,
        side: address.side,
        addresses: [address],
      });
    }
  }
  return groups;
}

export interface AddressState {
  /** The latest outcome known: this phone's latest visit, else the pack's. */
  outcome: VisitOutcome | null;
  /** Visits recorded on this phone at this address (all doors). */
  localVisits: LocalVisit[];
  /** Some of them wait for the network. */
  waiting: boolean;
  /** A refused one waits for the volunteer. */
  refused: boolean;
}

/** Each address's state from the pack and the visits this phone recorded. */
export function addressStates(
  addresses: readonly WalkAddress[],
  visits: readonly LocalVisit[],
): Map<number, AddressState> {
  const byAddress = new Map<number, LocalVisit[]>();
  for (const visit of visits) {
    byAddress.set(visit.addressId, [...(byAddress.get(visit.addressId) ?? []), visit]);
  }
  const states = new Map<number, AddressState>();
  for (const address of addresses) {
    const mine = (byAddress.get(address.id) ?? []).sort((a, b) =>
      a.visitedAt.localeCompare(b.visitedAt),
    );
    states.set(address.id, {
      outcome: mine.at(-1)?.outcome ?? address.lastOutcome,
      localVisits: mine,
      waiting: mine.some((v) => v.state === 'pending'),
      refused: mine.some((v) => v.state === 'rejected'),
    });
  }
  return states;
}

/** Addresses with an outcome, out of all. */
export function progress(states: ReadonlyMap<number, AddressState>): {
  done: number;
  total: number;
} {
  let done = 0;
  for (const state of states.values()) if (state.outcome) done += 1;
  return { done, total: states.size };
}

/**
 * The leaflet this phone dropped at an address and may still take back (tapped by mistake,
 * never sent), if any.
 */
export function withdrawableLeaflet(state: AddressState | undefined): LocalVisit | null {
  const last = state?.localVisits.at(-1);
  return last && last.outcome === 'leaflet' && last.withdrawable ? last : null;
}

/** "Bât. A, 3e, porte 12": where in a building a visit was, or '' for a house. */
export function doorLabel(
  visit: Pick<LocalVisit, 'building' | 'floor' | 'door'>,
  words: { building: string; floor: string; door: string },
): string {
  return [
    visit.building && `${words.building} ${visit.building}`,
    visit.floor && `${words.floor} ${visit.floor}`,
    visit.door && `${words.door} ${visit.door}`,
  ]
    .filter(Boolean)
    .join(', ');
}
