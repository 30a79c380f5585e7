// Fixtures of the canvassing app's tests: a database per test, a turf's pack, and a fake
// server behind `fetch` that answers the visits route as the real one does (idempotent by id).
import type { WalkAddress } from '../../contracts/field-turfs.ts';
import type { Me } from '../../contracts/accounts.ts';
import type { CanvassPack, VisitInput, VisitSyncResult } from '../../contracts/field-visits.ts';
import { learnAccount } from './account.ts';
import { CanvassDb } from './db.ts';
import type { AskSession, SendVisits } from './sync.ts';

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
  /** The session ends between the question who is logged in and the send. */
  | 'logged_out';

/** The person the fake server has logged in at first. */
export const FIRST_PERSON = 1;

const me = (personId: number): Me => ({
  personId,
  email: null,
  firstName: null,
  lastName: null,
  roles: [],
  permissions: [],
  hasPassword: false,
});

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/**
 * A fake Levier behind `fetch`: the session route and `POST /api/field/visits`, stored under
 * the person logged in (`FIRST_PERSON` at first). As the real one, it makes a new CSRF secret
 * at each login: a token given before is refused.
 */
export function fakeServer() {
  const stored = new Map<string, VisitInput>();
  /** Whose visit each stored one is: the person whose session sent it. */
  const storedFor = new Map<string, number>();
  const requests: VisitInput[][] = [];
  let logins = 0;
  const server = {
    mode: 'up' as ServerMode,
    stored,
    storedFor,
    requests,
    personId: FIRST_PERSON as number | null,
    csrfToken: 'token',
    /** Runs as a send arrives, before anything is checked (someone logs in meanwhile). */
    onSend: null as (() => void) | null,
    logIn(personId: number) {
      server.personId = personId;
      logins += 1;
      server.csrfToken = `token-${logins}`;
    },
    logOut() {
      server.personId = null;
    },
    fetch: async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = String(input);
      if (server.mode === 'offline') throw new TypeError('Failed to fetch');
      if (url === '/api/session') {
        const who = server.personId === null ? null : me(server.personId);
        return json(200, { me: who, csrfToken: server.csrfToken });
      }
      if (url !== '/api/field/visits' || init?.method !== 'POST') {
        return json(404, { status: 404, code: 'not_found' }, 'application/problem+json');
      }
      server.onSend?.();
      if (server.mode === 'logged_out')
        return json(401, { status: 401, code: 'unauthenticated' }, 'application/problem+json');
      if (server.mode === 'error')
        return json(500, { status: 500, code: 'internal' }, 'application/problem+json');
      const headers = new Headers(init.headers);
      if (headers.get('x-csrf-token') !== server.csrfToken)
        return json(403, { status: 403, code: 'csrf_invalid' }, 'application/problem+json');
      const personId = server.personId;
      if (personId === null)
        return json(401, { status: 401, code: 'unauthenticated' }, 'application/problem+json');
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
        storedFor.set(visit.id, personId);
        return { id: visit.id, status: 'stored' };
      });
      if (server.mode === 'cut') throw new TypeError('network connection was lost');
      return json(200, { results });
    },
  };
  return server;
}

/** A session of this person whose sends go through `send` (a server that misbehaves). */
export const sessionWith =
  (send: SendVisits, personId: number = FIRST_PERSON): AskSession =>
  () =>
    Promise.resolve({ personId, send });

/** A database on a phone that knows this person logged in. */
export async function testDbOf(personId: number = FIRST_PERSON): Promise<CanvassDb> {
  const db = testDb();
  await learnAccount(db, personId);
  return db;
}
