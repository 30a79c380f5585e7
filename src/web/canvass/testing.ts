// Fixtures of the canvassing app's tests: a database per test, a turf's pack, and a fake
// server behind `fetch` that answers the visits route as the real one does (idempotent by id).
import type { WalkAddress } from '../../contracts/field-turfs.ts';
import type { CanvassPack, VisitInput, VisitSyncResult } from '../../contracts/field-visits.ts';
import { CanvassDb } from './db.ts';

export const testDb = () => new CanvassDb(`canvass-test-${crypto.randomUUID()}`);

export function walkAddress(
  overrides: Partial<WalkAddress> & Pick<WalkAddress, 'id'>,
): WalkAddress {
  return {
    position: overrides.id,
    number: overrides.id,
    suffix: null,
    street: 'Rue de la Paix',
    streetKey: 'rue_de_la_paix',
    communeName: 'Lyon',
    postalCode: '69001',
    lat: 45.76,
    lng: 4.83,
    side: overrides.id % 2 ? 'odd' : 'even',
    doNotVisit: false,
    lastOutcome: null,
    visits: 0,
    electors: [],
    ...overrides,
  };
}

export function testPack(overrides: Partial<CanvassPack> = {}): CanvassPack {
  return {
    turf: {
      id: 7,
      areaId: 1,
      name: 'Croix-Rousse 1',
      committeeId: null,
      committeeName: null,
      startsOn: null,
      endsOn: null,
      addressCount: 3,
      lat: 45.76,
      lng: 4.83,
      outline: [],
      volunteers: [],
      visited: 0,
    },
    addresses: [walkAddress({ id: 1 }), walkAddress({ id: 2 }), walkAddress({ id: 3 })],
    questionnaire: null,
    silences: [],
    streets: [],
    packedAt: '2026-12-05T08:00:00.000Z',
    ...overrides,
  };
}

/** An address the fake server refuses visits to. */
export const REFUSED_ADDRESS = 666;

export type ServerMode =
  /** Answers every visit. */
  | 'up'
  /** No network: fetch fails before anything reaches the server. */
  | 'offline'
  /** The server stores the visits, then the connection drops before its answer. */
  | 'cut'
  | 'error'
  | 'logged_out';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** A fake Levier behind `fetch`: the session route and `POST /api/field/visits`. */
export function fakeServer() {
  const stored = new Map<string, VisitInput>();
  const requests: VisitInput[][] = [];
  const server = {
    mode: 'up' as ServerMode,
    stored,
    requests,
    fetch: async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = String(input);
      if (server.mode === 'offline') throw new TypeError('Failed to fetch');
      if (url === '/api/session') return json(200, { me: null, csrfToken: 'token' });
      if (url !== '/api/field/visits' || init?.method !== 'POST') {
        return json(404, { status: 404, code: 'not_found' }, 'application/problem+json');
      }
      if (server.mode === 'logged_out')
        return json(401, { status: 401, code: 'unauthenticated' }, 'application/problem+json');
      if (server.mode === 'error')
        return json(500, { status: 500, code: 'internal' }, 'application/problem+json');
      const headers = new Headers(init.headers);
      if (headers.get('x-csrf-token') !== 'token')
        return json(403, { status: 403, code: 'csrf_invalid' }, 'application/problem+json');
      const { visits } = JSON.parse(String(init.body)) as { visits: VisitInput[] };
      requests.push(visits);
      const results: VisitSyncResult['results'] = visits.map((visit) => {
        if (visit.addressId === REFUSED_ADDRESS)
          return {
            id: visit.id,
            status: 'rejected',
            code: 'turf_not_assigned',
            message: 'Ce secteur ne vous est pas confié.',
          };
        if (stored.has(visit.id)) return { id: visit.id, status: 'duplicate' };
        stored.set(visit.id, visit);
        return { id: visit.id, status: 'stored' };
      });
      if (server.mode === 'cut') throw new TypeError('network connection was lost');
      return json(200, { results });
    },
  };
  return server;
}
