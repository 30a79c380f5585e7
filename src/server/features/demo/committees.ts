import type { EventType } from '../../../contracts/events.ts';
import { communeCentres } from '../../core/geo/commune-centres.ts';
import { mercator } from '../../core/geo/place.ts';
import { instantOf, wallClock, addDays } from '../../core/local-time.ts';
import type { DemoPerson } from './generate.ts';
import { Random } from './random.ts';

/** A demo committee over a real commune, its members (indexes in the plan's people). */
export interface DemoCommittee {
  name: string;
  description: string;
  communeCode: string;
  communeName: string;
  postalCode: string;
  departementCode: string;
  lat: number;
  lng: number;
  location: string;
  createdAt: number;
  certified: boolean;
  members: Array<{
    person: number;
    rank: 'organiser' | 'manager' | 'member' | 'follower';
    at: number;
  }>;
  events: DemoEvent[];
}

export interface DemoEvent {
  type: EventType;
  title: string;
  startsAt: number;
  endsAt: number;
  capacity: number | null;
  going: Array<{ person: number; guests: number; at: number }>;
}

const TITLES: Record<EventType, string[]> = {
  meeting: ['Réunion du comité', 'Point d’organisation'],
  public_meeting: ['Réunion publique', 'Débat citoyen', 'Rencontre avec les habitants'],
  door_to_door: ['Porte-à-porte', 'Porte-à-porte du samedi'],
  leaflet_drop: ['Tractage au marché', 'Distribution de tracts'],
  phone_bank: ['Soirée d’appels'],
  other: ['Apéro militant', 'Collage d’affiches'],
};
const TYPES: EventType[] = [
  'meeting',
  'public_meeting',
  'door_to_door',
  'door_to_door',
  'leaflet_drop',
  'leaflet_drop',
  'phone_bank',
  'other',
];

const DAY = 86_400_000;

/**
 * Committees where the demo's confirmed supporters live: one per commune with at least five
 * of them (the biggest first, at most one per 120 supporters), organised by one of the first
 * there; most neighbours join, some follow. Each holds meetings and public actions over the
 * last two months and the next one, answered by its members; those that meet the default
 * certification criteria are certified.
 */
export function planCommittees(
  people: readonly DemoPerson[],
  now: number,
  timeZone: string,
  seed: string,
): DemoCommittee[] {
  const random = new Random(`${seed}:committees`);
  const byCommune = new Map<string, number[]>();
  people.forEach((p, i) => {
    if (p.confirmedAt === null) return;
    byCommune.set(p.communeCode, [...(byCommune.get(p.communeCode) ?? []), i]);
  });
  const centres = communeCentres();
  const limit = Math.max(3, Math.floor(people.length / 120));
  const communes = [...byCommune]
    .filter(([, members]) => members.length >= 5)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, limit);
  return communes.map(([communeCode, local]) => {
    const founders = [...local].sort((a, b) => people[a]!.confirmedAt! - people[b]!.confirmedAt!);
    const organiser = founders[0]!;
    const first = people[organiser]!;
    const createdAt = Math.min(now - 7 * DAY, first.confirmedAt! + random.int(1, 20) * DAY);
    const centre = centres.get(communeCode)!;
    const lat = centre.lat + (random.next() - 0.5) * 0.01;
    const lng = centre.lng + (random.next() - 0.5) * 0.01;
    const [x, y] = mercator(lat, lng);
    const members: DemoCommittee['members'] = [
      { person: organiser, rank: 'organiser', at: createdAt },
    ];
    for (const person of founders.slice(1)) {
      if (!random.chance(0.75)) continue;
      const at = Math.max(createdAt, people[person]!.confirmedAt!) + random.int(0, 10) * DAY;
      if (at > now) continue;
      const rank = members.length === 2 ? 'organiser' : random.chance(0.2) ? 'follower' : 'member';
      members.push({ person, rank, at });
    }
    const goers = members.filter((m) => m.rank !== 'follower');
    const events: DemoEvent[] = [];
    const count = random.int(2, 6);
    for (let e = 0; e < count; e++) {
      const type = random.pick(TYPES);
      const dayOffset = random.int(-60, 30);
      const start = now + dayOffset * DAY;
      if (start < createdAt) continue;
      const day = addDays(wallClock(new Date(start), timeZone).day, 0);
      const startsAt = instantOf(day, type === 'meeting' ? 19 * 60 : 10 * 60, timeZone).getTime();
      const capacity = type === 'public_meeting' ? 80 : random.chance(0.3) ? 20 : null;
      const going = goers
        .filter(() => random.chance(0.5))
        .slice(0, capacity ?? Infinity)
        .map((m) => ({
          person: m.person,
          guests: random.chance(0.1) ? 1 : 0,
          at: Math.max(m.at, startsAt - 10 * DAY),
        }));
      events.push({
        type,
        title: `${random.pick(TITLES[type])} — ${first.communeName}`,
        startsAt,
        endsAt: startsAt + 2 * 3_600_000,
        capacity,
        going,
      });
    }
    const recentPublic = events.filter(
      (e) => e.startsAt <= now && e.startsAt >= now - 62 * DAY && e.type !== 'meeting',
    ).length;
    const organisers = members.filter((m) => m.rank === 'organiser').length;
    return {
      name: `Comité ${first.communeName}`,
      description: `Le comité local de **${first.communeName}** : réunions, porte-à-porte et tractages. Rejoignez-nous !`,
      communeCode,
      communeName: first.communeName,
      postalCode: first.postalCode,
      departementCode: first.departementCode,
      lat,
      lng,
      location: `(${x},${y})`,
      createdAt,
      certified:
        now - createdAt >= 31 * DAY && goers.length >= 3 && recentPublic >= 3 && organisers >= 2,
      members,
      events,
    };
  });
}
